package xlsx

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"

	"sodan/internal/model"
)

// Spec is the look of the workbook, read from layouts/workbook.yaml by the
// caller: start from DefaultSpec, decode the YAML over it, then Check it.
type Spec struct {
	// LedgerRows is the number of empty rows in 情報資産管理台帳 (at least 100).
	LedgerRows int `yaml:"ledger_rows"`
	// Font is the default font name of the workbook.
	Font string `yaml:"font"`
	// FontSize is the size in points of the body text; titles are larger.
	FontSize float64 `yaml:"font_size"`
	// HeaderFill is the fill of column headings, "#RRGGBB".
	HeaderFill string `yaml:"header_fill"`
	// ComputedFill is the fill of the headings of computed columns.
	ComputedFill string `yaml:"computed_fill"`
	// InputFill is the fill of cells the user types into or picks from.
	InputFill string `yaml:"input_fill"`
	// Bands colour the judgement bands, high to low (大, 中, 小), matched to
	// the scale's bands by position. Choose fills that differ in lightness
	// so they stay apart in black-and-white print.
	Bands []BandStyle `yaml:"bands"`
	// Margins are the page margins in millimetres.
	Margins Margins `yaml:"margins_mm"`
	// Widths overrides column widths of the ledger, keyed by ledger column
	// ID (see model.LedgerColumnIDs, plus "treatment"), in Excel units (about
	// two per full-width character). Columns not listed get the width of
	// their heading on one line.
	Widths map[string]float64 `yaml:"widths"`
}

// BandStyle is the colour of one judgement band.
type BandStyle struct {
	Fill string `yaml:"fill"` // "#RRGGBB"
	Font string `yaml:"font"` // "#RRGGBB"
}

// Margins are page margins in millimetres.
type Margins struct {
	Top    float64 `yaml:"top"`
	Bottom float64 `yaml:"bottom"`
	Left   float64 `yaml:"left"`
	Right  float64 `yaml:"right"`
	Header float64 `yaml:"header"`
	Footer float64 `yaml:"footer"`
}

// treatmentColumn is the ID of the extra ledger column for the chosen
// risk treatment, written after the columns of the sources.
const treatmentColumn = "treatment"

// DefaultSpec returns the look used when layouts/workbook.yaml leaves a
// value out; it is the same as the bundled workbook.yaml.
func DefaultSpec() Spec {
	return Spec{
		LedgerRows:   100,
		Font:         "BIZ UDPゴシック",
		FontSize:     10,
		HeaderFill:   "#D9E1F2",
		ComputedFill: "#E2EFDA",
		InputFill:    "#FFF8D6",
		Bands: []BandStyle{
			{Fill: "#9C1C1C", Font: "#FFFFFF"},
			{Fill: "#E8955A", Font: "#000000"},
			{Fill: "#EDF3FA", Font: "#000000"},
		},
		Margins: Margins{Top: 15, Bottom: 15, Left: 8, Right: 8, Header: 6, Footer: 6},
		Widths: map[string]float64{
			"asset": 18, "note": 18, "medium": 14,
			"pi_sensitive": 9, "pi_mynumber": 9,
			"retention": 12, "registered": 11,
			"threat": 9, "likelihood": 9,
		},
	}
}

var hexColour = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// Check reports every value of s that cannot be used, one error per value,
// each naming the key as written in workbook.yaml.
func (s Spec) Check() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", key, fmt.Sprintf(format, args...)))
	}
	if s.LedgerRows < 100 || s.LedgerRows > 5000 {
		bad("ledger_rows", "100〜5000 にしてください（いまは %d）", s.LedgerRows)
	}
	if s.Font == "" {
		bad("font", "フォント名を書いてください")
	}
	if s.FontSize < 6 || s.FontSize > 20 {
		bad("font_size", "6〜20 ポイントにしてください（いまは %g）", s.FontSize)
	}
	colour := func(key, v string) {
		if !hexColour.MatchString(v) {
			bad(key, "色は \"#RRGGBB\" の形で書いてください（いまは %q）", v)
		}
	}
	colour("header_fill", s.HeaderFill)
	colour("computed_fill", s.ComputedFill)
	colour("input_fill", s.InputFill)
	if len(s.Bands) == 0 {
		bad("bands", "判定の色を高い順に書いてください")
	}
	for i, b := range s.Bands {
		colour(fmt.Sprintf("bands[%d].fill", i), b.Fill)
		colour(fmt.Sprintf("bands[%d].font", i), b.Font)
	}
	m := s.Margins
	for _, v := range []struct {
		key string
		mm  float64
	}{{"top", m.Top}, {"bottom", m.Bottom}, {"left", m.Left}, {"right", m.Right}, {"header", m.Header}, {"footer", m.Footer}} {
		if v.mm < 0 || v.mm > 50 {
			bad("margins_mm."+v.key, "0〜50 mm にしてください（いまは %g）", v.mm)
		}
	}
	known := append(slices.Clone(model.LedgerColumnIDs), treatmentColumn)
	keys := make([]string, 0, len(s.Widths))
	for k := range s.Widths {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(known, k) {
			bad("widths."+k, "台帳にない列です")
			continue
		}
		if w := s.Widths[k]; w < 3 || w > 100 {
			bad("widths."+k, "幅は 3〜100 にしてください（いまは %g）", w)
		}
	}
	return errors.Join(errs...)
}
