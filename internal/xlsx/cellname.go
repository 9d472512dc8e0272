package xlsx

// CellName is the A1-style name of the cell at 1-based col and row.
func CellName(col, row int) string { return cell(col, row) }
