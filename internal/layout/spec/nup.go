package spec

import (
	"io/fs"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/yamlpos"
)

// minMemo is the narrowest column of note lines beside a slide, in mm.
const minMemo = 30

// nupFile is layouts/nup-a4.yaml as written.
type nupFile struct {
	pageHead `yaml:",inline"`
	Colors   struct {
		Text        yamlpos.Str `yaml:"text,required"`
		Muted       yamlpos.Str `yaml:"muted,required"`
		Frame       yamlpos.Str `yaml:"frame,required"`
		Rule        yamlpos.Str `yaml:"rule,required"`
		Placeholder yamlpos.Str `yaml:"placeholder,required"`
	} `yaml:"colors,required"`
	Header       styleSpec   `yaml:"header,required"`
	Footer       styleSpec   `yaml:"footer,required"`
	HeaderHeight yamlpos.Num `yaml:"header_height,required"`
	HeaderGap    yamlpos.Num `yaml:"header_gap,required"`
	HeaderRule   yamlpos.Num `yaml:"header_rule,required"`
	FooterHeight yamlpos.Num `yaml:"footer_height,required"`
	FrameWidth   yamlpos.Num `yaml:"frame_width,required"`
	Variants     []struct {
		ID          yamlpos.Str  `yaml:"id,required"`
		Cols        yamlpos.Int  `yaml:"columns,required"`
		Rows        yamlpos.Int  `yaml:"rows,required"`
		SlideWidth  yamlpos.Num  `yaml:"slide_width,required"`
		Gap         yamlpos.Num  `yaml:"gap,required"`
		ColGap      yamlpos.Num  `yaml:"column_gap,required"`
		NoteLines   yamlpos.Bool `yaml:"note_lines"`
		LineSpacing yamlpos.Num  `yaml:"line_spacing"`
		LineWidth   yamlpos.Num  `yaml:"line_width"`
		LinesGap    yamlpos.Num  `yaml:"lines_gap"`
	} `yaml:"variants,required"`
	Notes struct {
		SlideWidth yamlpos.Num `yaml:"slide_width,required"`
		Gap        yamlpos.Num `yaml:"gap,required"`
		HeadingGap yamlpos.Num `yaml:"heading_gap,required"`
		RuleWidth  yamlpos.Num `yaml:"rule_width,required"`
		RuleGap    yamlpos.Num `yaml:"rule_gap,required"`
		Heading    styleSpec   `yaml:"heading,required"`
		Text       styleSpec   `yaml:"text,required"`
	} `yaml:"notes,required"`
}

// NUp is the checked layout of the attendees' handouts (slides N-up on A4)
// and the presenter's notes, read from layouts/nup-a4.yaml.
type NUp struct {
	Page
	// Composition is how the text engine sets Japanese in the handouts
	// and notes.
	Composition                           text.Composition
	Text, Muted, Frame, Rule, Placeholder layout.Color
	Header, Footer                        layout.Style
	HeaderH, FooterH, FrameW              float64
	// HeaderGap and HeaderRule are the space under the deck's title and
	// the rule there.
	HeaderGap, HeaderRule float64
	Variants              []Variant
	Notes                 struct {
		SlideW, Gap float64
		// HeadingGap is the space under the heading, RuleWidth the rule
		// under it and RuleGap the space between the rule and the notes.
		HeadingGap, RuleWidth, RuleGap float64
		Heading, Text                  layout.Style
	}
	variantByID map[string]int
}

// Variant is one way of putting slides on a page, with where it puts
// them.
type Variant struct {
	ID                  string
	Cols, Rows          int
	SlideW, Gap, ColGap float64
	NoteLines           bool // ruled note lines beside each slide
	LineSpacing         float64
	LineWidth, LinesGap float64 // the rules, and their distance from the slide
	SlideH              float64 // a slide's height on the page
	Left, Top, ColW     float64 // the block of slides centred on the page, and a grid column's width
	blockW, blockH      float64
}

// ReadNUp reads and checks layouts/nup-a4.yaml from fsys (shown to the
// user as dir) for slides of slideW × slideH mm.
func ReadNUp(fsys fs.FS, dir string, slideW, slideH float64) (*NUp, diag.List) {
	var f nupFile
	c := read(fsys, dir, NUpFile, &f)
	s := &NUp{variantByID: map[string]int{}}
	s.Page, s.Composition = c.head(f.pageHead)
	s.Text, s.Muted, s.Frame = c.color(f.Colors.Text, layout.Color{}), c.color(f.Colors.Muted, layout.Color{}), c.color(f.Colors.Frame, layout.Color{})
	s.Rule, s.Placeholder = c.color(f.Colors.Rule, layout.Color{}), c.color(f.Colors.Placeholder, layout.Color{})
	s.Header, s.Footer = c.style(f.Header, s.Text), c.style(f.Footer, s.Muted)
	s.HeaderH, s.FooterH, s.FrameW = c.positive(f.HeaderHeight, 40), c.positive(f.FooterHeight, 40), c.positive(f.FrameWidth, 3)
	s.HeaderGap, s.HeaderRule = c.length(f.HeaderGap, 20), c.positive(f.HeaderRule, 3)
	usableW := s.BodyW()
	usableH := s.H - s.Top - s.Bottom - s.HeaderH - s.FooterH
	for _, v := range f.Variants {
		nv := Variant{ID: v.ID.V, Cols: c.count(v.Cols, 1, 6), Rows: c.count(v.Rows, 1, 10),
			SlideW: c.positive(v.SlideWidth, s.W), Gap: c.length(v.Gap, 100), ColGap: c.length(v.ColGap, 100),
			NoteLines: v.NoteLines.V}
		if _, dup := s.variantByID[nv.ID]; dup {
			c.errs.Addf(v.ID.Loc, "配布資料の形「%s」が二度書かれています", nv.ID)
			continue
		}
		if nv.NoteLines {
			for _, x := range []struct {
				n      yamlpos.Num
				key    string
				lo, hi float64
				dst    *float64
			}{
				{v.LineSpacing, "line_spacing（罫線の間隔）", 4, 30, &nv.LineSpacing},
				{v.LineWidth, "line_width（罫線の太さ）", 0.05, 2, &nv.LineWidth},
				{v.LinesGap, "lines_gap（スライドと罫線の間）", 0, 30, &nv.LinesGap},
			} {
				if !x.n.Set {
					c.errs.Addf(v.NoteLines.Loc, "note_lines を使うときは %sを %g〜%gmm で書いてください", x.key, x.lo, x.hi)
				}
				*x.dst = c.num(x.n, x.lo, x.hi, "（単位は mm）")
			}
		}
		nv.SlideH = nv.SlideW * slideH / slideW
		nv.blockW = float64(nv.Cols)*nv.SlideW + float64(nv.Cols-1)*nv.ColGap
		nv.ColW = nv.SlideW
		if nv.NoteLines {
			nv.ColW = (usableW - float64(nv.Cols-1)*nv.ColGap) / float64(nv.Cols)
			nv.blockW = usableW
			if nv.ColW-nv.SlideW < minMemo {
				c.errs.Addf(v.SlideWidth.Loc, "スライドの幅 %gmm ではメモ欄が %dmm 未満になります。slide_width を小さくしてください", nv.SlideW, minMemo)
			}
		}
		nv.blockH = float64(nv.Rows)*nv.SlideH + float64(nv.Rows-1)*nv.Gap
		if nv.blockW > usableW+1e-6 || nv.blockH > usableH+1e-6 {
			c.errs.Addf(v.SlideWidth.Loc, "「%s」のスライドがページに収まりません（%.0f×%.0fmm の場所に %.0f×%.0fmm）。slide_width か gap を小さくしてください",
				nv.ID, usableW, usableH, nv.blockW, nv.blockH)
		}
		nv.Left = s.Left + (usableW-nv.blockW)/2
		nv.Top = s.Top + s.HeaderH + (usableH-nv.blockH)/2
		s.variantByID[nv.ID] = len(s.Variants)
		s.Variants = append(s.Variants, nv)
	}
	n := f.Notes
	s.Notes.SlideW, s.Notes.Gap = c.positive(n.SlideWidth, usableW), c.length(n.Gap, 50)
	s.Notes.HeadingGap, s.Notes.RuleWidth, s.Notes.RuleGap = c.length(n.HeadingGap, 20), c.positive(n.RuleWidth, 3), c.length(n.RuleGap, 20)
	s.Notes.Heading, s.Notes.Text = c.style(n.Heading, s.Text), c.style(n.Text, s.Text)
	return result(c, s)
}

// Variant returns the variant with the id, or false.
func (s *NUp) Variant(id string) (Variant, bool) {
	i, ok := s.variantByID[id]
	if !ok {
		return Variant{}, false
	}
	return s.Variants[i], true
}

// VariantIDs is the set of variant ids.
func (s *NUp) VariantIDs() map[string]bool {
	ids := map[string]bool{}
	for _, v := range s.Variants {
		ids[v.ID] = true
	}
	return ids
}
