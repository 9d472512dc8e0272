package xlsx

import (
	"sodan/internal/layout"
	"strings"

	"github.com/xuri/excelize/v2"
)

// a4 is the OOXML paper size code of A4.
const a4 = 9

// mmPerInch converts the layout's millimetres to the inches OOXML uses.
const mmPerInch = 25.4

// finish sets up printing and protects sheet. Pages are A4 landscape, one
// page wide and as many long as needed; titleRows ("$2:$3") repeat on
// every page when not empty. The footer names the sheet and the page.
// Protection has no password: locked cells (headings, formulas) cannot be
// changed by accident, unlocked input cells can.
func (w *writer) finish(sheet, titleRows string) {
	if w.err != nil {
		return
	}
	size, landscape, wide, tall := a4, "landscape", 1, 0
	w.fail(w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall,
	}))
	fit := true
	w.fail(w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	m := w.spec.Margins
	in := func(mm float64) *float64 { v := mm / mmPerInch; return &v }
	centre := true
	w.fail(w.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Top: in(m.Top), Bottom: in(m.Bottom), Left: in(m.Left), Right: in(m.Right),
		Header: in(m.Header), Footer: in(m.Footer), Horizontally: &centre,
	}))
	d := w.book.Edition.Date
	w.fail(w.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + hfText(clip(w.title(), 100)) + "&R" + hfText(layout.EditionLabel(d)),
		OddFooter: "&C&A &P / &N",
	}))
	if titleRows != "" {
		w.fail(w.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: quote(sheet) + "!" + titleRows, Scope: sheet,
		}))
	}
	w.fail(w.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
		FormatColumns:       true,
		FormatRows:          true,
	}))
}

// hfText escapes text for a page header or footer: "&" starts a code.
// Excel allows 255 characters for the whole header, hence the clip above.
func hfText(s string) string { return strings.ReplaceAll(s, "&", "&&") }
