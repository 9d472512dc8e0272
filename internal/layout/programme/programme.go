// Package programme lays out a seminar's programme sheet (式次第): one A4
// page with the seminar's title, when and where it is, the organiser and
// the lecturers, the running order with the times, the decks' titles and
// who speaks them, and at the foot whom to ask after the seminar and the
// survey's QR code. The sheet is also the cover of the seminar's handouts.
package programme

import (
	"math"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Title is the sheet's label, and its bookmark.
const Title = "式次第"

// Plan lays out the programme sheet of e. Every text is set through a
// text.Setter; when one does not fit, cannot be drawn, or the sheet does
// not fit on its page, Plan returns no Doc and every problem, each at the
// position of its source text.
func Plan(book *model.Book, e *model.Event, sp *spec.Event, m layout.Measurer) (*layout.Doc, diag.List) {
	p := &planner{e: e, sp: sp, m: m, set: text.New(m, sp.Composition), pr: layout.SeminarOf(e)}
	ok := true
	for _, t := range p.pr.Sources {
		ok = p.set.Check(t, sp.Programme.Info) && ok
	}
	if !ok {
		return nil, p.set.Errs
	}
	items := []layout.Item{layout.Bookmark{Title: Title, Level: 0, Y: 0}}
	y := p.head(&items, sp.Top)
	y = p.info(&items, y+sp.Programme.Gap)
	y = p.running(&items, y+sp.Programme.Gap)
	p.boxes(&items, y+sp.Programme.Gap)
	if len(p.set.Errs) > 0 {
		return nil, p.set.Errs
	}
	doc := &layout.Doc{
		Meta: layout.Meta{
			Title:    Title + "　" + e.Title.S,
			Author:   e.Organiser.S,
			Subject:  p.pr.When.S + "　" + p.pr.Venue.S,
			Keywords: []string{"式次第", "セミナー"},
		},
		Pages: []layout.Page{{W: sp.W, H: sp.H, Items: items}},
	}
	return doc, nil
}

// planner is the state of one Plan call.
type planner struct {
	e   *model.Event
	sp  *spec.Event
	m   layout.Measurer
	set *text.Setter
	pr  layout.Seminar
}

// own is a text the layout writes itself: a problem with it is reported
// at the event's file.
func (p *planner) own(s string) model.Text { return model.Text{S: s, Loc: p.e.Loc} }

// set sets t plainly (names and labels, not prose) in lines of at most
// width mm and maxLines lines (0: any), shrinking it within the style.
func (p *planner) fit(t model.Text, width float64, st layout.Style, maxLines int) text.Block {
	b, _ := p.set.Fit(t, width, st, text.Rules{MaxLines: maxLines})
	return b
}

// head draws the label, the seminar's title and the rule under them from
// y and returns the y below.
func (p *planner) head(items *[]layout.Item, y float64) float64 {
	sp, ps := p.sp, &p.sp.Programme
	x, w := sp.Left, sp.BodyW()
	label := p.fit(p.own(Title), w, ps.Label, 1)
	*items = append(*items, label.Draw(x, y)...)
	y += label.Height() + ps.TitleGap/2
	title, _ := p.set.Fit(p.e.Title, w, ps.Title, text.Rules{MaxLines: 3, Balance: true})
	*items = append(*items, title.Draw(x, y)...)
	y += title.Height() + ps.TitleGap/2 + ps.RuleWidth/2
	*items = append(*items, layout.Line{X1: x, Y1: layout.Round(y), X2: layout.Round(x + w), Y2: layout.Round(y), Color: sp.Accent, Width: ps.RuleWidth})
	return y + ps.RuleWidth/2
}

// info draws when and where, the organiser and the lecturers, each under
// its label, from y and returns the y below.
func (p *planner) info(items *[]layout.Item, y float64) float64 {
	sp, ps := p.sp, &p.sp.Programme
	x, w := sp.Left, sp.BodyW()
	vw := w - ps.LabelW
	where := []model.Text{p.pr.Venue}
	if !p.pr.Address.Empty() {
		where = append(where, p.pr.Address)
	}
	var who []model.Text
	for i := range p.e.Lecturers {
		who = append(who, layout.LecturerLabel(&p.e.Lecturers[i]))
	}
	for _, row := range []struct {
		label  string
		values []model.Text
	}{
		{"日時", []model.Text{p.pr.When}}, {"会場", where}, {"主催", []model.Text{p.pr.Organiser}}, {"講師", who},
	} {
		label := p.fit(p.own(row.label), ps.LabelW, ps.InfoLabel, 1)
		*items = append(*items, label.Draw(x, y)...)
		h := label.Height()
		vy := y
		for _, v := range row.values {
			b := p.fit(v, vw, ps.Info, 0)
			*items = append(*items, b.Draw(x+ps.LabelW, vy)...)
			vy += b.Height()
		}
		y += math.Max(h, vy-y)
	}
	return y
}

// running draws the running order, one ruled row an item: the times, and
// the deck's title with its subtitle and who speaks it, or the break or
// question time; it returns the y below.
func (p *planner) running(items *[]layout.Item, y float64) float64 {
	sp, ps := p.sp, &p.sp.Programme
	x, w := sp.Left, sp.BodyW()
	head := p.fit(p.own("プログラム"), w, ps.Heading, 1)
	*items = append(*items, head.Draw(x, y)...)
	y += head.Height() + ps.RowPadding/2
	rule := func(y float64) {
		*items = append(*items, layout.Line{X1: x, Y1: layout.Round(y), X2: layout.Round(x + w), Y2: layout.Round(y), Color: sp.Rule, Width: ps.RowRule})
	}
	rule(y)
	mx, mw := x+ps.TimeW, w-ps.TimeW
	for i := range p.e.Programme {
		it := &p.e.Programme[i]
		ty := y + ps.RowPadding
		times := p.fit(model.Text{S: layout.TimesLabel(it.Start, it.End), Loc: it.Loc}, ps.TimeW, ps.Time, 1)
		*items = append(*items, times.Draw(x, ty)...)
		my := ty
		put := func(t model.Text, st layout.Style, lines int) {
			b := p.fit(t, mw, st, lines)
			*items = append(*items, b.Draw(mx, my)...)
			my += b.Height()
		}
		switch it.Kind {
		case model.ProgrammeDeck:
			put(it.Deck.Title, ps.Item, 2)
			if !it.Deck.Subtitle.Empty() {
				put(it.Deck.Subtitle, ps.ItemNote, 2)
			}
			if who := layout.Speakers(p.e, it); !who.Empty() {
				put(model.Text{S: "講師　" + who.S, Loc: who.Loc}, ps.ItemNote, 2)
			}
		default:
			st := ps.Item
			st.Bold = false
			if it.Kind == model.ProgrammeBreak {
				st.Color = sp.Muted
			}
			put(it.Label, st, 2)
		}
		y = math.Max(ty+times.Height(), my) + ps.RowPadding
		rule(y)
	}
	return y + ps.RowRule/2
}

// boxes draws, at the foot of the page, whom to ask after the seminar and
// the survey, side by side when there are both; top is the highest they
// may begin.
func (p *planner) boxes(items *[]layout.Item, top float64) {
	sp, ps := p.sp, &p.sp.Programme
	x, w := sp.Left, sp.BodyW()
	desk := layout.EventDesk(p.e.Contact)
	survey := !p.e.Survey.Empty()
	var boxes []func(x, y, w, h float64) ([]layout.Item, float64)
	var widths []float64
	switch {
	case desk != nil && survey:
		widths = []float64{(w - ps.BoxGap) / 2, (w - ps.BoxGap) / 2}
	case desk != nil, survey:
		widths = []float64{w}
	}
	if desk != nil {
		boxes = append(boxes, func(x, y, w, h float64) ([]layout.Item, float64) { return p.contact(desk, x, y, w, h) })
	}
	if survey {
		boxes = append(boxes, p.survey)
	}
	h := 0.0
	for i, b := range boxes {
		_, need := b(0, 0, widths[i], 0)
		h = math.Max(h, need)
	}
	y := sp.H - sp.Bottom - h
	if y < top {
		p.set.Errs.Addf(p.e.Loc, "式次第が A4 の 1 ページに収まりません（%.0fmm はみ出します）。式次第の項目を減らすか、layouts の %s の programme の文字を小さくしてください", top-y, spec.EventFile)
		return
	}
	for i, b := range boxes {
		*items = append(*items, layout.Rect{X: layout.Round(x), Y: layout.Round(y), W: layout.Round(widths[i]), H: layout.Round(h), Fill: &sp.Panel})
		out, _ := b(x, y, widths[i], h)
		*items = append(*items, out...)
		x += widths[i] + ps.BoxGap
	}
}

// contact draws the box of whom to ask after the seminar at x, y, w wide
// (h 0: only measures), and returns its items and the height it needs.
func (p *planner) contact(desk *model.Contact, x, y, w, h float64) ([]layout.Item, float64) {
	sp, ps := p.sp, &p.sp.Programme
	pad := ps.BoxPadding
	s := stack{p: p, x: x + pad, y: y + pad, w: w - 2*pad}
	s.put(p.own("セミナー後のお問い合わせ"), ps.Heading, 1, 0)
	d := layout.DeskOf(desk)
	if desk.Desk.Empty() {
		s.name(desk.Org, ps.Item, 1)
	} else {
		s.put(desk.Org, ps.Text, 2, 1)
		s.name(desk.Desk, ps.Item, 0)
	}
	for _, ph := range desk.Phones {
		s.put(model.Text{S: "☎\u00a0" + ph.Number.S, Loc: ph.Number.Loc}, ps.Phone, 1, 0.5)
		if !ph.Label.Empty() {
			s.put(ph.Label, ps.Text, 2, 0)
		}
	}
	if !desk.Hours.Empty() {
		s.put(model.Text{S: "受付 " + desk.Hours.S, Loc: desk.Hours.Loc}, ps.Text, 2, 0.5)
	}
	if !desk.Email.Empty() {
		s.link(model.Text{S: "メール " + desk.Email.S, Loc: desk.Email.Loc}, ps.Text, d.Mail, 1)
	}
	if d.Link != "" {
		st := ps.Text
		st.Color = sp.Accent
		s.link(d.Web, st, d.Link, 2)
	}
	return s.items, s.y - y + pad
}

// survey draws the box of the survey: a line asking for it, its QR code
// and its address beside.
func (p *planner) survey(x, y, w, h float64) ([]layout.Item, float64) {
	sp, ps := p.sp, &p.sp.Programme
	pad, qr := ps.BoxPadding, ps.QRSize
	link := layout.LinkURL(p.e.Survey.S)
	if n := p.m.QRModules(link); n == 0 || qr/float64(n) < layout.MinQRModule {
		p.set.Errs.Addf(p.e.Survey.Loc, "アンケートの QR コードが小さすぎます（%d マスを %.0fmm に描くと 1 マス %.2fmm。%.1fmm 以上が必要）。layouts の %s の programme.qr_size を大きくするか、URL を短くしてください",
			n, qr, qr/float64(max(n, 1)), layout.MinQRModule, spec.EventFile)
	}
	s := stack{p: p, x: x + pad + qr + pad, y: y + pad, w: w - 3*pad - qr}
	s.put(p.own("アンケート"), ps.Heading, 1, 0)
	s.put(p.own("QR コードから"), ps.Text, 1, 1)
	s.put(p.own("お答えください"), ps.Text, 1, 0)
	st := ps.Text
	st.Color = sp.Accent
	s.link(model.Text{S: layout.ShortURL(p.e.Survey.S), Loc: p.e.Survey.Loc}, st, link, 2)
	need := math.Max(s.y-y+pad, qr+2*pad)
	items := s.items
	if h > 0 {
		qy := y + (h-qr)/2
		items = append(items, layout.QR{X: layout.Round(x + pad), Y: layout.Round(qy), Size: qr, Data: link},
			layout.Link{X: layout.Round(x + pad), Y: layout.Round(qy), W: qr, H: qr, URL: link})
	}
	return items, need
}

// stack places blocks one under another.
type stack struct {
	p     *planner
	x, y  float64
	w     float64
	items []layout.Item
}

// put sets t (see fit) gap line heights below what is there and draws it.
func (s *stack) put(t model.Text, st layout.Style, lines int, gap float64) {
	s.block(s.p.fit(t, s.w, st, lines), gap)
}

// block draws b gap line heights below what is there.
func (s *stack) block(b text.Block, gap float64) {
	s.y += gap * b.LineH * 0.3
	s.items = append(s.items, b.Draw(s.x, s.y)...)
	s.y += b.Height()
}

// name is put for a name, kept on one line while it fits at the style's
// smallest size, else wrapped at its size.
func (s *stack) name(t model.Text, st layout.Style, gap float64) {
	b, ok := s.p.set.Try(t, s.w, st, text.Rules{MaxLines: 1})
	if !ok {
		b = s.p.fit(t, s.w, st, 0)
	}
	s.block(b, gap)
}

// link is put for a web or e-mail address that also links to url, broken
// only where an address may be: on at most lines lines (0: any) while it
// fits so at the style's smallest size, else on as many as it needs.
func (s *stack) link(t model.Text, st layout.Style, url string, lines int) {
	b, ok := s.p.set.Try(t, s.w, st, text.Rules{Address: true, MaxLines: lines})
	if !ok {
		b, _ = s.p.set.Fit(t, s.w, st, text.Rules{Address: true})
	}
	s.y += b.LineH * 0.15
	s.items = append(s.items, b.Draw(s.x, s.y)...)
	s.items = append(s.items, b.Links(s.p.m, s.x, s.y, url)...)
	s.y += b.Height()
}
