package layout

import (
	"fmt"
	"io/fs"
	"math"
	"time"

	"sodan/internal/diag"
	"sodan/internal/model"
	"sodan/internal/yamlpos"
)

// NUpFile is the name of the handout and notes layout inside the layouts
// folder.
const NUpFile = "nup-a4.yaml"

// nupFile is layouts/nup-a4.yaml as written.
type nupFile struct {
	Page   SizeSpec   `yaml:"page,required"`
	Margin MarginSpec `yaml:"margin,required"`
	Colors struct {
		Text        yamlpos.Str `yaml:"text,required"`
		Muted       yamlpos.Str `yaml:"muted,required"`
		Frame       yamlpos.Str `yaml:"frame,required"`
		Rule        yamlpos.Str `yaml:"rule,required"`
		Placeholder yamlpos.Str `yaml:"placeholder,required"`
	} `yaml:"colors,required"`
	Header       StyleSpec   `yaml:"header,required"`
	Footer       StyleSpec   `yaml:"footer,required"`
	HeaderHeight yamlpos.Num `yaml:"header_height,required"`
	FooterHeight yamlpos.Num `yaml:"footer_height,required"`
	FrameWidth   yamlpos.Num `yaml:"frame_width,required"`
	Variants     []struct {
		ID          yamlpos.Str  `yaml:"id,required"`
		Columns     yamlpos.Int  `yaml:"columns,required"`
		Rows        yamlpos.Int  `yaml:"rows,required"`
		SlideWidth  yamlpos.Num  `yaml:"slide_width,required"`
		Gap         yamlpos.Num  `yaml:"gap,required"`
		ColumnGap   yamlpos.Num  `yaml:"column_gap,required"`
		NoteLines   yamlpos.Bool `yaml:"note_lines"`
		LineSpacing yamlpos.Num  `yaml:"line_spacing"`
		LineWidth   yamlpos.Num  `yaml:"line_width"`
	} `yaml:"variants,required"`
	Notes struct {
		SlideWidth yamlpos.Num `yaml:"slide_width,required"`
		Gap        yamlpos.Num `yaml:"gap,required"`
		Heading    StyleSpec   `yaml:"heading,required"`
		Text       StyleSpec   `yaml:"text,required"`
	} `yaml:"notes,required"`
}

// NUpVariant is one way of putting slides on an A4 page.
type NUpVariant struct {
	ID                     string
	Columns, Rows          int
	SlideW, Gap, ColumnGap float64
	NoteLines              bool // ruled note lines beside each slide
	LineSpacing, LineWidth float64
	slideH, blockW, blockH float64
	left, top, columnW     float64
}

// NUpSpec is the checked handout and notes layout.
type NUpSpec struct {
	W, H                     float64
	Margin                   Insets
	Text, Muted, Frame, Rule Color
	Placeholder              Color
	Header, Footer           Style
	HeaderH, FooterH, FrameW float64
	Variants                 []NUpVariant
	NotesSlideW, NotesGap    float64
	NotesHeading, NotesText  Style
	slideAspect              float64
	variantByID              map[string]int
}

// ReadNUpSpec reads and checks layouts/nup-a4.yaml from fsys (shown to the
// user as dir) for slides of the given size.
func ReadNUpSpec(fsys fs.FS, dir string, slideW, slideH float64) (*NUpSpec, diag.List) {
	var f nupFile
	errs := ReadSpec(fsys, dir, NUpFile, &f)
	if len(errs) > 0 {
		return nil, errs
	}
	c := &SpecChecker{}
	s := &NUpSpec{W: c.Positive(f.Page.Width, 2000), H: c.Positive(f.Page.Height, 2000), variantByID: map[string]int{}}
	s.Margin = c.Margins(f.Margin, s.W, s.H)
	s.Text = c.Color(f.Colors.Text, Color{})
	s.Muted = c.Color(f.Colors.Muted, Color{})
	s.Frame = c.Color(f.Colors.Frame, Color{})
	s.Rule = c.Color(f.Colors.Rule, Color{})
	s.Placeholder = c.Color(f.Colors.Placeholder, Color{})
	style := func(sp StyleSpec, def Color) Style {
		x := c.Style(sp)
		if sp.Color.IsZero() {
			x.Color = def
		}
		if x.MinSize == 0 {
			x.MinSize = x.Size
		}
		return x
	}
	s.Header = style(f.Header, s.Text)
	s.Footer = style(f.Footer, s.Muted)
	s.HeaderH = c.Positive(f.HeaderHeight, 40)
	s.FooterH = c.Positive(f.FooterHeight, 40)
	s.FrameW = c.Positive(f.FrameWidth, 3)
	s.slideAspect = slideH / slideW
	usableW := s.W - s.Margin.Left - s.Margin.Right
	usableH := s.H - s.Margin.Top - s.Margin.Bottom - s.HeaderH - s.FooterH
	for _, v := range f.Variants {
		nv := NUpVariant{ID: v.ID.V, Columns: slCount(c, v.Columns, 6), Rows: slCount(c, v.Rows, 10),
			SlideW: c.Positive(v.SlideWidth, s.W), Gap: slNonNeg(c, v.Gap, 100), ColumnGap: slNonNeg(c, v.ColumnGap, 100),
			NoteLines: v.NoteLines.V, LineSpacing: v.LineSpacing.V, LineWidth: v.LineWidth.V}
		if _, dup := s.variantByID[nv.ID]; dup {
			c.Errs.Addf(v.ID.Loc, "配布資料の形「%s」が二度書かれています", nv.ID)
			continue
		}
		if nv.NoteLines && (!v.LineSpacing.Set || v.LineSpacing.V < 4 || v.LineSpacing.V > 30) {
			c.Errs.Addf(v.NoteLines.Loc, "note_lines を使うときは line_spacing（罫線の間隔）を 4〜30mm で書いてください")
		}
		nv.slideH = nv.SlideW * s.slideAspect
		nv.blockW = float64(nv.Columns)*nv.SlideW + float64(nv.Columns-1)*nv.ColumnGap
		if nv.NoteLines {
			nv.columnW = (usableW - float64(nv.Columns-1)*nv.ColumnGap) / float64(nv.Columns)
			nv.blockW = usableW
			if nv.columnW-nv.SlideW < 30 {
				c.Errs.Addf(v.SlideWidth.Loc, "スライドの幅 %gmm ではメモ欄が 30mm 未満になります。slide_width を小さくしてください", nv.SlideW)
			}
		} else {
			nv.columnW = nv.SlideW
		}
		nv.blockH = float64(nv.Rows)*nv.slideH + float64(nv.Rows-1)*nv.Gap
		if nv.blockW > usableW+1e-6 || nv.blockH > usableH+1e-6 {
			c.Errs.Addf(v.SlideWidth.Loc, "「%s」のスライドがページに収まりません（%.0f×%.0fmm の場所に %.0f×%.0fmm）。slide_width か gap を小さくしてください",
				nv.ID, usableW, usableH, nv.blockW, nv.blockH)
		}
		nv.left = s.Margin.Left + (usableW-nv.blockW)/2
		nv.top = s.Margin.Top + s.HeaderH + (usableH-nv.blockH)/2
		s.variantByID[nv.ID] = len(s.Variants)
		s.Variants = append(s.Variants, nv)
	}
	s.NotesSlideW = c.Positive(f.Notes.SlideWidth, usableW)
	s.NotesGap = slNonNeg(c, f.Notes.Gap, 50)
	s.NotesHeading = style(f.Notes.Heading, s.Text)
	s.NotesText = style(f.Notes.Text, s.Text)
	if len(c.Errs) > 0 {
		return nil, c.Errs
	}
	return s, nil
}

// Variant returns the variant with the id, or false.
func (s *NUpSpec) Variant(id string) (NUpVariant, bool) {
	i, ok := s.variantByID[id]
	if !ok {
		return NUpVariant{}, false
	}
	return s.Variants[i], true
}

// VariantIDs is the set of variant ids.
func (s *NUpSpec) VariantIDs() map[string]bool {
	ids := map[string]bool{}
	for _, v := range s.Variants {
		ids[v.ID] = true
	}
	return ids
}

// Scaled returns items scaled by s about the origin and then moved by
// (dx, dy): positions, sizes, text sizes and line widths all scale, so a
// laid-out page can be placed in a smaller frame without laying it out
// again. A stroke of width 0 (the renderer's default 0.2 mm) gets the
// scaled default width. QR codes whose modules would print smaller than
// 0.5 mm are replaced by a plain square of the placeholder colour.
// Bookmarks keep their titles and levels.
func Scaled(items []Item, s, dx, dy float64, placeholder Color) []Item {
	px := func(x float64) float64 { return round3(x*s + dx) }
	py := func(y float64) float64 { return round3(y*s + dy) }
	lw := func(w float64) float64 {
		if w == 0 {
			w = 0.2
		}
		return round3(w * s)
	}
	out := make([]Item, 0, len(items))
	for _, it := range items {
		switch v := it.(type) {
		case Text:
			v.X, v.Y, v.Size = px(v.X), py(v.Y), round3(v.Size*s)
			out = append(out, v)
		case Rect:
			v.X, v.Y, v.W, v.H = px(v.X), py(v.Y), round3(v.W*s), round3(v.H*s)
			v.Radius = round3(v.Radius * s)
			if v.Stroke != nil {
				v.LineWidth = lw(v.LineWidth)
			}
			out = append(out, v)
		case Line:
			v.X1, v.Y1, v.X2, v.Y2, v.Width = px(v.X1), py(v.Y1), px(v.X2), py(v.Y2), lw(v.Width)
			out = append(out, v)
		case Polygon:
			pts := make([]Point, len(v.Points))
			for i, pt := range v.Points {
				pts[i] = Point{px(pt.X), py(pt.Y)}
			}
			v.Points = pts
			if v.Stroke != nil {
				v.LineWidth = lw(v.LineWidth)
			}
			out = append(out, v)
		case QR:
			size := v.Size * s
			if n := qrModules(v.Data); n > 0 && size/float64(n) >= minQRModule {
				v.X, v.Y, v.Size = px(v.X), py(v.Y), round3(size)
				out = append(out, v)
				continue
			}
			ph := placeholder
			out = append(out, Rect{X: px(v.X), Y: py(v.Y), W: round3(size), H: round3(size), Fill: &ph})
		case Link:
			v.X, v.Y, v.W, v.H = px(v.X), py(v.Y), round3(v.W*s), round3(v.H*s)
			out = append(out, v)
		case Bookmark:
			v.Y = py(v.Y)
			out = append(out, v)
		default:
			out = append(out, it)
		}
	}
	return out
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// NUp puts the slides of a deck on A4 pages by the variant: scaled copies
// in thin frames, with ruled note lines beside each slide when the variant
// asks, a header with the deck title and a footer with the edition and
// "n / N".
func NUp(plan *DeckPlan, book *model.Book, sp *NUpSpec, v NUpVariant, m Measurer, date time.Time) (*Doc, diag.List) {
	slides := plan.Doc.Pages
	per := v.Columns * v.Rows
	pagesN := (len(slides) + per - 1) / per
	doc := &Doc{Meta: plan.Doc.Meta}
	doc.Meta.Title = plan.Doc.Meta.Title + "（配布資料）"
	doc.Meta.Date = date
	var set Setter
	set.M = m
	for pi := range pagesN {
		items := nupChrome(&set, plan.Deck, book, sp, pi+1, pagesN)
		for j := range per {
			si := pi*per + j
			if si >= len(slides) {
				break
			}
			slide := slides[si]
			scale := v.SlideW / slide.W
			col, row := j%v.Columns, j/v.Columns
			x := v.left + float64(col)*(v.columnW+v.ColumnGap)
			y := v.top + float64(row)*(v.slideH+v.Gap)
			items = append(items, Scaled(slide.Items, scale, x, y, sp.Placeholder)...)
			items = append(items, Rect{X: round3(x), Y: round3(y), W: round3(v.SlideW), H: round3(slide.H * scale), Stroke: &sp.Frame, LineWidth: sp.FrameW})
			if v.NoteLines {
				lx := x + v.SlideW + 6
				lx2 := x + v.columnW
				for ly := y + v.LineSpacing; ly <= y+v.slideH+1e-6; ly += v.LineSpacing {
					items = append(items, Line{X1: round3(lx), Y1: round3(ly), X2: round3(lx2), Y2: round3(ly), Color: sp.Rule, Width: v.LineWidth})
				}
			}
		}
		doc.Pages = append(doc.Pages, Page{W: sp.W, H: sp.H, Items: items})
	}
	if len(set.Errs) > 0 {
		return nil, set.Errs
	}
	return doc, nil
}

// nupChrome is the header (deck title, edition) and footer ("n / N") of a
// handout or notes page.
func nupChrome(set *Setter, deck *model.Deck, book *model.Book, sp *NUpSpec, n, total int) []Item {
	x, w := sp.Margin.Left, sp.W-sp.Margin.Left-sp.Margin.Right
	title, _ := set.Line(deck.Title, w*0.7, sp.Header)
	ed := sp.Header
	ed.Bold = false
	ed.Color = sp.Muted
	date, _ := set.Line(Plain(EditionLabel(book.Edition.Date)), w*0.28, ed)
	items := title.Draw(x, sp.Margin.Top)
	items = append(items, date.DrawRight(set.M, x, sp.Margin.Top, w)...)
	hy := sp.Margin.Top + math.Max(title.Height(), date.Height()) + 1
	items = append(items, Line{X1: round3(x), Y1: round3(hy), X2: round3(x + w), Y2: round3(hy), Color: sp.Rule, Width: 0.3})
	num, _ := set.Line(Plain(fmt.Sprintf("%d / %d", n, total)), w*0.3, sp.Footer)
	return append(items, num.DrawCentred(set.M, x, sp.H-sp.Margin.Bottom-num.Height(), w)...)
}
