// Package nup lays out what is printed from a deck on A4: the attendees'
// handouts (配布資料: slides scaled N to a page, with ruled note lines when
// the layout asks) and the presenter's notes (one slide a page with its
// speaker notes). Slides are not laid out again, only scaled.
package nup

import (
	"fmt"
	"math"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/slides"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Handout puts the slides of a deck on A4 pages by the variant: scaled
// copies in thin frames, with ruled note lines beside each slide when the
// variant asks, a header with the deck title and the edition and a footer
// with "n / N".
func Handout(plan *slides.Plan, book *model.Book, sp *spec.NUp, v spec.Variant, m layout.Measurer) (*layout.Doc, diag.List) {
	pages := plan.Doc.Pages
	per := v.Cols * v.Rows
	pagesN := (len(pages) + per - 1) / per
	doc := &layout.Doc{Meta: plan.Doc.Meta}
	doc.Meta.Title = plan.Doc.Meta.Title + "（配布資料）"
	set := text.New(m, sp.Composition)
	for pi := range pagesN {
		items := chrome(set, plan.Deck, book, sp, pi+1, pagesN)
		items = append(items, sheet(pages[pi*per:min(len(pages), (pi+1)*per)], sp, v, m)...)
		doc.Pages = append(doc.Pages, layout.Page{W: sp.W, H: sp.H, Items: items})
	}
	if len(set.Errs) > 0 {
		return nil, set.Errs
	}
	return doc, nil
}

// sheet is the slides of one handout page, scaled into their frames in the
// variant's grid, with the ruled note lines when the variant asks.
func sheet(pages []layout.Page, sp *spec.NUp, v spec.Variant, m layout.Measurer) []layout.Item {
	var items []layout.Item
	for j, slide := range pages {
		scale := v.SlideW / slide.W
		col, row := j%v.Cols, j/v.Cols
		x := v.Left + float64(col)*(v.ColW+v.ColGap)
		y := v.Top + float64(row)*(v.SlideH+v.Gap)
		items = append(items, scaled(slide.Items, scale, x, y, sp.Placeholder, m)...)
		items = append(items, layout.Rect{X: round3(x), Y: round3(y), W: round3(v.SlideW), H: round3(slide.H * scale), Stroke: &sp.Frame, LineWidth: sp.FrameW})
		if v.NoteLines {
			lx := x + v.SlideW + v.LinesGap
			lx2 := x + v.ColW
			for ly := y + v.LineSpacing; ly <= y+v.SlideH+1e-6; ly += v.LineSpacing {
				items = append(items, layout.Line{X1: round3(lx), Y1: round3(ly), X2: round3(lx2), Y2: round3(ly), Color: sp.Rule, Width: v.LineWidth})
			}
		}
	}
	return items
}

// Notes makes the presenter's notes: one A4 page per slide page, the slide
// scaled above and the slide's speaker notes below. Notes that do not fit
// below the slide even at the smallest size are reported at their source
// position with the deck and slide number.
func Notes(plan *slides.Plan, book *model.Book, sp *spec.NUp, m layout.Measurer) (*layout.Doc, diag.List) {
	doc := &layout.Doc{Meta: plan.Doc.Meta}
	doc.Meta.Title = plan.Doc.Meta.Title + "（講師用ノート）"
	set := text.New(m, sp.Composition)
	n := sp.Notes
	x, w := sp.Left, sp.BodyW()
	total := len(plan.Doc.Pages)
	for i, slide := range plan.Doc.Pages {
		items := chrome(set, plan.Deck, book, sp, i+1, total)
		scale := n.SlideW / slide.W
		sx := x + (w-n.SlideW)/2
		sy := sp.Top + sp.HeaderH
		items = append(items, scaled(slide.Items, scale, sx, sy, sp.Placeholder, m)...)
		sh := slide.H * scale
		items = append(items, layout.Rect{X: round3(sx), Y: round3(sy), W: round3(n.SlideW), H: round3(sh), Stroke: &sp.Frame, LineWidth: sp.FrameW})
		y := sy + sh + n.Gap
		var s model.Slide // a slide a seminar's copy adds has no notes
		num := i + 1
		if k := plan.Slides[i]; k >= 0 {
			s, num = plan.Deck.Slides[k], k+1
		}
		hb, _ := set.Fit(model.Text{S: fmt.Sprintf("ノート（%d 枚目）", num)}, w, n.Heading, text.Rules{MaxLines: 1})
		items = append(items, hb.Draw(x, y)...)
		y += hb.Height() + n.HeadingGap
		items = append(items, layout.Line{X1: round3(x), Y1: round3(y), X2: round3(x + w), Y2: round3(y), Color: sp.Rule, Width: n.RuleWidth})
		y += n.RuleGap
		avail := sp.H - sp.Bottom - sp.FooterH - y
		before := len(set.Errs)
		notes := s.Notes
		st := n.Text
		if notes.Empty() {
			notes = model.Text{S: "（このスライドのノートはありません）"}
			st.Color = sp.Muted
		}
		b, _ := set.Fit(notes, w, st, text.Rules{MaxHeight: avail, Justify: true})
		for j := before; j < len(set.Errs); j++ {
			d := &set.Errs[j]
			d.Msg = fmt.Sprintf("講師用ノート %s の %d 枚目: %s", slides.DeckName(plan.Deck), num, d.Msg)
		}
		items = append(items, b.Draw(x, y)...)
		doc.Pages = append(doc.Pages, layout.Page{W: sp.W, H: sp.H, Items: items})
	}
	if len(set.Errs) > 0 {
		return nil, set.Errs
	}
	return doc, nil
}

// chrome is the header (deck title, edition) and footer ("n / N") of a
// handout or notes page.
func chrome(set *text.Setter, deck *model.Deck, book *model.Book, sp *spec.NUp, n, total int) []layout.Item {
	m := set.Measurer()
	x, w := sp.Left, sp.BodyW()
	one := text.Rules{MaxLines: 1}
	title, _ := set.Fit(deck.Title, w*0.7, sp.Header, one)
	ed := sp.Header
	ed.Bold = false
	ed.Color = sp.Muted
	date, _ := set.Fit(model.Text{S: layout.EditionLabel(book.Edition.Date)}, w*0.28, ed, one)
	items := title.Draw(x, sp.Top)
	items = append(items, date.DrawRight(m, x, sp.Top, w)...)
	hy := sp.Top + math.Max(title.Height(), date.Height()) + sp.HeaderGap
	items = append(items, layout.Line{X1: round3(x), Y1: round3(hy), X2: round3(x + w), Y2: round3(hy), Color: sp.Rule, Width: sp.HeaderRule})
	num, _ := set.Fit(model.Text{S: fmt.Sprintf("%d / %d", n, total)}, w*0.3, sp.Footer, one)
	return append(items, num.DrawCentred(m, x, sp.H-sp.Bottom-num.Height(), w)...)
}

// Seminar is the seminar a handout is made for.
type Seminar struct {
	Event *model.Event
	Spec  *spec.Event
}

// SeminarHandout makes the attendees' handout of a seminar in the
// variant: one document with the cover's pages first (the programme
// sheet) and then the slides of every deck of plans, in the programme's
// order, each deck on pages of its own. Every page after the cover has the
// seminar's title and date above the deck's title and "n / N" counted
// through the whole handout.
func SeminarHandout(cover *layout.Doc, plans []*slides.Plan, sp *spec.NUp, v spec.Variant, sem Seminar, m layout.Measurer) (*layout.Doc, diag.List) {
	set := text.New(m, sp.Composition)
	pr := layout.SeminarOf(sem.Event)
	ok := true
	for _, t := range pr.Sources {
		ok = set.Check(t, sem.Spec.Handout.Event) && ok
	}
	if !ok {
		return nil, set.Errs
	}
	per := v.Cols * v.Rows
	total := len(cover.Pages)
	var keywords []string
	for _, pl := range plans {
		total += (len(pl.Doc.Pages) + per - 1) / per
		if len(keywords) == 0 {
			keywords = pl.Doc.Meta.Keywords
		}
	}
	doc := &layout.Doc{Meta: layout.Meta{
		Title:    sem.Event.Title.S + "（配布資料）",
		Author:   sem.Event.Organiser.S,
		Subject:  pr.When.S + "　" + pr.Venue.S,
		Keywords: keywords,
	}}
	doc.Pages = append(doc.Pages, cover.Pages...)
	line := model.Text{S: pr.Title.S + "　" + pr.Day.S, Loc: pr.Title.Loc}
	for _, pl := range plans {
		pages := pl.Doc.Pages
		for lo := 0; lo < len(pages); lo += per {
			n := len(doc.Pages) + 1
			items := seminarChrome(set, line, pl.Deck.Title, sp, sem.Spec, n, total)
			items = append(items, sheet(pages[lo:min(len(pages), lo+per)], sp, v, m)...)
			doc.Pages = append(doc.Pages, layout.Page{W: sp.W, H: sp.H, Items: items})
		}
	}
	if len(set.Errs) > 0 {
		return nil, set.Errs
	}
	return doc, nil
}

// seminarChrome is the header (the seminar's line above the deck's
// title) and the footer ("n / N") of a page of a seminar's handout.
func seminarChrome(set *text.Setter, line, title model.Text, sp *spec.NUp, es *spec.Event, n, total int) []layout.Item {
	m := set.Measurer()
	x, w := sp.Left, sp.BodyW()
	one := text.Rules{MaxLines: 1}
	eb, _ := set.Fit(line, w, es.Handout.Event, one)
	items := eb.Draw(x, sp.Top)
	y := sp.Top + eb.Height() + es.Handout.Gap
	tb, _ := set.Fit(title, w, sp.Header, one)
	items = append(items, tb.Draw(x, y)...)
	hy := y + tb.Height() + sp.HeaderGap
	items = append(items, layout.Line{X1: round3(x), Y1: round3(hy), X2: round3(x + w), Y2: round3(hy), Color: sp.Rule, Width: sp.HeaderRule})
	num, _ := set.Fit(model.Text{S: fmt.Sprintf("%d / %d", n, total)}, w*0.3, sp.Footer, one)
	return append(items, num.DrawCentred(m, x, sp.H-sp.Bottom-num.Height(), w)...)
}

// scaled returns items scaled by s about the origin and then moved by
// (dx, dy): positions, sizes, text sizes and line widths all scale, so a
// laid-out page can be placed in a smaller frame without laying it out
// again. A QR code whose modules (as m counts them) would print smaller
// than layout.MinQRModule is replaced by a plain square of the placeholder
// colour. Bookmarks keep their titles and levels.
func scaled(items []layout.Item, s, dx, dy float64, placeholder layout.Color, m layout.Measurer) []layout.Item {
	px := func(x float64) float64 { return round3(x*s + dx) }
	py := func(y float64) float64 { return round3(y*s + dy) }
	out := make([]layout.Item, 0, len(items))
	for _, it := range items {
		switch v := it.(type) {
		case layout.Text:
			v.X, v.Y, v.Size, v.Spacing = px(v.X), py(v.Y), round3(v.Size*s), v.Spacing*s
			out = append(out, v)
		case layout.Rect:
			v.X, v.Y, v.W, v.H = px(v.X), py(v.Y), round3(v.W*s), round3(v.H*s)
			v.Radius, v.LineWidth = round3(v.Radius*s), round3(v.LineWidth*s)
			out = append(out, v)
		case layout.Line:
			v.X1, v.Y1, v.X2, v.Y2, v.Width = px(v.X1), py(v.Y1), px(v.X2), py(v.Y2), round3(v.Width*s)
			out = append(out, v)
		case layout.Polygon:
			pts := make([]layout.Point, len(v.Points))
			for i, pt := range v.Points {
				pts[i] = layout.Point{X: px(pt.X), Y: py(pt.Y)}
			}
			v.Points, v.LineWidth = pts, round3(v.LineWidth*s)
			out = append(out, v)
		case layout.QR:
			size := v.Size * s
			if n := m.QRModules(v.Data); n > 0 && size/float64(n) >= layout.MinQRModule {
				v.X, v.Y, v.Size = px(v.X), py(v.Y), round3(size)
				out = append(out, v)
				continue
			}
			ph := placeholder
			out = append(out, layout.Rect{X: px(v.X), Y: py(v.Y), W: round3(size), H: round3(size), Fill: &ph})
		case layout.Link:
			v.X, v.Y, v.W, v.H = px(v.X), py(v.Y), round3(v.W*s), round3(v.H*s)
			out = append(out, v)
		case layout.Bookmark:
			v.Y = py(v.Y)
			out = append(out, v)
		default:
			out = append(out, it)
		}
	}
	return out
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }
