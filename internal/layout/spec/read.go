// Package spec reads the layout files (layouts/*.yaml) into checked
// layouts, one reader and one checker for all of them. Every file is
// decoded strictly by yamlpos and then every value is checked, so one run
// reports every problem of a file at once, each at its own position; a
// value the decoder refused or a key that is absent is not checked again.
// The planners and renderers trust what a reader returns.
package spec

import (
	"io/fs"
	"path"
	"strconv"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/yamlpos"
)

// The layout files, in the layouts folder.
const (
	QuickListFile = "quicklist-a4.yaml"
	SlidesFile    = "slides-16x9.yaml"
	NUpFile       = "nup-a4.yaml"
	ReportFile    = "report-a4.yaml"
	WorkbookFile  = "workbook.yaml"
)

// checker decodes one layout file and turns its values into checked ones,
// collecting every problem.
type checker struct {
	errs diag.List
	// refused holds the positions of values the decoder reported, which
	// are not checked again.
	refused map[diag.Pos]bool
}

// read decodes layouts/name (read from fsys, shown as dir/name) into raw,
// a pointer to a struct of yamlpos fields, and returns a checker that
// holds the decoder's problems.
func read(fsys fs.FS, dir, name string, raw any) *checker {
	c := &checker{refused: map[diag.Pos]bool{}}
	file := path.Join(dir, name)
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		c.errs.Add(diag.Diagnostic{Pos: diag.Pos{File: file}, Msg: "レイアウトのファイルを読めません（" + err.Error() + "）"})
		return c
	}
	yamlpos.Decode(file, data, raw, &c.errs)
	for _, d := range c.errs {
		c.refused[d.Pos] = true
	}
	return c
}

// checked reports whether a value at loc is to be checked: it was written
// and the decoder took it.
func (c *checker) checked(set bool, loc diag.Loc) bool { return set && !c.refused[loc.Pos] }

// num checks that a number lies between lo and hi (NaN and infinities do
// not); unit is said in the message.
func (c *checker) num(n yamlpos.Num, lo, hi float64, unit string) float64 {
	if c.checked(n.Set, n.Loc) && !(lo <= n.V && n.V <= hi) {
		c.errs.Addf(n.Loc, "%g 以上 %g 以下の値にしてください%s", lo, hi, unit)
	}
	return n.V
}

// length checks a length in mm from 0 to max.
func (c *checker) length(n yamlpos.Num, max float64) float64 {
	return c.num(n, 0, max, "（単位は mm）")
}

// positive checks a length in mm above 0 and at most max.
func (c *checker) positive(n yamlpos.Num, max float64) float64 {
	if c.checked(n.Set, n.Loc) && !(0 < n.V && n.V <= max) {
		c.errs.Addf(n.Loc, "0 より大きく %g 以下の値にしてください（単位は mm）", max)
	}
	return n.V
}

// count checks an integer between lo and hi.
func (c *checker) count(n yamlpos.Int, lo, hi int) int {
	if c.checked(n.Set, n.Loc) && (n.V < lo || n.V > hi) {
		c.errs.Addf(n.Loc, "%d 以上 %d 以下の整数にしてください", lo, hi)
	}
	return n.V
}

// color parses "#RRGGBB"; an empty value gives def.
func (c *checker) color(s yamlpos.Str, def layout.Color) layout.Color {
	v := strings.TrimSpace(s.V)
	if v == "" || c.refused[s.Loc.Pos] {
		return def
	}
	n, err := strconv.ParseUint(strings.TrimPrefix(v, "#"), 16, 32)
	if len(v) != 7 || v[0] != '#' || err != nil {
		c.errs.Addf(s.Loc, "色は #RRGGBB の形で書いてください（例: #1A4D8F）")
		return def
	}
	return layout.Color{R: uint8(n >> 16), G: uint8(n >> 8), B: uint8(n)}
}

// styleSpec is a text style as written in a layout file.
type styleSpec struct {
	At      diag.Loc     `yaml:"-"`
	Size    yamlpos.Num  `yaml:"size,required"`
	MinSize yamlpos.Num  `yaml:"min_size"`
	Leading yamlpos.Num  `yaml:"leading,required"`
	Bold    yamlpos.Bool `yaml:"bold"`
	Color   yamlpos.Str  `yaml:"color"`
}

// style converts a style: sizes from 4 to 200 points, min_size (when
// written) not above size, leading from 1 to 3; a style without a colour
// gets def. The style keeps where it is written.
func (c *checker) style(s styleSpec, def layout.Color) layout.Style {
	st := layout.Style{
		Size: c.num(s.Size, 4, 200, "（単位は pt）"), Leading: c.num(s.Leading, 1, 3, "（行の高さ÷文字の大きさ）"),
		Bold: s.Bold.V, Color: c.color(s.Color, def), Loc: s.At,
	}
	st.MinSize = st.Size
	if c.checked(s.MinSize.Set, s.MinSize.Loc) {
		st.MinSize = s.MinSize.V
		if !(4 <= st.MinSize && st.MinSize <= st.Size) {
			c.errs.Addf(s.MinSize.Loc, "min_size は 4pt 以上、size（%gpt）以下にしてください", st.Size)
		}
	}
	return st
}

// smallest is where a style's smallest size is written: min_size, or size.
func smallest(s styleSpec) diag.Loc {
	if s.MinSize.Set {
		return s.MinSize.Loc
	}
	return s.Size.Loc
}

// marginSpec is the four page margins in mm as written in a layout file.
type marginSpec struct {
	Top    yamlpos.Num `yaml:"top,required"`
	Bottom yamlpos.Num `yaml:"bottom,required"`
	Left   yamlpos.Num `yaml:"left,required"`
	Right  yamlpos.Num `yaml:"right,required"`
}

// sizeSpec is a page size in mm as written in a layout file.
type sizeSpec struct {
	Width  yamlpos.Num `yaml:"width,required"`
	Height yamlpos.Num `yaml:"height,required"`
}

// pageSpec is a page size with its margins inside it (the quick list
// and the report).
type pageSpec struct {
	sizeSpec `yaml:",inline"`
	Margin   marginSpec `yaml:"margin,required"`
}

// pageHead is how the layouts of the slides, the handouts and the
// seminar's kit begin: the page size, its margins beside it (not inside
// page, as in pageSpec) and the composition.
type pageHead struct {
	Page        sizeSpec        `yaml:"page,required"`
	Margin      marginSpec      `yaml:"margin,required"`
	Composition compositionSpec `yaml:"composition,required"`
}

// head checks a layout's page and composition.
func (c *checker) head(h pageHead) (Page, text.Composition) {
	return c.page(h.Page, h.Margin), c.composition(h.Composition)
}

// Page is a checked page: its size and margins in mm.
type Page struct {
	W, H                     float64
	Top, Bottom, Left, Right float64
}

// BodyW is the width between the left and right margins.
func (p Page) BodyW() float64 { return p.W - p.Left - p.Right }

// page converts a page size and its margins: each side up to 2 m, each
// margin above zero and at most a third of the page's height (top, bottom)
// or width (left, right).
func (c *checker) page(size sizeSpec, m marginSpec) Page {
	p := Page{W: c.positive(size.Width, 2000), H: c.positive(size.Height, 2000)}
	p.Top, p.Bottom = c.positive(m.Top, p.H/3), c.positive(m.Bottom, p.H/3)
	p.Left, p.Right = c.positive(m.Left, p.W/3), c.positive(m.Right, p.W/3)
	return p
}

// result returns v with the problems, or the zero T and the problems when
// there are any.
func result[T any](c *checker, v T) (T, diag.List) {
	if len(c.errs) > 0 {
		var zero T
		return zero, c.errs
	}
	return v, nil
}
