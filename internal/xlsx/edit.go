package xlsx

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Entry is one value put into a workbook by Edit: what a person filling in
// the sheet would type into the cell at 1-based Col and Row of Sheet. A
// string is stored as text, an int as a number.
type Entry struct {
	Sheet    string
	Col, Row int
	Value    any
}

// Edit copies the workbook read from r to w with the entries typed in, as
// a person filling in the sheet would. The tests use it to make filled-in
// workbooks without a spreadsheet program.
func Edit(r io.Reader, w io.Writer, entries []Entry) error {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, e := range entries {
		if err := f.SetCellValue(e.Sheet, cell(e.Col, e.Row), e.Value); err != nil {
			return fmt.Errorf("%s!%s: %w", e.Sheet, cell(e.Col, e.Row), err)
		}
	}
	return f.Write(w)
}

// Rows returns the text of every cell of sheet in the workbook read from r,
// row by row, as the sheet shows it (cached values of formulas).
func Rows(r io.Reader, sheet string) ([][]string, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetRows(sheet)
}

// CellName is the A1-style name of the cell at 1-based col and row.
func CellName(col, row int) string { return cell(col, row) }
