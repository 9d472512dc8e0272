package layout

import (
	"fmt"
	"math"
	"net/url"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/model"
)

// hoCardOpts says how a desk is shown where it is mentioned.
type hoCardOpts struct {
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
func (h *handout) card(c *model.Contact, o hoCardOpts, w float64) hoUnit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	cs := sp.Card
	firstAt, seen := h.full[c]
	repeat := seen && !cs.RepeatInFull
	if !seen {
		h.full[c] = o.where
	}
	link := c.Link()

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

	var s hoStack
	s.y = cs.PadY
	// The end of the name's last line is free for one short text set flush
	// right: the note, a repeated desk's pointer, or the URL.
	var slot hoRunIn
	if name, ok := h.join(hoDeskLoc(c), " ", c.Org, c.Desk); ok {
		nb := h.fit(name, tw, st.Desk, sp.Lines.Desk)
		s.block(nb, x)
		slot = h.slot(nb, x, s.y, tw)
	}
	if !o.note.Empty() && !h.runIn(&s, &slot, o.note, st.RefNote, "") {
		s.block(h.fit(o.note, tw, st.RefNote, sp.Lines.RefNote), x)
	}
	if repeat && cs.RepeatPointer && len(c.Phones) == 0 {
		// The pointer quotes a title from the sources: a problem with it
		// (too long to fit) points at that title, not at the layout.
		ptr := model.Text{S: "→「" + firstAt.S + "」に掲載", Loc: firstAt.Loc}
		if !h.runIn(&s, &slot, ptr, st.Symptoms, "") {
			s.block(h.fit(ptr, tw, st.Symptoms, sp.Lines.Body), x)
		}
	}
	var phoneSlot hoRunIn
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
			if cs.Labels || !(h.runIn(&s, &phoneSlot, t, st.URL, target) || h.runIn(&s, &slot, t, st.URL, target)) {
				h.labelled(&s, label, t, target, x, tw, st.URL, sp.Lines.URL)
			}
		}
		if cs.Email && !c.Email.Empty() {
			addr("メール", c.Email, "mailto:"+c.Email.S)
		}
		if link != "" {
			addr("Web", model.Text{S: ShortURL(link), Loc: hoLinkLoc(c)}, link)
		}
	}
	s.y += cs.PadY

	if qrSide > 0 {
		// The code's own quiet zone is white space enough: the code sits
		// at the top right, just inside the frame.
		h.qrDone[link] = true
		in := cs.RuleWidth
		qx := w - in - qrSide
		s.add(QR{X: round2(qx), Y: in, Size: round2(qrSide), Data: LinkURL(link)},
			Link{X: round2(qx), Y: in, W: round2(qrSide), H: round2(qrSide), URL: LinkURL(link)})
		s.y = max(s.y, qrSide+2*in)
	}
	var items []Item
	if cs.Frame {
		items = append(items, Rect{X: 0, Y: 0, W: round2(w), H: round2(s.y), Stroke: &cl.Rule, LineWidth: cs.RuleWidth, Radius: cs.Radius})
	} else {
		items = append(items, Line{X1: 0, Y1: 0, X2: round2(w), Y2: 0, Color: cl.Rule, Width: cs.RuleWidth})
	}
	items = append(items, s.items...)
	if o.badge != "" {
		b := h.line(h.own("badge", o.badge), cs.Badge, st.Badge)
		bx, by := cs.PadX, cs.PadY+(st.Desk.LineHeight(st.Desk.Size)-cs.Badge)/2
		items = append(items, Rect{X: bx, Y: round2(by), W: cs.Badge, H: cs.Badge, Fill: &cl.Accent, Radius: cs.Badge / 2})
		items = append(items, b.DrawCentred(h.m, bx, by+(cs.Badge-b.Height())/2, cs.Badge)...)
	}
	return hoUnit{h: s.y, items: items, gap: cs.GapBefore, loc: hoDeskLoc(c)}
}

// phoneRow draws a phone number large and bold, with its label and the
// hours stacked at its right. Given a purpose instead, it puts the purpose
// at the right if it fits there, and reports whether it did (drawing
// nothing when it did not). When nothing is set at the right, the row's
// slot is free for a run-in text.
func (h *handout) phoneRow(s *hoStack, number model.Text, right []model.Text, purpose model.Text, x, w float64) (bool, hoRunIn) {
	st, cs := &h.sp.Styles, h.sp.Card
	num := h.line(number, w, st.Phone)
	numW := h.lastWidth(num)
	rx := numW + cs.PhoneGap
	var side hoStack
	if !purpose.Empty() {
		// A trial on its own Setter: a purpose that does not fit here is
		// set below the number instead, and is not a problem.
		trial := &Setter{M: h.m}
		b, ok := trial.Fit(purpose, w-rx, st.Body, Limit{MaxLines: h.sp.Lines.Label})
		if !ok || len(trial.Errs) > 0 || len(b.Lines) == 0 {
			return false, hoRunIn{}
		}
		side.block(b, 0)
	}
	for _, t := range right {
		side.block(h.fit(t, w-rx, st.PhoneLabel, h.sp.Lines.Label), 0)
	}
	rowH := max(num.Height(), side.y)
	s.add(num.Draw(x, s.y+(rowH-num.Height())/2)...)
	s.add(hoShift(side.items, x+rx, s.y+(rowH-side.y)/2)...)
	sl := hoRunIn{free: side.y == 0, top: s.y, lh: rowH, from: x + rx, end: x + w}
	s.y += rowH
	return true, sl
}

// labelled draws a small label ("Web", "メール", "受付") and the value
// beside it; a value with a target becomes a link over each of its lines.
func (h *handout) labelled(s *hoStack, label string, v model.Text, target string, x, w float64, st Style, maxLines int) {
	ls := h.sp.Styles.PhoneLabel
	ls.Bold = true
	ls.Color = h.sp.Colors.Muted
	var lb Block
	if h.sp.Card.Labels {
		lb = h.line(h.own("phone_label", label), w/2, ls)
	}
	lw := 0.0
	if len(lb.Lines) > 0 {
		lw = h.lastWidth(lb) + h.sp.Card.PhoneGap/2
	}
	b := h.fit(v, w-lw, st, maxLines)
	s.add(lb.Draw(x, s.y+(b.LineH-lb.LineH)/2)...)
	s.add(b.Draw(x+lw, s.y)...)
	if target != "" {
		u := LinkURL(target)
		for i, l := range b.Lines {
			s.add(Link{X: round2(x + lw), Y: round2(s.y + float64(i)*b.LineH), W: round2(h.m.Width(l, st.Bold, b.Size)), H: round2(b.LineH), URL: u})
		}
	}
	s.y += b.Height()
}

// hoLinkLoc is where a desk's link is written.
func hoLinkLoc(c *model.Contact) diag.Loc {
	if !c.FormURL.Empty() {
		return c.FormURL.Loc
	}
	return c.URL.Loc
}

// ShortURL is a URL as printed: without the scheme and without a trailing
// slash (https://www.jc3.or.jp/ → www.jc3.or.jp).
func ShortURL(u string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(strings.ToLower(u), scheme) {
			u = u[len(scheme):]
			break
		}
	}
	return strings.TrimSuffix(u, "/")
}

// LinkURL is a URL as written into a link or a QR code: parsed and
// re-encoded with net/url, so that non-ASCII characters are
// percent-encoded, and any byte that is still not printable ASCII escaped.
func LinkURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		s = u.String()
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// hoQRCapacity is how many bytes a QR code of versions 1 to 10 holds at
// error-correction level M in byte mode, the mode URLs are encoded in.
var hoQRCapacity = [...]int{14, 26, 42, 62, 84, 106, 122, 152, 180, 213}

// qrSide is the side of the QR code for a desk's link: the layout's size,
// or more when the link needs so many modules that they would come out
// smaller than the layout's minimum module. A link too long for a code of
// version 10 is reported at its position.
func (h *handout) qrSide(c *model.Contact) float64 {
	data := LinkURL(c.Link())
	for v, n := range hoQRCapacity {
		if len(data) <= n {
			modules := 17 + 4*(v+1) + 2*4 // the code and its quiet zone
			side := max(h.sp.QR.Size, float64(modules)*h.sp.QR.MinModule)
			return math.Ceil(side*2) / 2
		}
	}
	h.set.Errs.Addf(hoLinkLoc(c), "URL が長すぎて、印刷して読み取れる QR コードになりません（%d 文字まで）", hoQRCapacity[len(hoQRCapacity)-1])
	return h.sp.QR.Size
}

// hoRunIn is the free end of a line: a short text may be set there, flush
// right, instead of on a line of its own.
type hoRunIn struct {
	free      bool
	top, lh   float64 // top and height of the line
	from, end float64 // where the free space starts and ends
}

// slot is the free end of b's last line, b drawn at x with its bottom at
// bottom and w wide.
func (h *handout) slot(b Block, x, bottom, w float64) hoRunIn {
	if len(b.Lines) == 0 {
		return hoRunIn{}
	}
	used := h.m.Width(b.Lines[len(b.Lines)-1], b.Style.Bold, b.Size)
	return hoRunIn{free: true, top: bottom - b.LineH, lh: b.LineH, from: x + used + h.sp.Card.PhoneGap, end: x + w}
}

// runIn sets t in the slot, flush right on one line at its full size, if
// it fits there; a target makes it a link. It reports whether it did, and
// then the slot is no longer free.
func (h *handout) runIn(s *hoStack, sl *hoRunIn, t model.Text, st Style, target string) bool {
	if !sl.free {
		return false
	}
	// A trial on its own Setter: text that does not fit here is set on a
	// line of its own instead, and is not a problem.
	trial := &Setter{M: h.m}
	st.MinSize = st.Size
	b, ok := trial.Fit(t, sl.end-sl.from, st, Limit{MaxLines: 1})
	if !ok || len(trial.Errs) > 0 || len(b.Lines) != 1 {
		return false
	}
	w := h.m.Width(b.Lines[0], st.Bold, b.Size)
	x, y := sl.end-w, sl.top+(sl.lh-b.LineH)/2
	s.add(b.Draw(x, y)...)
	if target != "" {
		s.add(Link{X: round2(x), Y: round2(y), W: round2(w), H: round2(b.LineH), URL: LinkURL(target)})
	}
	sl.free = false
	return true
}
