package spec

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/model"
	"sodan/internal/yamlpos"
)

// TreatmentColumn is the ID of the ledger column the workbook adds after
// the columns of the sources, for the chosen risk treatment; widths may
// name it.
const TreatmentColumn = "treatment"

// workbookFile is layouts/workbook.yaml as written.
type workbookFile struct {
	LedgerRows   yamlpos.Int `yaml:"ledger_rows,required"`
	Font         yamlpos.Str `yaml:"font,required"`
	FontSize     yamlpos.Num `yaml:"font_size,required"`
	HeaderFill   yamlpos.Str `yaml:"header_fill,required"`
	ComputedFill yamlpos.Str `yaml:"computed_fill,required"`
	InputFill    yamlpos.Str `yaml:"input_fill,required"`
	Bands        []struct {
		At   diag.Loc    `yaml:"-"`
		Fill yamlpos.Str `yaml:"fill,required"`
		Font yamlpos.Str `yaml:"font,required"`
	} `yaml:"bands,required"`
	Margins struct {
		marginSpec `yaml:",inline"`
		Header     yamlpos.Num `yaml:"header,required"`
		Footer     yamlpos.Num `yaml:"footer,required"`
	} `yaml:"margins_mm,required"`
	Widths map[string]yamlpos.Num `yaml:"widths"`
}

// Workbook is the checked look of the risk-analysis workbook, read from
// layouts/workbook.yaml. Colours are "#RRGGBB".
type Workbook struct {
	// LedgerRows is the number of empty rows in 情報資産管理台帳.
	LedgerRows int
	// Font is the default font name of the workbook, FontSize the size in
	// points of the body text (titles are larger).
	Font     string
	FontSize float64
	// HeaderFill fills column headings, ComputedFill the headings of
	// computed columns, InputFill the cells the user types into or picks
	// from.
	HeaderFill, ComputedFill, InputFill string
	// Bands colour the judgement bands, high to low, matched to the
	// scale's bands by position.
	Bands []struct{ Fill, Font string }
	// Margins are the page margins in mm.
	Margins struct{ Top, Bottom, Left, Right, Header, Footer float64 }
	// Widths sets column widths of the ledger, keyed by ledger column ID
	// (model.LedgerColumnIDs and TreatmentColumn), in Excel units (about
	// two per full-width character).
	Widths map[string]float64
}

// ReadWorkbook reads and checks layouts/workbook.yaml from fsys (shown to
// the user as dir); it must colour every judgement band of scale.
func ReadWorkbook(fsys fs.FS, dir string, scale *model.Scale) (*Workbook, diag.List) {
	var f workbookFile
	c := read(fsys, dir, WorkbookFile, &f)
	s := &Workbook{LedgerRows: f.LedgerRows.V, Font: f.Font.V, FontSize: f.FontSize.V, Widths: map[string]float64{}}
	if n := f.LedgerRows; c.checked(n.Set, n.Loc) && (n.V < 100 || n.V > 5000) {
		c.errs.Addf(n.Loc, "100〜5000 にしてください（いまは %d）", n.V)
	}
	c.num(f.FontSize, 6, 20, "（単位は pt）")
	hex := func(s yamlpos.Str) string { return hexColor(c.color(s, layout.Color{})) }
	s.HeaderFill, s.ComputedFill, s.InputFill = hex(f.HeaderFill), hex(f.ComputedFill), hex(f.InputFill)
	var first diag.Loc
	for i, b := range f.Bands {
		s.Bands = append(s.Bands, struct{ Fill, Font string }{hex(b.Fill), hex(b.Font)})
		if i == 0 {
			first = b.At
		}
	}
	c.bands(len(s.Bands), first, "bands", scale)
	m, sm := f.Margins, &s.Margins
	sm.Top, sm.Bottom, sm.Left = c.length(m.Top, 50), c.length(m.Bottom, 50), c.length(m.Left, 50)
	sm.Right, sm.Header, sm.Footer = c.length(m.Right, 50), c.length(m.Header, 50), c.length(m.Footer, 50)
	known := append(slices.Clone(model.LedgerColumnIDs), TreatmentColumn)
	keys := make([]string, 0, len(f.Widths))
	for k := range f.Widths {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w := f.Widths[k]
		if !slices.Contains(known, k) {
			c.errs.Addf(w.Loc, "台帳にない列です（使える列: %s）", strings.Join(known, ", "))
			continue
		}
		s.Widths[k] = c.num(w, 3, 100, "")
	}
	return result(c, s)
}

// hexColor writes c as "#RRGGBB".
func hexColor(c layout.Color) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }
