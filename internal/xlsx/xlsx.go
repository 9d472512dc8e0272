// Package xlsx writes the risk-analysis workbook (リスク分析シート) of a
// model.Book as an .xlsx file; it is the only package that imports excelize.
//
// The workbook keeps the IPA method live: every result on the ledger, the
// example and the self-diagnosis is a formula that reads the tables on the
// 評価基準 sheet through defined names, so changing a band boundary there
// changes every judgement. Each formula cell also carries the value Go
// computes for the workbook as written (the example's results, blanks on
// the empty ledger and self-diagnosis), so viewers that do not calculate
// show them; spreadsheet programs recalculate on open.
package xlsx

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"sodan/internal/layout/spec"
	"sodan/internal/model"
)

// The sheets, in workbook order.
const (
	sheetGuide    = "使い方"
	sheetCriteria = "評価基準"
	sheetExample  = "記入例"
	sheetLedger   = "情報資産管理台帳"
	sheetCheck    = "自社診断"
	sheetSummary  = "集計"
)

var sheetOrder = []string{sheetGuide, sheetCriteria, sheetExample, sheetLedger, sheetCheck, sheetSummary}

// Sheets is how many sheets the workbook has.
var Sheets = len(sheetOrder)

// The values of the personal-information flags.
const (
	yes = "有"
	no  = "無"
)

// Write writes the workbook for book, laid out by look, to w. look is
// trusted as spec.ReadWorkbook checked it for the book's scale (a colour
// for every judgement band). Every formula cell carries the value the
// model computes for it in the workbook as written. The same book and
// look give the same bytes: the document dates are book.Edition.Date and
// nothing reads the clock.
func Write(w io.Writer, book *model.Book, look *spec.Workbook) error {
	wr, err := build(book, look)
	if err != nil {
		return fmt.Errorf("render workbook: %w", err)
	}
	defer wr.f.Close()
	if err := wr.f.Write(w); err != nil {
		return fmt.Errorf("render workbook: %w", err)
	}
	return nil
}

// writer carries one workbook being built: the file, its inputs, the
// style IDs and where each sheet put the cells others refer to. Cell
// helpers keep the first excelize error in err and do nothing after it.
type writer struct {
	f     *excelize.File
	book  *model.Book
	risk  *model.Risk
	scale *model.Scale
	spec  *spec.Workbook
	st    styles
	err   error

	example, ledger *ledgerPlan
	check           *checkPlan

	// cache holds every formula by sheet and cell with its value.
	cache map[string]map[string]formulaCell
}

// build makes the workbook in memory; tests use it to fill cells before
// writing.
func build(book *model.Book, look *spec.Workbook) (*writer, error) {
	scale := book.Risk.Scale
	if scale == nil {
		return nil, fmt.Errorf("risk: no scale in use")
	}
	w := &writer{f: excelize.NewFile(), book: book, risk: &book.Risk, scale: scale, spec: look}
	w.f.SetZipWriter(w.zipWriter)
	steps := []struct {
		name string
		run  func()
	}{
		{"workbook", w.workbook},
		{"styles", w.styles},
		{sheetCriteria, w.criteriaSheet},
		{sheetExample, func() { w.example = w.ledgerSheet(sheetExample, book.Risk.Examples) }},
		{sheetLedger, func() { w.ledger = w.ledgerSheet(sheetLedger, nil) }},
		{sheetCheck, w.checkSheet},
		{sheetSummary, w.summarySheet},
		{sheetGuide, w.guideSheet},
		{"content types", w.stableContentTypes},
	}
	for _, s := range steps {
		s.run()
		if w.err != nil {
			w.f.Close()
			return nil, fmt.Errorf("%s: %w", s.name, w.err)
		}
	}
	return w, nil
}

// workbook creates the sheets in order and sets the document properties,
// the default font and recalculation on open.
func (w *writer) workbook() {
	w.fail(w.f.SetSheetName("Sheet1", sheetGuide))
	for _, s := range sheetOrder[1:] {
		_, err := w.f.NewSheet(s)
		w.fail(err)
	}
	w.f.SetActiveSheet(0)
	w.fail(w.f.SetDefaultFont(w.spec.Font))
	e := w.book.Edition
	date := e.Date.UTC().Format(time.RFC3339)
	w.fail(w.f.SetDocProps(&excelize.DocProperties{
		Title:          w.title(),
		Subject:        e.Subtitle.S,
		Creator:        e.Publisher.S,
		LastModifiedBy: e.Publisher.S,
		Keywords:       strings.Join(e.Keywords, ", "),
		Description:    w.risk.Scale.Name.S,
		Created:        date,
		Modified:       date,
		Language:       "ja-JP",
	}))
	on := true
	w.fail(w.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on}))
}

// stableContentTypes sorts the default content types of the package.
// AddChart adds the image types from a map, so their order, and with it
// the bytes of [Content_Types].xml, would change from run to run.
func (w *writer) stableContentTypes() {
	if ct := w.f.ContentTypes; ct != nil {
		d := ct.Defaults
		sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
	}
}

// title is the document title: the workbook's name and the material's.
func (w *writer) title() string {
	t := w.risk.Title.S
	if e := w.book.Edition.Title.S; e != "" {
		t += "（" + e + "）"
	}
	return t
}

// fail keeps the first error.
func (w *writer) fail(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

// cell names the cell at column col and row row, both 1-based.
func cell(col, row int) string { return colName(col) + strconv.Itoa(row) }

// abs names the cell as an absolute reference ($A$1).
func abs(col, row int) string { return "$" + colName(col) + "$" + strconv.Itoa(row) }

// colName turns 1 into A, 27 into AA.
func colName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// area names a range on a sheet for formulas and defined names, with the
// sheet name quoted: '評価基準'!$A$5:$A$7.
func area(sheet string, col1, row1, col2, row2 int) string {
	return quote(sheet) + "!" + abs(col1, row1) + ":" + abs(col2, row2)
}

// quote quotes a sheet name for a formula.
func quote(sheet string) string { return "'" + strings.ReplaceAll(sheet, "'", "''") + "'" }

// str writes text as a string, never as a formula, whatever it starts with.
func (w *writer) str(sheet string, col, row int, s string) {
	if w.err == nil {
		w.fail(w.f.SetCellStr(sheet, cell(col, row), s))
	}
}

// num writes a whole number.
func (w *writer) num(sheet string, col, row, v int) {
	if w.err == nil {
		w.fail(w.f.SetCellInt(sheet, cell(col, row), int64(v)))
	}
}

// style sets the style of a rectangle of cells.
func (w *writer) style(sheet string, col1, row1, col2, row2, id int) {
	if w.err == nil {
		w.fail(w.f.SetCellStyle(sheet, cell(col1, row1), cell(col2, row2), id))
	}
}

// merge merges a rectangle of cells.
func (w *writer) merge(sheet string, col1, row1, col2, row2 int) {
	if w.err == nil && (col1 != col2 || row1 != row2) {
		w.fail(w.f.MergeCell(sheet, cell(col1, row1), cell(col2, row2)))
	}
}

// Excel's limits for a column width (characters) and a row height (points).
// Longer texts still show in full: the cells wrap.
const (
	maxColWidth  = 255
	maxRowHeight = 409
)

// width sets the width of one column, at most Excel's limit.
func (w *writer) width(sheet string, col int, width float64) {
	if w.err == nil {
		w.fail(w.f.SetColWidth(sheet, colName(col), colName(col), min(width, maxColWidth)))
	}
}

// height sets the height of one row in points, at most Excel's limit.
func (w *writer) height(sheet string, row int, h float64) {
	if w.err == nil {
		w.fail(w.f.SetRowHeight(sheet, row, min(h, maxRowHeight)))
	}
}

// name defines a workbook-wide name for a range.
func (w *writer) name(name, refersTo string) {
	if w.err == nil {
		w.fail(w.f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: refersTo}))
	}
}

// units is the width of s in Excel column units: two for a full-width
// character, one for ASCII and half-width kana.
func units(s string) float64 {
	n := 0.0
	for _, r := range s {
		switch {
		case r < 0x1100, r >= 0xFF61 && r <= 0xFF9F:
			n++
		default:
			n += 2
		}
	}
	return n
}

// lines estimates how many lines s takes when wrapped in a column of the
// given width, counting explicit line breaks. A full-width character of
// body text is taken as 1.8 units: about what Excel shows with BIZ
// UDPゴシック, so rows come out a little tall rather than cut.
func lines(s string, width float64) int {
	room := max(width-1.5, 1)
	n := 0
	for _, part := range strings.Split(s, "\n") {
		n += max(1, int((units(part)*0.9+room-0.01)/room))
	}
	return n
}

// lineHeight is the height in points of one line of body text.
func (w *writer) lineHeight() float64 { return w.spec.FontSize*1.45 + 0.5 }

// rowHeight is the height in points of a row whose tallest cell has n lines.
func (w *writer) rowHeight(n int) float64 {
	return float64(n)*w.lineHeight() + 5
}
