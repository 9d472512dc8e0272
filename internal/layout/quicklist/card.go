package quicklist

import (
	"math"

	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// cardOpts says how a desk is shown where it is mentioned.
type cardOpts struct {
	badge string     // its place in the situation's order ("" for none)
	note  model.Text // what the desk does in this situation
	where model.Text // the title of the situation or section it is in
}

// card lays out one desk w mm wide: its name, what it does here, each
// phone number large and bold with its label, the hours, the purpose, the
// e-mail address and the short URL as a link. A desk with no phone gets a
// QR code of its link, the first time the link is printed. A desk already
// printed in full is repeated without purpose and QR code (unless the
// layout asks for it in full), optionally with a pointer to where it is
// printed in full. The card is framed, or set off by a rule above it.
func (h *planner) card(c *model.Contact, o cardOpts, w float64) unit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	cs := sp.Card
	firstAt, seen := h.full[c]
	repeat := seen && !cs.RepeatInFull
	if !seen {
		h.full[c] = o.where
	}
	desk := layout.DeskOf(c)
	link := desk.Link

	x := cs.PadX
	if o.badge != "" {
		x += cs.Badge + cs.BadgeGap
	}
	// The text runs to the padding, or to the QR code and its gap.
	right := w - cs.PadX
	qrSide := 0.0
	if c.WebOnly() && !repeat && !h.qrDone[link] {
		qrSide = h.qrSide(c)
		right = w - cs.RuleWidth - qrSide - sp.QR.Gap
	}
	tw := right - x
	purpose := !repeat && !c.Purpose.Empty() && (o.note.Empty() || cs.PurposeWithNote)

	var s stack
	s.y = cs.PadY
	// The end of the name's last line is free for one short text set flush
	// right: the note, a repeated desk's pointer, or the URL.
	var nameSlot slot
	if name, ok := h.join(desk.Name.Loc, " ", c.Org, c.Desk); ok {
		nb := h.fit(name, tw, st.Desk, sp.Lines.Desk)
		s.block(nb, x)
		nameSlot = h.slotAfter(nb, x, s.y, tw)
	}
	// A desk whose facts could not all be confirmed says so beside its
	// name, wherever its numbers are printed.
	uncertain := !c.Uncertain.Empty() && !c.VerifiedOn.IsZero() && !(repeat && cs.RepeatPointer && len(c.Phones) == 0)
	var warn model.Text
	if uncertain {
		warn = model.Text{S: layout.UncertainLabel(c.VerifiedOn), Loc: c.VerifiedLoc}
		if h.runIn(&s, &nameSlot, warn, st.Uncertain, "") {
			uncertain = false
		}
	}
	if !o.note.Empty() && !h.runIn(&s, &nameSlot, o.note, st.RefNote, "") {
		s.block(h.fit(o.note, tw, st.RefNote, sp.Lines.RefNote), x)
	}
	if uncertain {
		s.block(h.line(warn, tw, st.Uncertain), x)
	}
	if repeat && cs.RepeatPointer && len(c.Phones) == 0 {
		// The pointer quotes a title from the sources: a problem with it
		// (too long to fit) points at that title, not at the layout.
		ptr := model.Text{S: "→「" + firstAt.S + "」に掲載", Loc: firstAt.Loc}
		if !h.runIn(&s, &nameSlot, ptr, st.Symptoms, "") {
			s.block(h.fit(ptr, tw, st.Symptoms, sp.Lines.Body), x)
		}
	}
	var phoneSlot slot
	for i, ph := range c.Phones {
		var right []model.Text
		if !ph.Label.Empty() {
			right = append(right, ph.Label)
		}
		last := i == len(c.Phones)-1
		if last && !c.Hours.Empty() {
			right = append(right, c.Hours)
		}
		if last && len(right) == 0 && purpose && cs.PurposeBesidePhone {
			if ok, _ := h.phoneRow(&s, ph.Number, nil, c.Purpose, x, tw); ok {
				purpose = false
				continue
			}
		}
		_, phoneSlot = h.phoneRow(&s, ph.Number, right, model.Text{}, x, tw)
	}
	if len(c.Phones) == 0 && !c.Hours.Empty() && !(repeat && cs.RepeatPointer) {
		h.labelled(&s, "受付", c.Hours, "", x, tw, st.Body, sp.Lines.Body)
	}
	if purpose {
		s.y += cs.LineGap
		s.block(h.fit(c.Purpose, tw, st.Body, sp.Lines.Body), x)
	}
	if cs.ContactNote && !repeat && !c.Note.Empty() {
		s.block(h.fit(c.Note, tw, st.Body, sp.Lines.Body), x)
	}
	if !(repeat && cs.RepeatPointer) {
		// The addresses go where there is room: beside the phone number,
		// at the end of the name, or on lines of their own.
		addr := func(label string, t model.Text, target string) {
			if cs.Labels || !(h.runIn(&s, &phoneSlot, t, st.URL, target) || h.runIn(&s, &nameSlot, t, st.URL, target)) {
				h.labelled(&s, label, t, target, x, tw, st.URL, sp.Lines.URL)
			}
		}
		if cs.Email && !c.Email.Empty() {
			addr("メール", c.Email, desk.Mail)
		}
		if link != "" {
			addr("Web", desk.Web, link)
		}
	}
	s.y += cs.PadY

	if qrSide > 0 {
		// The code's own quiet zone is white space enough: the code sits
		// at the top right, just inside the frame.
		h.qrDone[link] = true
		in := cs.RuleWidth
		qx := w - in - qrSide
		s.add(layout.QR{X: layout.Round(qx), Y: in, Size: layout.Round(qrSide), Data: link},
			layout.Link{X: layout.Round(qx), Y: in, W: layout.Round(qrSide), H: layout.Round(qrSide), URL: link})
		s.y = max(s.y, qrSide+2*in)
	}
	var items []layout.Item
	if cs.Frame {
		items = append(items, layout.Rect{X: 0, Y: 0, W: layout.Round(w), H: layout.Round(s.y), Stroke: &cl.Rule, LineWidth: cs.RuleWidth, Radius: cs.Radius})
	} else {
		items = append(items, layout.Line{X1: 0, Y1: 0, X2: layout.Round(w), Y2: 0, Color: cl.Rule, Width: cs.RuleWidth})
	}
	items = append(items, s.items...)
	if o.badge != "" {
		b := h.line(own(h.sp.Styles.Badge, o.badge), cs.Badge, st.Badge)
		bx, by := cs.PadX, cs.PadY+(st.Desk.LineHeight(st.Desk.Size)-cs.Badge)/2
		items = append(items, layout.Rect{X: bx, Y: layout.Round(by), W: cs.Badge, H: cs.Badge, Fill: &cl.Accent, Radius: cs.Badge / 2})
		items = append(items, b.DrawCentred(h.m, bx, by+(cs.Badge-b.Height())/2, cs.Badge)...)
	}
	return unit{h: s.y, items: items, gap: cs.GapBefore, loc: desk.Name.Loc}
}

// phoneRow draws a phone number large and bold, with its label and the
// hours stacked at its right. Given a purpose instead, it puts the purpose
// at the right if it fits there, and reports whether it did (drawing
// nothing when it did not). When nothing is set at the right, the row's
// slot is free for a run-in text.
func (h *planner) phoneRow(s *stack, number model.Text, right []model.Text, purpose model.Text, x, w float64) (bool, slot) {
	st, cs := &h.sp.Styles, h.sp.Card
	num := h.line(number, w, st.Phone)
	numW := num.LastWidth(h.m)
	rx := numW + cs.PhoneGap
	var side stack
	if !purpose.Empty() {
		// Only a trial: a purpose that does not fit here is set below the
		// number instead, and is not a problem.
		b, ok := h.set.Try(purpose, w-rx, st.Body, text.Rules{MaxLines: h.sp.Lines.Label, Justify: true})
		if !ok || len(b.Lines) == 0 {
			return false, slot{}
		}
		side.block(b, 0)
	}
	for _, t := range right {
		side.block(h.label(t, w-rx, st.PhoneLabel, h.sp.Lines.Label), 0)
	}
	rowH := max(num.Height(), side.y)
	s.add(num.Draw(x, s.y+(rowH-num.Height())/2)...)
	s.add(layout.Shift(side.items, x+rx, s.y+(rowH-side.y)/2)...)
	sl := slot{free: side.y == 0, top: s.y, lh: rowH, from: x + rx, end: x + w}
	s.y += rowH
	return true, sl
}

// labelled draws a small label ("Web", "メール", "受付") and the value
// beside it; a value with a target (an encoded link) becomes a link over
// each of its lines.
func (h *planner) labelled(s *stack, label string, v model.Text, target string, x, w float64, st layout.Style, maxLines int) {
	ls := h.sp.Styles.PhoneLabel
	ls.Bold = true
	ls.Color = h.sp.Colors.Muted
	var lb text.Block
	if h.sp.Card.Labels {
		lb = h.line(own(h.sp.Styles.PhoneLabel, label), w/2, ls)
	}
	lw := 0.0
	if len(lb.Lines) > 0 {
		lw = lb.LastWidth(h.m) + h.sp.Card.PhoneGap/2
	}
	// A web address breaks only at its URL break points.
	b, _ := h.set.Fit(v, w-lw, st, text.Rules{MaxLines: maxLines, Address: label == "Web"})
	s.add(lb.Draw(x, s.y+(b.LineH-lb.LineH)/2)...)
	s.add(b.Draw(x+lw, s.y)...)
	s.add(b.Links(h.m, x+lw, s.y, target)...)
	s.y += b.Height()
}

// qrSide is the side of the QR code for a desk's link: the layout's size,
// or more when the code has so many modules that they would come out
// smaller than the layout's minimum module, but at most a third of the
// grid column. A link too long for that is reported at its position.
func (h *planner) qrSide(c *model.Contact) float64 {
	q := h.sp.QR
	desk := layout.DeskOf(c)
	modules := h.m.QRModules(desk.Link)
	side := math.Ceil(max(q.Size, float64(modules)*q.MinModule)*2) / 2
	if most := h.colW / 3; modules == 0 || side > most {
		h.set.Errs.Addf(desk.Web.Loc, "URL が長すぎて、印刷して読み取れる QR コードが段の幅の 3 分の 1（%.0fmm）に収まりません（%d マス・1 マス %gmm）。短い URL にしてください",
			most, modules, q.MinModule)
		return q.Size
	}
	return side
}

// slot is the free end of a line: a short text may be set there, flush
// right, instead of on a line of its own.
type slot struct {
	free      bool
	top, lh   float64 // top and height of the line
	from, end float64 // where the free space starts and ends
}

// slotAfter is the free end of b's last line, b drawn at x with its
// bottom at bottom and w wide.
func (h *planner) slotAfter(b text.Block, x, bottom, w float64) slot {
	if len(b.Lines) == 0 {
		return slot{}
	}
	used := b.LastWidth(h.m)
	return slot{free: true, top: bottom - b.LineH, lh: b.LineH, from: x + used + h.sp.Card.PhoneGap, end: x + w}
}

// runIn sets t in the slot, flush right on one line at its full size, if
// it fits there; a target (an encoded link) makes it a link. It reports whether it did, and
// then the slot is no longer free.
func (h *planner) runIn(s *stack, sl *slot, t model.Text, st layout.Style, target string) bool {
	if !sl.free {
		return false
	}
	// Only a trial: text that does not fit here is set on a line of its own
	// instead, and is not a problem.
	st.MinSize = st.Size
	b, ok := h.set.Try(t, sl.end-sl.from, st, text.Rules{MaxLines: 1})
	if !ok || len(b.Lines) != 1 {
		return false
	}
	w := b.LineWidth(h.m, 0)
	x, y := sl.end-w, sl.top+(sl.lh-b.LineH)/2
	s.add(b.Draw(x, y)...)
	if target != "" {
		s.add(layout.Link{X: layout.Round(x), Y: layout.Round(y), W: layout.Round(w), H: layout.Round(b.LineH), URL: target})
	}
	sl.free = false
	return true
}
