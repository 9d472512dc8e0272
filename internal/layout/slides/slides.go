package slides

import (
	"fmt"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Plan is a laid-out deck: the pages and, for each page, the index in
// Deck.Slides of the slide it shows (a slide may fill several pages: a long
// table, many cards or a wide flow diagram continue on the next page), or
// -1 for a slide a seminar's copy adds (its title slide when the deck has
// none, the closing slide).
type Plan struct {
	Doc    *layout.Doc
	Slides []int
	Deck   *model.Deck
}

// Lay lays out one deck as 16:9 pages. Text shrinks step by step down to
// each style's minimum; what still does not fit is reported at the position
// of its source text, with the deck file and the slide number. It returns
// the plan, or nil and every problem.
func Lay(book *model.Book, deck *model.Deck, sp *spec.Slides, m layout.Measurer) (*Plan, diag.List) {
	return lay(book, deck, sp, m, nil)
}

// LaySeminar is Lay for the seminar's copy of the deck.
func LaySeminar(book *model.Book, deck *model.Deck, sp *spec.Slides, m layout.Measurer, sem Seminar) (*Plan, diag.List) {
	sem.print = layout.SeminarOf(sem.Event)
	return lay(book, deck, sp, m, &sem)
}

func lay(book *model.Book, deck *model.Deck, sp *spec.Slides, m layout.Measurer, sem *Seminar) (*Plan, diag.List) {
	p := &planner{book: book, deck: deck, sp: sp, m: m, set: text.New(m, sp.Composition), qr: map[string]int{}, sem: sem, desks: map[*model.Contact]layout.Desk{}}
	p.body = rect{x: sp.Left, y: sp.Top + sp.TitleBarH + sp.TitleGap, w: sp.BodyW()}
	p.body.h = sp.H - sp.Bottom - sp.FooterH - sp.FooterGap - p.body.y
	if sem != nil && !p.seminarStart() {
		return nil, p.set.Errs
	}
	for i := range deck.Slides {
		s := &deck.Slides[i]
		p.where = s.Loc
		n := len(p.set.Errs)
		for _, pg := range p.slide(s) {
			pg.slide = i
			p.pages = append(p.pages, pg)
		}
		for j := n; j < len(p.set.Errs); j++ {
			d := &p.set.Errs[j]
			d.Msg = fmt.Sprintf("スライド %s の %d 枚目（%s）: %s", DeckName(deck), i+1, s.Kind, d.Msg)
		}
	}
	if len(deck.Slides) == 0 {
		p.set.Errs.Addf(deck.Loc, "デッキにスライドがありません")
	}
	if sem != nil {
		p.seminarEnd()
	}
	footer := text.New(m, sp.Composition)
	if sem == nil {
		footer.Fit(deck.Title, p.footerW(), sp.Type.Footer, text.Rules{MaxLines: 1})
	} else {
		p.seminarFooterFits(footer)
	}
	for _, d := range footer.Errs {
		d.Msg = fmt.Sprintf("スライド %s のフッター: %s", DeckName(deck), d.Msg)
		p.set.Errs.Add(d)
	}
	if len(p.set.Errs) > 0 {
		return nil, p.set.Errs
	}
	return p.finish(), nil
}

// DeckName is the deck's file as the user knows it.
func DeckName(d *model.Deck) string {
	if d.Loc.File != "" {
		return d.Loc.File
	}
	return "decks/" + d.File
}

// rect is a rectangle in mm.
type rect struct{ x, y, w, h float64 }

// slidePage is one laid-out slide before the footer and bookmarks are added.
type slidePage struct {
	items  []layout.Item
	title  string // bookmark title
	top    bool   // title and section slides: outline level 0
	footer bool
	slide  int
}

// planner lays out one deck.
type planner struct {
	book  *model.Book
	deck  *model.Deck
	sp    *spec.Slides
	m     layout.Measurer
	set   *text.Setter
	where diag.Loc // the slide being laid out
	body  rect     // the area below the title bar and above the footer
	pages []slidePage
	qr    map[string]int // QR modules by data
	sem   *Seminar       // the seminar the deck is laid out for; nil for the bundled deck
	desks map[*model.Contact]layout.Desk
}

// desk is layout.DeskOf(c), worked out once for each contact: a table
// cell or card asks for it at every size it is tried at.
func (p *planner) desk(c *model.Contact) layout.Desk {
	d, ok := p.desks[c]
	if !ok {
		d = layout.DeskOf(c)
		p.desks[c] = d
	}
	return d
}

func (p *planner) slide(s *model.Slide) []slidePage {
	switch s.Kind {
	case model.SlideTitle:
		return []slidePage{p.titleSlide(s)}
	case model.SlideSection:
		return []slidePage{p.sectionSlide(s)}
	case model.SlideBullets:
		return p.bulletsSlides(s)
	case model.SlideColumns:
		return p.panesSlides(s)
	case model.SlideTable:
		return p.tableSlides(s)
	case model.SlideContacts:
		return p.contactSlides(s)
	case model.SlideSteps:
		return p.stepsSlides(s)
	case model.SlideFlow:
		return p.flowSlides(s)
	case model.SlideColumn:
		return p.columnSlides(s)
	case model.SlideQuote:
		return []slidePage{p.quoteSlide(s)}
	}
	p.set.Errs.Addf(s.Loc, "スライドの種類「%s」は描けません", s.Kind)
	return nil
}

// page makes a content slide: the title bar with title, and the body.
func (p *planner) page(title model.Text, body []layout.Item) slidePage {
	items := p.titleBar(title, "")
	return slidePage{items: append(items, body...), title: title.S, footer: true}
}

// titleBar draws the slide title (up to two lines, shrinking on its own)
// and the rule under it. tag, when set, is drawn as a label before the
// title.
func (p *planner) titleBar(title model.Text, tag string) []layout.Item {
	sp := p.sp
	x, w := sp.Left, sp.BodyW()
	return p.fitSlide(func(f *fit) []layout.Item {
		var items []layout.Item
		tx := x
		st := f.size(sp.Type.Title)
		if tag != "" {
			tagSt := st
			tagSt.Size = max(st.Size*0.62, sp.Floors.Caption)
			tagSt.Color = sp.Colors.OnAccent
			tw := f.m.Width(tag, true, tagSt.Size) + 4
			th := tagSt.Size * layout.PtToMM * 1.6
			ty := sp.Top + sp.TitleBarH - th - 2.2
			items = append(items, layout.Rect{X: layout.Round(x), Y: layout.Round(ty), W: layout.Round(tw), H: layout.Round(th), Fill: &sp.Colors.Accent, Radius: 1})
			b := text.Block{Lines: []string{tag}, Size: tagSt.Size, LineH: th, Style: tagSt}
			items = append(items, b.Draw(x+2, ty)...)
			tx += tw + 3
		}
		b := f.line(title, x+w-tx, sp.Type.Title, 2)
		if len(b.Lines) > 1 {
			b = f.balanced(title, x+w-tx, sp.Type.Title)
		}
		ty := sp.Top + sp.TitleBarH - b.Height() - 1.5
		if ty < sp.Top {
			f.fail(title, "見出しが見出しの枠（高さ %.0fmm）に収まりません。見出しを短くしてください", sp.TitleBarH)
		}
		items = append(items, b.Draw(tx, ty)...)
		ry := sp.Top + sp.TitleBarH + sp.TitleRule/2
		items = append(items, layout.Line{X1: x, Y1: layout.Round(ry), X2: layout.Round(x + w), Y2: layout.Round(ry), Color: sp.Colors.Accent, Width: sp.TitleRule})
		return items
	})
}

func (p *planner) titleSlide(s *model.Slide) slidePage {
	if p.sem != nil {
		return p.seminarTitleSlide(s)
	}
	sp := p.sp
	c := sp.Colors
	x := sp.Left + 14
	w := sp.W - x - sp.Right - 14
	e := p.book.Edition
	items := []layout.Item{layout.Rect{X: 0, Y: 0, W: sp.W, H: layout.Round(sp.Top * 0.7), Fill: &c.Accent}}
	items = append(items, p.fitSlide(func(f *fit) []layout.Item {
		y, h, blocks := p.heading(f, s, w, sp.Type.DeckTitle, sp.Type.DeckSubtitle, 3, 0.6, 0.45)
		if y < sp.Top+4 {
			f.fail(s.Title, "題名がスライドに収まりません。題名を短くしてください")
		}
		return append([]layout.Item{layout.Rect{X: layout.Round(x - 8), Y: layout.Round(y), W: 3, H: layout.Round(h), Fill: &c.Accent}}, blocks(x)...)
	})...)
	// Publisher and edition at the bottom.
	by := sp.H - sp.Bottom - 16
	items = append(items, layout.Line{X1: x, Y1: by, X2: layout.Round(x + w), Y2: by, Color: c.Rule, Width: 0.3})
	items = append(items, p.fitSlide(func(f *fit) []layout.Item {
		st := sp.Type.Lead
		st.Color = c.Muted
		pub := f.line(e.Publisher, w*0.6, st, 1)
		date := f.line(own(layout.EditionLabel(e.Date)), w*0.35, st, 1)
		out := pub.Draw(x, by+3)
		return append(out, date.DrawRight(f.m, x, by+3, w)...)
	})...)
	return slidePage{items: items, title: s.Title.S, top: true}
}

func (p *planner) sectionSlide(s *model.Slide) slidePage {
	sp := p.sp
	c := sp.Colors
	x := sp.Left + 14
	w := sp.W - x - sp.Right
	items := p.fitSlide(func(f *fit) []layout.Item {
		y, h, blocks := p.heading(f, s, w, sp.Type.Section, sp.Type.SectionSubtitle, 4, 0.7, 0.46)
		if y < sp.Top {
			f.fail(s.Title, "見出しがスライドに収まりません。見出しか副題を短くしてください")
		}
		return append([]layout.Item{layout.Rect{X: sp.Left, Y: layout.Round(y - 2), W: 6, H: layout.Round(h + 4), Fill: &c.Accent}}, blocks(x)...)
	})
	return slidePage{items: items, title: s.Title.S, top: true, footer: true}
}

// heading sets the title (up to three lines, balanced) and the subtitle
// (up to subLines lines, gap line heights below) of a title or section
// slide, centred on the part of the slide's height at mid; it returns the
// top and height of the two and what draws them at x.
func (p *planner) heading(f *fit, s *model.Slide, w float64, title, sub layout.Style, subLines int, gap, mid float64) (float64, float64, func(x float64) []layout.Item) {
	tb := f.line(s.Title, w, title, 3)
	if len(tb.Lines) > 1 {
		tb = f.balanced(s.Title, w, title)
	}
	var sb text.Block
	g := 0.0
	if !s.Subtitle.Empty() {
		sb = f.line(s.Subtitle, w, sub, subLines)
		g = sb.LineH * gap
	}
	h := tb.Height() + g + sb.Height()
	y := p.sp.H*mid - h/2
	return y, h, func(x float64) []layout.Item {
		return append(tb.Draw(x, y), sb.Draw(x, y+tb.Height()+g)...)
	}
}

func (p *planner) quoteSlide(s *model.Slide) slidePage {
	sp := p.sp
	c := sp.Colors
	b := p.body
	body := p.fitSlide(func(f *fit) []layout.Item {
		x := b.x + 24
		w := b.w - 48
		qb := f.wrap(s.Quote, w, sp.Type.Quote)
		var sb text.Block
		gap := 0.0
		if !s.Source.Empty() {
			sb = f.plain(model.Text{S: "― " + s.Source.S, Loc: s.Source.Loc}, w, sp.Type.QuoteSource)
			gap = qb.LineH * 0.5
		}
		h := qb.Height() + gap + sb.Height()
		if h > b.h {
			f.fail(s.Quote, "引用がスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。文を短くしてください", b.h, h)
		}
		y := b.y + (b.h-h)/2
		out := []layout.Item{layout.Rect{X: layout.Round(x - 10), Y: layout.Round(y), W: 2.5, H: layout.Round(qb.Height()), Fill: &c.Accent}}
		out = append(out, qb.Draw(x, y)...)
		return append(out, sb.DrawRight(f.m, x, y+qb.Height()+gap, w)...)
	})
	return p.page(s.Title, body)
}

// finish adds the footers and bookmarks and makes the Doc.
func (p *planner) finish() *Plan {
	sp := p.sp
	e := p.book.Edition
	doc := &layout.Doc{Meta: layout.Meta{
		Title:    p.deck.Title.S,
		Author:   e.Publisher.S,
		Subject:  p.deck.Subtitle.S,
		Keywords: e.Keywords,
	}}
	if doc.Meta.Subject == "" {
		doc.Meta.Subject = e.Title.S
	}
	if p.sem != nil {
		doc.Meta.Subject = p.sem.print.Title.S + "（" + p.sem.print.Day.S + "）"
	}
	plan := &Plan{Doc: doc, Deck: p.deck}
	n := len(p.pages)
	level := -1
	for i, pg := range p.pages {
		items := make([]layout.Item, 0, len(pg.items)+8)
		l := 1
		if pg.top || level < 0 {
			l = 0
		}
		level = l
		items = append(items, layout.Bookmark{Title: pg.title, Level: l, Y: 0})
		items = append(items, pg.items...)
		switch {
		case pg.footer && p.sem != nil:
			items = append(items, p.seminarFooter(i+1, n)...)
		case pg.footer:
			items = append(items, p.footer(i+1, n)...)
		}
		doc.Pages = append(doc.Pages, layout.Page{W: sp.W, H: sp.H, Items: items})
		plan.Slides = append(plan.Slides, pg.slide)
	}
	return plan
}

// footerW is the width the deck title may take in the footer.
func (p *planner) footerW() float64 {
	return p.sp.BodyW() * 0.5
}

// footer draws the deck title, the edition and "n / N".
func (p *planner) footer(n, total int) []layout.Item {
	sp := p.sp
	x, w := sp.Left, sp.BodyW()
	top := sp.H - sp.Bottom - sp.FooterH
	items := []layout.Item{layout.Line{X1: x, Y1: layout.Round(top), X2: layout.Round(x + w), Y2: layout.Round(top), Color: sp.Colors.Rule, Width: sp.FooterRule}}
	st := sp.Type.Footer
	one := text.Rules{MaxLines: 1}
	title, _ := p.set.Try(p.deck.Title, p.footerW(), st, one)
	date, _ := p.set.Try(own(layout.EditionLabel(p.book.Edition.Date)), w*0.25, st, one)
	num, _ := p.set.Try(own(fmt.Sprintf("%d / %d", n, total)), w*0.2, st, one)
	y := sp.H - sp.Bottom - title.Height()
	items = append(items, title.Draw(x, y)...)
	items = append(items, date.DrawCentred(p.m, x, y, w)...)
	return append(items, num.DrawRight(p.m, x, y, w)...)
}
