package xlsx

import (
	"fmt"
	"io"
	"sort"

	"sodan/internal/layout/spec"
	"sodan/internal/model"
)

// Entries are what a user types into the workbook: rows of
// 情報資産管理台帳, each by ledger column ID (a string or an int per cell)
// and starting at its first empty row, and answers of 自社診断 by question
// number.
type Entries struct {
	Ledger  []map[string]any
	Answers map[int]string
}

// WriteFilled is Write with entries typed in, as a user filling in the
// workbook would type them: for the tests and examples that read a
// filled-in workbook, so that they need no spreadsheet library.
func WriteFilled(w io.Writer, book *model.Book, look *spec.Workbook, e Entries) error {
	wr, err := build(book, look)
	if err != nil {
		return fmt.Errorf("render workbook: %w", err)
	}
	defer wr.f.Close()
	for k, row := range e.Ledger {
		r := wr.ledger.first + k
		ids := make([]string, 0, len(row))
		for id := range row {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			col, ok := wr.ledger.byID[id]
			if !ok || r > wr.ledger.last {
				return fmt.Errorf("fill workbook: no ledger cell %s in row %d", id, r)
			}
			switch v := row[id].(type) {
			case int:
				wr.num(sheetLedger, col, r, v)
			case string:
				wr.str(sheetLedger, col, r, v)
			default:
				return fmt.Errorf("fill workbook: %s in row %d: %T is neither a string nor an int", id, r, v)
			}
		}
	}
	nos := make([]int, 0, len(e.Answers))
	for no := range e.Answers {
		nos = append(nos, no)
	}
	sort.Ints(nos)
	for _, no := range nos {
		if no < 1 || no > len(wr.check.answers) {
			return fmt.Errorf("fill workbook: no question %d", no)
		}
		if wr.err == nil {
			wr.fail(wr.f.SetCellStr(sheetCheck, wr.check.answers[no-1], e.Answers[no]))
		}
	}
	if wr.err != nil {
		return fmt.Errorf("fill workbook: %w", wr.err)
	}
	if err := wr.f.Write(w); err != nil {
		return fmt.Errorf("render workbook: %w", err)
	}
	return nil
}
