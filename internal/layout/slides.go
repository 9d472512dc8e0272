package layout

import (
	"fmt"
	"strings"
	"time"

	"sodan/internal/diag"
	"sodan/internal/model"
)

// DeckPlan is a laid-out deck: the pages and, for each page, the index in
// deck.Slides of the slide it shows (a slide may fill several pages: a long
// table, many cards or a wide flow diagram continue on the next page).
type DeckPlan struct {
	Doc    *Doc
	Slides []int
	Deck   *model.Deck
}

// Slides lays out one deck as 16:9 pages. Text shrinks step by step down to
// each style's minimum; what still does not fit is reported at the position
// of its source text, with the deck file and the slide number. It returns
// the Doc, or nil and every problem.
func Slides(book *model.Book, deck *model.Deck, sp *SlidesSpec, m Measurer, date time.Time) (*Doc, diag.List) {
	p, errs := PlanDeck(book, deck, sp, m, date)
	if len(errs) > 0 {
		return nil, errs
	}
	return p.Doc, nil
}

// PlanDeck is Slides, also returning which deck slide each page shows.
func PlanDeck(book *model.Book, deck *model.Deck, sp *SlidesSpec, m Measurer, date time.Time) (*DeckPlan, diag.List) {
	p := &slPlanner{book: book, deck: deck, sp: sp, m: m, set: Setter{M: m}, cache: slCache{}}
	p.body = slRect{x: sp.Margin.Left, y: sp.Margin.Top + sp.TitleBarH + sp.TitleGap, w: sp.W - sp.Margin.Left - sp.Margin.Right}
	p.body.h = sp.H - sp.Margin.Bottom - sp.FooterH - p.body.y
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
			d.Msg = fmt.Sprintf("スライド %s の %d 枚目（%s）: %s", deckName(deck), i+1, s.Kind, d.Msg)
		}
	}
	if len(deck.Slides) == 0 {
		p.set.Errs.Addf(deck.Loc, "デッキにスライドがありません")
	}
	footer := Setter{M: m}
	footer.Line(deck.Title, p.footerW(), sp.Type.Footer)
	for _, d := range footer.Errs {
		d.Msg = fmt.Sprintf("スライド %s のフッター: %s", deckName(deck), d.Msg)
		p.set.Errs.Add(d)
	}
	if len(p.set.Errs) > 0 {
		return nil, p.set.Errs
	}
	return p.finish(date), nil
}

// deckName is the deck's file as the user knows it.
func deckName(d *model.Deck) string {
	if d.Loc.File != "" {
		return d.Loc.File
	}
	return "decks/" + d.File
}

// EditionLabel is the edition date as printed: 「2026年11月25日版」.
func EditionLabel(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日版", t.Year(), int(t.Month()), t.Day())
}

// slRect is a rectangle in mm.
type slRect struct{ x, y, w, h float64 }

// slPage is one laid-out slide before the footer and bookmarks are added.
type slPage struct {
	items  []Item
	title  string // bookmark title
	top    bool   // title and section slides: outline level 0
	footer bool
	slide  int
}

// slPlanner lays out one deck.
type slPlanner struct {
	book  *model.Book
	deck  *model.Deck
	sp    *SlidesSpec
	m     Measurer
	set   Setter
	where diag.Loc // the slide being laid out
	body  slRect   // the area below the title bar and above the footer
	pages []slPage
	cache slCache
}

func (p *slPlanner) slide(s *model.Slide) []slPage {
	switch s.Kind {
	case model.SlideTitle:
		return []slPage{p.titleSlide(s)}
	case model.SlideSection:
		return []slPage{p.sectionSlide(s)}
	case model.SlideBullets:
		return []slPage{p.bulletsSlide(s)}
	case model.SlideColumns:
		return []slPage{p.columnsSlide(s)}
	case model.SlideTable:
		return p.tableSlides(s)
	case model.SlideContacts:
		return p.contactSlides(s)
	case model.SlideSteps:
		return []slPage{p.stepsSlide(s)}
	case model.SlideFlow:
		return p.flowSlides(s)
	case model.SlideColumn:
		return []slPage{p.columnSlide(s)}
	case model.SlideQuote:
		return []slPage{p.quoteSlide(s)}
	}
	p.set.Errs.Addf(s.Loc, "スライドの種類「%s」は描けません", s.Kind)
	return nil
}

// page makes a content slide: the title bar with title, and the body.
func (p *slPlanner) page(title model.Text, body []Item) slPage {
	items := p.titleBar(title, "")
	return slPage{items: append(items, body...), title: title.S, footer: true}
}

// titleBar draws the slide title (up to two lines, shrinking on its own)
// and the rule under it. tag, when set, is drawn as a label before the
// title.
func (p *slPlanner) titleBar(title model.Text, tag string) []Item {
	sp := p.sp
	x, w := sp.Margin.Left, sp.W-sp.Margin.Left-sp.Margin.Right
	return p.fitSlide(func(f *slFit) []Item {
		var items []Item
		tx := x
		st := f.size(sp.Type.Title)
		if tag != "" {
			tagSt := st
			tagSt.Size = st.Size * 0.62
			tagSt.Color = sp.Colors.OnAccent
			tw := f.m.Width(tag, true, tagSt.Size) + 4
			th := tagSt.Size * PtToMM * 1.6
			ty := sp.Margin.Top + sp.TitleBarH - th - 2.2
			items = append(items, Rect{X: round2(x), Y: round2(ty), W: round2(tw), H: round2(th), Fill: &sp.Colors.Accent, Radius: 1})
			b := Block{Lines: []string{tag}, Size: tagSt.Size, LineH: th, Style: tagSt}
			items = append(items, b.Draw(x+2, ty)...)
			tx += tw + 3
		}
		b := f.line(title, x+w-tx, sp.Type.Title, 2)
		if len(b.Lines) > 1 {
			b = f.balanced(title, x+w-tx, sp.Type.Title)
		}
		ty := sp.Margin.Top + sp.TitleBarH - b.Height() - 1.5
		if ty < sp.Margin.Top {
			f.fail(title, "見出しが見出しの枠（高さ %.0fmm）に収まりません。見出しを短くしてください", sp.TitleBarH)
		}
		items = append(items, b.Draw(tx, ty)...)
		ry := sp.Margin.Top + sp.TitleBarH + sp.TitleRule/2
		items = append(items, Line{X1: x, Y1: round2(ry), X2: round2(x + w), Y2: round2(ry), Color: sp.Colors.Accent, Width: sp.TitleRule})
		return items
	})
}

func (p *slPlanner) titleSlide(s *model.Slide) slPage {
	sp := p.sp
	c := sp.Colors
	x := sp.Margin.Left + 14
	w := sp.W - x - sp.Margin.Right - 14
	e := p.book.Edition
	items := []Item{Rect{X: 0, Y: 0, W: sp.W, H: round2(sp.Margin.Top * 0.7), Fill: &c.Accent}}
	items = append(items, p.fitSlide(func(f *slFit) []Item {
		var out []Item
		tb := f.line(s.Title, w, sp.Type.DeckTitle, 3)
		if len(tb.Lines) > 1 {
			tb = f.balanced(s.Title, w, sp.Type.DeckTitle)
		}
		var sb Block
		gap := 0.0
		if !s.Subtitle.Empty() {
			sb = f.line(s.Subtitle, w, sp.Type.DeckSubtitle, 3)
			gap = sb.LineH * 0.6
		}
		h := tb.Height() + gap + sb.Height()
		y := sp.H*0.45 - h/2
		if y < sp.Margin.Top+4 {
			f.fail(s.Title, "題名がスライドに収まりません。題名を短くしてください")
		}
		out = append(out, Rect{X: round2(x - 8), Y: round2(y), W: 3, H: round2(h), Fill: &c.Accent})
		out = append(out, tb.Draw(x, y)...)
		out = append(out, sb.Draw(x, y+tb.Height()+gap)...)
		return out
	})...)
	// Publisher and edition at the bottom.
	by := sp.H - sp.Margin.Bottom - 16
	items = append(items, Line{X1: x, Y1: by, X2: round2(x + w), Y2: by, Color: c.Rule, Width: 0.3})
	items = append(items, p.fitSlide(func(f *slFit) []Item {
		st := sp.Type.Lead
		st.Color = c.Muted
		pub := f.line(e.Publisher, w*0.6, st, 1)
		date := f.line(Plain(EditionLabel(e.Date)), w*0.35, st, 1)
		out := pub.Draw(x, by+3)
		return append(out, date.DrawRight(f.m, x, by+3, w)...)
	})...)
	return slPage{items: items, title: s.Title.S, top: true}
}

func (p *slPlanner) sectionSlide(s *model.Slide) slPage {
	sp := p.sp
	c := sp.Colors
	x := sp.Margin.Left + 14
	w := sp.W - x - sp.Margin.Right
	items := p.fitSlide(func(f *slFit) []Item {
		tb := f.line(s.Title, w, sp.Type.Section, 3)
		if len(tb.Lines) > 1 {
			tb = f.balanced(s.Title, w, sp.Type.Section)
		}
		var sb Block
		gap := 0.0
		if !s.Subtitle.Empty() {
			sb = f.line(s.Subtitle, w, sp.Type.SectionSubtitle, 4)
			gap = sb.LineH * 0.7
		}
		h := tb.Height() + gap + sb.Height()
		y := sp.H*0.46 - h/2
		if y < sp.Margin.Top {
			f.fail(s.Title, "見出しがスライドに収まりません。見出しか副題を短くしてください")
		}
		out := []Item{Rect{X: sp.Margin.Left, Y: round2(y - 2), W: 6, H: round2(h + 4), Fill: &c.Accent}}
		out = append(out, tb.Draw(x, y)...)
		return append(out, sb.Draw(x, y+tb.Height()+gap)...)
	})
	return slPage{items: items, title: s.Title.S, top: true, footer: true}
}

func (p *slPlanner) quoteSlide(s *model.Slide) slPage {
	sp := p.sp
	c := sp.Colors
	b := p.body
	body := p.fitSlide(func(f *slFit) []Item {
		x := b.x + 24
		w := b.w - 48
		qb := f.wrap(s.Quote, w, sp.Type.Quote)
		var sb Block
		gap := 0.0
		if !s.Source.Empty() {
			sb = f.wrap(model.Text{S: "― " + s.Source.S, Loc: s.Source.Loc}, w, sp.Type.QuoteSource)
			gap = qb.LineH * 0.5
		}
		h := qb.Height() + gap + sb.Height()
		if h > b.h {
			f.fail(s.Quote, "引用がスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。文を短くしてください", b.h, h)
		}
		y := b.y + (b.h-h)/2
		out := []Item{Rect{X: round2(x - 10), Y: round2(y), W: 2.5, H: round2(qb.Height()), Fill: &c.Accent}}
		out = append(out, qb.Draw(x, y)...)
		return append(out, sb.DrawRight(f.m, x, y+qb.Height()+gap, w)...)
	})
	return p.page(s.Title, body)
}

func (p *slPlanner) columnSlide(s *model.Slide) slPage {
	sp := p.sp
	c := sp.Colors
	col := s.Column
	title := col.Title
	if !s.Title.Empty() {
		title = s.Title
	}
	b := p.body
	body := p.fitSlide(func(f *slFit) []Item {
		var out []Item
		pw := sp.ColumnPointsW
		if len(col.Points) == 0 {
			pw = 0
		}
		lw := b.w - pw
		if pw > 0 {
			lw -= sp.ColumnGap
		}
		st := &slStack{f: f, x: b.x, y: b.y, w: lw}
		if !s.Title.Empty() {
			st.text(col.Title, sp.Type.PaneTitle, 0)
		}
		for i, para := range col.Paragraphs {
			gap := 0.0
			if i > 0 || !s.Title.Empty() {
				gap = f.size(sp.Type.ColumnText).LineHeight(f.size(sp.Type.ColumnText).Size) * 0.45
			}
			st.text(para, sp.Type.ColumnText, gap)
		}
		if st.y > b.y+b.h {
			f.fail(col.Paragraphs[len(col.Paragraphs)-1], "コラムの本文がスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。段落を短くしてください", b.h, st.y-b.y)
		}
		out = append(out, st.items...)
		if pw == 0 {
			return out
		}
		px := b.x + b.w - pw
		pad := sp.ColumnPadding
		ps := &slStack{f: f, x: px + pad, y: b.y + pad, w: pw - 2*pad}
		head := sp.Type.PaneTitle
		ps.text(Plain("ポイント"), head, 0)
		var marks []Item
		ts := sp.Type.ColumnText
		ts.Bold = true
		for _, pt := range col.Points {
			tsz := f.size(ts)
			gap := tsz.LineHeight(tsz.Size) * 0.5
			ps.x, ps.w = px+pad+7, pw-2*pad-7
			top := ps.y + gap
			bl := ps.heading(pt, ts, gap)
			marks = append(marks, Block{Lines: []string{"✓"}, Size: bl.Size, LineH: bl.LineH, Style: Style{Bold: true, Color: c.Accent}}.Draw(px+pad, top)...)
		}
		ph := ps.y + pad - b.y
		if ph > b.h {
			f.fail(col.Points[len(col.Points)-1], "コラムの「ポイント」がスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。要点を短くしてください", b.h, ph)
		}
		out = append(out, Rect{X: round2(px), Y: round2(b.y), W: round2(pw), H: round2(ph), Fill: &c.Panel, Radius: 2})
		out = append(out, ps.items...)
		return append(out, marks...)
	})
	items := p.titleBar(title, "コラム")
	return slPage{items: append(items, body...), title: title.S, footer: true}
}

// finish adds the footers and bookmarks and makes the Doc.
func (p *slPlanner) finish(date time.Time) *DeckPlan {
	sp := p.sp
	e := p.book.Edition
	doc := &Doc{Meta: Meta{
		Title:    p.deck.Title.S,
		Author:   e.Publisher.S,
		Subject:  p.deck.Subtitle.S,
		Keywords: strings.Join(e.Keywords, ", "),
		Creator:  "sodan",
		Lang:     "ja-JP",
		Date:     date,
	}}
	if doc.Meta.Subject == "" {
		doc.Meta.Subject = e.Title.S
	}
	plan := &DeckPlan{Doc: doc, Deck: p.deck}
	n := len(p.pages)
	level := -1
	for i, pg := range p.pages {
		items := make([]Item, 0, len(pg.items)+8)
		l := 1
		if pg.top || level < 0 {
			l = 0
		}
		level = l
		items = append(items, Bookmark{Title: pg.title, Level: l, Y: 0})
		items = append(items, pg.items...)
		if pg.footer {
			items = append(items, p.footer(i+1, n)...)
		}
		doc.Pages = append(doc.Pages, Page{W: sp.W, H: sp.H, Items: items})
		plan.Slides = append(plan.Slides, pg.slide)
	}
	return plan
}

// footerW is the width the deck title may take in the footer.
func (p *slPlanner) footerW() float64 {
	return (p.sp.W - p.sp.Margin.Left - p.sp.Margin.Right) * 0.5
}

// footer draws the deck title, the edition and "n / N".
func (p *slPlanner) footer(n, total int) []Item {
	sp := p.sp
	x, w := sp.Margin.Left, sp.W-sp.Margin.Left-sp.Margin.Right
	top := sp.H - sp.Margin.Bottom - sp.FooterH
	items := []Item{Line{X1: x, Y1: round2(top), X2: round2(x + w), Y2: round2(top), Color: sp.Colors.Rule, Width: sp.FooterRule}}
	st := sp.Type.Footer
	s := Setter{M: p.m}
	title, _ := s.Line(p.deck.Title, p.footerW(), st)
	date, _ := s.Line(Plain(EditionLabel(p.book.Edition.Date)), w*0.25, st)
	num, _ := s.Line(Plain(fmt.Sprintf("%d / %d", n, total)), w*0.2, st)
	y := sp.H - sp.Margin.Bottom - title.Height()
	items = append(items, title.Draw(x, y)...)
	items = append(items, date.DrawCentred(p.m, x, y, w)...)
	return append(items, num.DrawRight(p.m, x, y, w)...)
}
