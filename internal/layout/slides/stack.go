package slides

import (
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// stack places blocks one under another.
type stack struct {
	f     *fit
	x, y  float64
	w     float64
	items []layout.Item
}

// put draws b at the stack's bottom after gap mm and moves below it.
func (s *stack) put(b text.Block, gap float64) text.Block {
	s.y += gap
	// A trial fit keeps only whether things fit (fitBest): drawing the
	// lines, most of the cost of a table cell, waits for the final run.
	if s.f.final {
		s.items = append(s.items, b.Draw(s.x, s.y)...)
	}
	s.y += b.Height()
	return b
}

// text wraps t to the stack's width after gap mm, justified, and draws
// it; it returns the block.
func (s *stack) text(t model.Text, st layout.Style, gap float64) text.Block {
	return s.put(s.f.wrap(t, s.w, st), gap)
}

// plain is text without justification (fit.plain).
func (s *stack) plain(t model.Text, st layout.Style, gap float64) text.Block {
	return s.put(s.f.plain(t, s.w, st), gap)
}

// url is an address that is also a clickable link to href.
func (s *stack) url(t model.Text, st layout.Style, gap float64, href string) text.Block {
	b := s.put(s.f.url(t, s.w, st), gap)
	if s.f.final {
		s.items = append(s.items, b.Links(s.f.m, s.x, s.y-b.Height(), href)...)
	}
	return b
}

// number is a phone number or e-mail line, shrunk on its own to stay whole
// on one line.
func (s *stack) number(t model.Text, st layout.Style, gap float64) text.Block {
	return s.put(s.f.shrunk(t, s.w, st, 1), gap)
}

// heading is text with balanced lines (see fit.balanced).
func (s *stack) heading(t model.Text, st layout.Style, gap float64) text.Block {
	return s.put(s.f.balanced(t, s.w, st), gap)
}

// link is text that is also a clickable link to url.
func (s *stack) link(t model.Text, st layout.Style, gap float64, url string) text.Block {
	b := s.plain(t, st, gap)
	if s.f.final {
		s.items = append(s.items, b.Links(s.f.m, s.x, s.y-b.Height(), url)...)
	}
	return b
}

// phoneText is how a phone number is printed, with its label.
func phoneText(p model.Phone) model.Text {
	t := phone(p)
	if !p.Label.Empty() {
		t.S += "（" + p.Label.S + "）"
	}
	return t
}

// phone is the number with a telephone sign that stays on its line.
func phone(p model.Phone) model.Text {
	return model.Text{S: "☎\u00a0" + p.Number.S, Loc: p.Number.Loc}
}

// own is a text the layout writes itself, which has no source position: a
// problem with it is reported at the slide.
func own(s string) model.Text { return model.Text{S: s} }
