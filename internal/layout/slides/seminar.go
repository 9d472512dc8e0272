package slides

import (
	"fmt"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Seminar is the seminar a deck is laid out for. The seminar's copy of a
// deck carries the seminar's title, date, venue and lecturer on its title
// slide (it gets one when the deck has none) and its title and date in
// every footer; the deck that ends the programme closes with a slide of
// the survey's QR code and whom to ask after the seminar, which stays on
// the screen through the questions.
type Seminar struct {
	Event *model.Event
	// Item is the deck's item of the programme (who speaks it).
	Item *model.ProgrammeItem
	// Last says the deck is the programme's last: the closing slide
	// follows its slides.
	Last bool
	Spec *spec.Event

	print layout.Seminar
}

// Closing is the title of the closing slide.
const Closing = "ご参加ありがとうございました"

// seminarStart checks the glyphs of the seminar's texts, each at its own
// position (false when one cannot be drawn), and adds a title slide when
// the deck does not begin with one.
func (p *planner) seminarStart() bool {
	ok := true
	for _, t := range p.sem.print.Sources {
		ok = p.set.Check(t, p.sem.Spec.Slides.EventDetail) && ok
	}
	if !ok {
		return false
	}
	if len(p.deck.Slides) > 0 && p.deck.Slides[0].Kind == model.SlideTitle {
		return true
	}
	s := &model.Slide{Kind: model.SlideTitle, Title: p.deck.Title, Subtitle: p.deck.Subtitle, Loc: p.deck.Loc}
	p.added(s.Loc, "表紙（セミナー用に足したもの）", func() []slidePage { return []slidePage{p.titleSlide(s)} })
	return true
}

// seminarEnd adds the closing slide to the programme's last deck.
func (p *planner) seminarEnd() {
	if p.sem.Last {
		p.added(p.sem.Event.Loc, "最後のスライド（"+Closing+"）", p.closingSlides)
	}
}

// added lays out slides the seminar's copy adds (slide -1), naming them
// in their problems.
func (p *planner) added(loc diag.Loc, what string, lay func() []slidePage) {
	p.where = loc
	n := len(p.set.Errs)
	for _, pg := range lay() {
		pg.slide = -1
		p.pages = append(p.pages, pg)
	}
	for j := n; j < len(p.set.Errs); j++ {
		d := &p.set.Errs[j]
		d.Msg = fmt.Sprintf("スライド %s の%s: %s", DeckName(p.deck), what, d.Msg)
	}
}

// speakers is the lecturers line of the title slide.
func (p *planner) speakers() model.Text {
	s := layout.Speakers(p.sem.Event, p.sem.Item)
	if s.Empty() {
		return s
	}
	return model.Text{S: "講師　" + s.S, Loc: s.Loc}
}

// seminarTitleSlide is a title slide with the seminar at its foot, above
// where the footer rule of the other slides runs: its title, when and
// where, who speaks. The deck's title and subtitle are centred in the
// space above.
func (p *planner) seminarTitleSlide(s *model.Slide) slidePage {
	sp, es := p.sp, &p.sem.Spec.Slides
	c := sp.Colors
	x := sp.Left + 14
	w := sp.W - x - sp.Right - 14
	band := sp.Top * 0.7
	pr := p.sem.print
	items := []layout.Item{layout.Rect{X: 0, Y: 0, W: sp.W, H: layout.Round(band), Fill: &c.Accent}}
	items = append(items, p.fitSlide(func(f *fit) []layout.Item {
		title := f.line(pr.Title, w, es.EventTitle, 2)
		if len(title.Lines) > 1 {
			title = f.balanced(pr.Title, w, es.EventTitle)
		}
		// When and where on one line, or each on its own when they do
		// not fit together.
		blocks := []text.Block{title}
		where, ok := f.set.Try(model.Text{S: pr.When.S + "　" + pr.Venue.S, Loc: pr.When.Loc}, w, f.fixed(es.EventDetail), text.Rules{MaxLines: 1})
		if ok {
			blocks = append(blocks, where)
		} else {
			blocks = append(blocks, f.plain(pr.When, w, es.EventDetail), f.plain(pr.Venue, w, es.EventDetail))
		}
		if who := p.speakers(); !who.Empty() {
			blocks = append(blocks, f.plain(who, w, es.EventDetail))
		}
		h := 0.0
		for _, b := range blocks {
			h += b.Height()
		}
		bottom := sp.H - sp.Bottom - sp.FooterH - sp.FooterGap
		ruleY := bottom - h - es.EventGap
		mid := (band + ruleY) / 2 / sp.H
		y, hh, heading := p.heading(f, s, w, sp.Type.DeckTitle, sp.Type.DeckSubtitle, 3, 0.6, mid)
		if y < sp.Top+4 || y+hh > ruleY-4 {
			f.fail(s.Title, "題名とセミナーの行（%s）がスライドに収まりません。題名かセミナー名を短くしてください", text.Excerpt(pr.Title.S))
		}
		out := []layout.Item{layout.Rect{X: layout.Round(x - 8), Y: layout.Round(y), W: 3, H: layout.Round(hh), Fill: &c.Accent}}
		out = append(out, heading(x)...)
		out = append(out, layout.Line{X1: x, Y1: layout.Round(ruleY), X2: layout.Round(x + w), Y2: layout.Round(ruleY), Color: c.Rule, Width: 0.3})
		yy := ruleY + es.EventGap
		for _, b := range blocks {
			out = append(out, b.Draw(x, yy)...)
			yy += b.Height()
		}
		return out
	})...)
	return slidePage{items: items, title: s.Title.S, top: true}
}

// footerTexts are what a seminar's footer sets: the seminar's title and
// date at the left, the deck's title and "n / N" at the right.
func (p *planner) footerTexts(n, total int) (left, right model.Text) {
	pr := p.sem.print
	left = model.Text{S: pr.Title.S + "　" + pr.Day.S, Loc: pr.Title.Loc}
	right = model.Text{S: fmt.Sprintf("%s　%d / %d", p.deck.Title.S, n, total), Loc: p.deck.Title.Loc}
	return left, right
}

// footerWidths are the widths the two sides of a seminar's footer may
// take.
func (p *planner) footerWidths() (left, right float64) {
	w := p.sp.BodyW()
	return w * 0.57, w * 0.41
}

// seminarFooterFits reports, through set, a footer whose texts do not fit
// on one line each.
func (p *planner) seminarFooterFits(set *text.Setter) {
	n := len(p.pages)
	l, r := p.footerTexts(n, n)
	lw, rw := p.footerWidths()
	one := text.Rules{MaxLines: 1}
	set.Fit(l, lw, p.sp.Type.Footer, one)
	set.Fit(r, rw, p.sp.Type.Footer, one)
}

// seminarFooter is footer for the seminar's copy.
func (p *planner) seminarFooter(n, total int) []layout.Item {
	sp := p.sp
	x, w := sp.Left, sp.BodyW()
	top := sp.H - sp.Bottom - sp.FooterH
	items := []layout.Item{layout.Line{X1: x, Y1: layout.Round(top), X2: layout.Round(x + w), Y2: layout.Round(top), Color: sp.Colors.Rule, Width: sp.FooterRule}}
	one := text.Rules{MaxLines: 1}
	l, r := p.footerTexts(n, total)
	lw, rw := p.footerWidths()
	left, _ := p.set.Try(l, lw, sp.Type.Footer, one)
	right, _ := p.set.Try(r, rw, sp.Type.Footer, one)
	y := sp.H - sp.Bottom - left.Height()
	// The title and the date at the size they fit at together, each a
	// block of its own: the date's runs start where they are measured
	// to, however long the title (a handout scales the slide, and a PDF
	// rounds the scaled size).
	st := sp.Type.Footer
	st.Size, st.MinSize = left.Size, left.Size
	pr := p.sem.print
	title, _ := p.set.Try(pr.Title, lw, st, one)
	day, _ := p.set.Try(model.Text{S: "　" + pr.Day.S, Loc: pr.Day.Loc}, lw, st, one)
	items = append(items, title.Draw(x, y)...)
	items = append(items, day.Draw(x+title.LastWidth(p.m), y)...)
	return append(items, right.DrawRight(p.m, x, y, w)...)
}

// closingSlides is the closing slide: the survey's QR code with its
// address, and whom to ask after the seminar as a desk's card; none when
// the seminar names neither.
func (p *planner) closingSlides() []slidePage {
	e := p.sem.Event
	desk := layout.EventDesk(e.Contact)
	survey := !e.Survey.Empty()
	if !survey && desk == nil {
		return nil
	}
	es := &p.sem.Spec.Slides
	b := p.body
	body := p.fitSlide(func(f *fit) []layout.Item {
		var out []layout.Item
		sw, cw := b.w*0.42, b.w-b.w*0.42-es.Gap // survey and contact panes
		sx, cx := b.x, b.x+sw+es.Gap
		switch {
		case !survey:
			cw, cx = b.w*0.6, b.x+b.w*0.2
		case desk == nil:
			sw, sx = b.w*0.6, b.x+b.w*0.2
		}
		// The two side by side, their tops level, centred in the body.
		h := 0.0
		if survey {
			_, sh := p.survey(f.probe(), rect{sx, b.y, sw, b.h})
			h = max(h, sh)
		}
		if desk != nil {
			_, ch := p.contact(f.probe(), desk, rect{cx, b.y, cw, b.h})
			h = max(h, ch)
		}
		top := b.y + max(0, (b.h-h)/2)
		if survey {
			items, _ := p.survey(f, rect{sx, top, sw, b.h})
			out = append(out, items...)
		}
		if desk != nil {
			items, _ := p.contact(f, desk, rect{cx, top, cw, b.h})
			out = append(out, items...)
		}
		return out
	})
	return []slidePage{p.page(model.Text{S: Closing}, body)}
}

// survey draws the request to answer the survey, its QR code and its
// address from the top of r, centred in its width, and returns the height
// they take; more than r's height does not fit.
func (p *planner) survey(f *fit, r rect) ([]layout.Item, float64) {
	es := &p.sem.Spec.Slides
	e := p.sem.Event
	link := layout.LinkURL(e.Survey.S)
	qr := es.QRSize
	if n := p.qrModules(link); n == 0 || qr/float64(n) < layout.MinQRModule {
		f.fail(e.Survey, "アンケートの QR コードが小さすぎます（%d マスを %.0fmm に描くと 1 マス %.2fmm。%.1fmm 以上が必要）。layouts の %s の slides.qr_size を大きくするか、URL を短くしてください",
			n, qr, qr/float64(max(n, 1)), layout.MinQRModule, spec.EventFile)
	}
	ask := f.balanced(model.Text{S: "アンケートにご協力ください"}, r.w, es.ClosingText)
	addr := f.url(model.Text{S: layout.ShortURL(e.Survey.S), Loc: e.Survey.Loc}, r.w, es.ClosingURL)
	gap := ask.LineH * 0.4
	h := ask.Height() + gap + qr + gap + addr.Height()
	if h > r.h {
		f.fail(e.Survey, "アンケートの QR コードと URL がスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。layouts の %s の slides.qr_size を小さくしてください", r.h, h, spec.EventFile)
	}
	y := r.y
	out := ask.DrawCentred(f.m, r.x, y, r.w)
	y += ask.Height() + gap
	qx := r.x + (r.w-qr)/2
	out = append(out, layout.QR{X: layout.Round(qx), Y: layout.Round(y), Size: qr, Data: link},
		layout.Link{X: layout.Round(qx), Y: layout.Round(y), W: qr, H: qr, URL: link})
	y += qr + gap
	out = append(out, addr.DrawCentred(f.m, r.x, y, r.w)...)
	return append(out, addr.Links(f.m, r.x+(r.w-addr.Width(f.m))/2, y, link)...), h
}

// contact draws whom to ask after the seminar from the top of r: a
// heading and the desk's card, as the contact slides draw it; it returns
// the height they take.
func (p *planner) contact(f *fit, desk *model.Contact, r rect) ([]layout.Item, float64) {
	sp := p.sp
	head := f.balanced(model.Text{S: "セミナー後のお問い合わせ"}, r.w, sp.Type.PaneTitle)
	gap := head.LineH * 0.4
	ref := model.Ref{Contact: desk}
	_, need := p.card(f.probe(), ref, rect{r.x, 0, r.w, 0})
	h := head.Height() + gap + need
	if h > r.h {
		f.fail(desk.Org, "問い合わせ先のカードがスライドに収まりません（高さ %.0fmm に %.0fmm 必要）", r.h, h)
	}
	out := head.Draw(r.x, r.y)
	card, _ := p.card(f, ref, rect{r.x, r.y + head.Height() + gap, r.w, need})
	return append(out, card...), h
}
