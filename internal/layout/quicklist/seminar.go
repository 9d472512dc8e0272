package quicklist

import (
	"math"

	"sodan/internal/layout"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Seminar is the seminar a quick list is handed out at.
type Seminar struct {
	Event *model.Event
	Spec  *spec.Event
}

// seminarHeader is header for a seminar's copy.
func (h *planner) seminarHeader(p *layout.Page, y float64) float64 {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	bs := &h.sem.Spec.QuickList
	e := h.book.Edition
	x, w := sp.Left, sp.BodyW()
	top := y
	box, need := h.seminarBox(bs.Width)
	lw := w - bs.Width - bs.Gap
	if sp.Header.Subtitle && !e.Subtitle.Empty() {
		sub := h.line(e.Subtitle, lw, st.Subtitle)
		p.Items = append(p.Items, sub.Draw(x, y)...)
		y += sub.Height()
	}
	title := h.line(e.Title, lw, st.Title)
	p.Items = append(p.Items, title.Draw(x, y)...)
	y += title.Height()
	boxH := math.Max(need, y-top)
	bx := x + w - bs.Width
	p.Items = append(p.Items, layout.Rect{X: layout.Round(bx), Y: layout.Round(top), W: layout.Round(bs.Width), H: layout.Round(boxH),
		Stroke: &cl.Accent, LineWidth: bs.RuleWidth, Radius: bs.Radius})
	p.Items = append(p.Items, layout.Shift(box, bx, top+(boxH-need)/2)...)
	y = math.Max(y, top+boxH)
	ed := h.line(own(st.Edition, layout.EditionLabel(e.Date)), w/2, st.Edition)
	purpose := h.line(e.Purpose, w-ed.LastWidth(h.m)-bs.Gap, st.Purpose)
	// The date beside the purpose, centred on its line: the row is as
	// high as the purpose's.
	p.Items = append(p.Items, purpose.Draw(x, y)...)
	p.Items = append(p.Items, ed.DrawRight(h.m, x, y+(purpose.Height()-ed.Height())/2, w)...)
	y += purpose.Height() + sp.Header.RuleWidth
	p.Items = append(p.Items, layout.Line{X1: x, Y1: layout.Round(y), X2: x + w, Y2: layout.Round(y), Color: cl.Accent, Width: sp.Header.RuleWidth})
	return y + sp.Header.RuleWidth/2 + sp.Header.GapAfter
}

// seminarBox lays out the box's text in width, from its top-left corner:
// the organiser and whom to ask after the seminar, each under its label,
// with the contact's first phone number (or else its e-mail or web
// address). It returns the items and the height the box needs.
func (h *planner) seminarBox(width float64) ([]layout.Item, float64) {
	bs := &h.sem.Spec.QuickList
	ev := h.sem.Event
	pr := layout.SeminarOf(ev)
	for _, t := range pr.Sources {
		h.set.Check(t, bs.Text)
	}
	vx := bs.PadX + bs.LabelW
	vw := width - vx - bs.PadX
	var s stack
	s.y = bs.PadY
	row := func(label string, values ...text.Block) {
		lb := h.label(own(bs.Label, label), bs.LabelW, bs.Label, 1)
		s.add(lb.Draw(bs.PadX, s.y)...)
		y := s.y
		for _, v := range values {
			s.add(v.Draw(vx, y)...)
			y += v.Height()
		}
		s.y = math.Max(s.y+lb.Height(), y)
	}
	row("セミナー主催", h.label(pr.Organiser, vw, bs.Text, 2))
	if desk := layout.EventDesk(ev.Contact); desk != nil {
		d := layout.DeskOf(desk)
		values := []text.Block{h.label(d.Name, vw, bs.Text, 2)}
		switch {
		case len(desk.Phones) > 0:
			values = append(values, h.line(desk.Phones[0].Number, vw, bs.Phone))
		case !desk.Email.Empty():
			values = append(values, h.label(desk.Email, vw, bs.Text, 2))
		case d.Link != "":
			values = append(values, h.label(d.Web, vw, bs.Text, 2))
		}
		row("お問い合わせ", values...)
	}
	return s.items, s.y + bs.PadY
}
