package layout

import (
	"io/fs"
	"path"
	"strconv"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// ReadSpec decodes layouts/name (read from fsys, shown as dir/name) into
// out, a pointer to a struct of yamlpos.Str/Num/Int/Bool fields, strictly:
// unknown keys and wrong kinds of value are reported with positions.
func ReadSpec(fsys fs.FS, dir, name string, out any) diag.List {
	var errs diag.List
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: path.Join(dir, name)}, Msg: "レイアウトのファイルを読めません（" + err.Error() + "）"})
		return errs
	}
	yamlpos.Decode(path.Join(dir, name), data, out, &errs)
	return errs
}

// StyleSpec is a text style as written in a layout file.
type StyleSpec struct {
	Size    yamlpos.Num  `yaml:"size,required"`
	MinSize yamlpos.Num  `yaml:"min_size"`
	Leading yamlpos.Num  `yaml:"leading"`
	Bold    yamlpos.Bool `yaml:"bold"`
	Color   yamlpos.Str  `yaml:"color"`
}

// SpecChecker turns layout values into typed ones, collecting problems.
type SpecChecker struct {
	Errs diag.List
}

// Style converts a StyleSpec; sizes must be between 4 and 200 points and
// min_size not above size.
func (c *SpecChecker) Style(s StyleSpec) Style {
	st := Style{Size: s.Size.V, MinSize: s.MinSize.V, Leading: s.Leading.V, Bold: s.Bold.V, Color: c.Color(s.Color, Color{})}
	if s.Size.Set && (st.Size < 4 || st.Size > 200) {
		c.Errs.Addf(s.Size.Loc, "文字の大きさは 4〜200pt にしてください")
	}
	if s.MinSize.Set && (st.MinSize < 4 || st.MinSize > st.Size) {
		c.Errs.Addf(s.MinSize.Loc, "min_size は 4pt 以上、size（%gpt）以下にしてください", st.Size)
	}
	if s.Leading.Set && (st.Leading < 1 || st.Leading > 3) {
		c.Errs.Addf(s.Leading.Loc, "leading（行の高さ÷文字の大きさ）は 1〜3 にしてください")
	}
	return st
}

// Color parses "#RRGGBB"; an empty value gives def.
func (c *SpecChecker) Color(s yamlpos.Str, def Color) Color {
	v := strings.TrimSpace(s.V)
	if v == "" {
		return def
	}
	if len(v) != 7 || v[0] != '#' {
		c.Errs.Addf(s.Loc, "色は #RRGGBB の形で書いてください（例: #1A4D8F）")
		return def
	}
	n, err := strconv.ParseUint(v[1:], 16, 32)
	if err != nil {
		c.Errs.Addf(s.Loc, "色は #RRGGBB の形で書いてください（例: #1A4D8F）")
		return def
	}
	return Color{uint8(n >> 16), uint8(n >> 8), uint8(n)}
}

// Positive checks a length in mm is above zero and below max.
func (c *SpecChecker) Positive(n yamlpos.Num, max float64) float64 {
	if n.Set && (n.V <= 0 || n.V > max) {
		c.Errs.Addf(n.Loc, "0 より大きく %g 以下の値にしてください", max)
	}
	return n.V
}

// SizeSpec is a page size in mm as written in a layout file.
type SizeSpec struct {
	Width  yamlpos.Num `yaml:"width,required"`
	Height yamlpos.Num `yaml:"height,required"`
}

// MarginSpec is the four page margins in mm as written in a layout file.
type MarginSpec struct {
	Top    yamlpos.Num `yaml:"top,required"`
	Bottom yamlpos.Num `yaml:"bottom,required"`
	Left   yamlpos.Num `yaml:"left,required"`
	Right  yamlpos.Num `yaml:"right,required"`
}

// PageSpec is a page size with its margins, as written in a layout file.
type PageSpec struct {
	Width  yamlpos.Num `yaml:"width,required"`
	Height yamlpos.Num `yaml:"height,required"`
	Margin MarginSpec  `yaml:"margin,required"`
}

// Insets are the four margins of a page in mm.
type Insets struct{ Top, Bottom, Left, Right float64 }

// Margins converts margins for a w×h page: each above zero and at most a
// third of the page's height (top, bottom) or width (left, right).
func (c *SpecChecker) Margins(m MarginSpec, w, h float64) Insets {
	return Insets{
		Top:    c.Positive(m.Top, h/3),
		Bottom: c.Positive(m.Bottom, h/3),
		Left:   c.Positive(m.Left, w/3),
		Right:  c.Positive(m.Right, w/3),
	}
}
