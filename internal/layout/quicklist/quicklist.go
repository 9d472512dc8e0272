// Package quicklist lays out the 相談・届出先クイックリスト: an A4 list of
// the desks to call, with the emergency numbers, CHECK1 to CHECK4 and the
// back page, flowing through the grid columns of as many pages as it needs.
package quicklist

import (
	"fmt"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Plan lays out the 相談・届出先クイックリスト: on the front the title,
// the edition date and the purpose, the strip of emergency numbers, CHECK1
// to CHECK4 with every situation and its desks; then the prevention and
// support resources, the 5か条, the facts' verification dates and the
// revision history. The content flows through sp.Cols grid columns and
// onto as many pages as it needs, with a running header and a footer with
// page numbers; the caller compares len(doc.Pages) with sp.MaxPages.
//
// Every text is set through a text.Setter; when anything does not fit or
// cannot be drawn, Plan returns no Doc and every problem, each naming the
// source text's position.
func Plan(book *model.Book, sp *spec.QuickList, m layout.Measurer) (*layout.Doc, diag.List) {
	return plan(book, sp, m, nil)
}

// PlanSeminar is Plan for the copy handed out at a seminar: a ruled box
// at the right of the title names the seminar's organiser and whom to ask
// after it, with the phone number. The edition's date moves from its box
// to the right of the purpose, so the header keeps its height and the
// list its pages (a box that needs more room makes the header taller, and
// the list flows on as it does).
func PlanSeminar(book *model.Book, sp *spec.QuickList, m layout.Measurer, sem Seminar) (*layout.Doc, diag.List) {
	return plan(book, sp, m, &sem)
}

func plan(book *model.Book, sp *spec.QuickList, m layout.Measurer, sem *Seminar) (*layout.Doc, diag.List) {
	h := &planner{
		book: book, sp: sp, m: m, set: text.New(m, sp.Composition),
		full: map[*model.Contact]model.Text{}, qrDone: map[string]bool{}, sem: sem,
	}
	h.colW = (sp.BodyW() - float64(sp.Cols-1)*sp.Gutter) / float64(sp.Cols)
	h.footerH = sp.Styles.Footer.LineHeight(sp.Styles.Footer.Size)
	h.runningH = sp.Styles.Running.LineHeight(sp.Styles.Running.Size)

	f := &flow{pages: []layout.Page{{W: sp.W, H: sp.H}}, top: sp.Top, errs: &h.set.Errs}
	first := &f.pages[0]
	y := sp.Top
	if sem != nil {
		y = h.seminarHeader(first, y)
	} else {
		y = h.header(first, y)
	}
	y = h.emergency(first, y)
	f.top, f.y = y, y

	var units []unit
	for i, c := range book.QuickList.Checks {
		units = append(units, h.check(i, c)...)
	}
	units = append(units, h.resources()...)
	units = append(units, h.gokajo()...)
	units = append(units, h.facts()...)
	units = append(units, h.history()...)
	h.place(f, units)
	h.furnish(f.pages)

	if len(h.set.Errs) > 0 {
		return nil, h.set.Errs
	}
	e := book.Edition
	doc := &layout.Doc{
		Meta: layout.Meta{
			Title:    e.Title.S,
			Author:   e.Publisher.S,
			Subject:  e.Purpose.S,
			Keywords: e.Keywords,
		},
		Pages: f.pages,
	}
	return doc, nil
}

// planner is the state of one Plan call.
type planner struct {
	book *model.Book
	sp   *spec.QuickList
	m    layout.Measurer
	set  *text.Setter

	colW, footerH, runningH float64

	// full records, for each desk printed in full, the title of the
	// situation or section where it is; later mentions point there.
	full map[*model.Contact]model.Text
	// qrDone records the links that already have a QR code.
	qrDone map[string]bool
	// sem is the seminar the list is handed out at; nil for the bundled
	// list.
	sem *Seminar
}

// fit sets t in lines of at most width mm and maxLines lines, shrinking it
// within the style's limits.
func (h *planner) fit(t model.Text, width float64, st layout.Style, maxLines int) text.Block {
	b, _ := h.set.Fit(t, width, st, text.Rules{MaxLines: maxLines, Justify: true})
	return b
}

// label is fit without justification: for the labels and hours set
// beside a phone number or in the emergency strip, which are not a
// column's text.
func (h *planner) label(t model.Text, width float64, st layout.Style, maxLines int) text.Block {
	b, _ := h.set.Fit(t, width, st, text.Rules{MaxLines: maxLines})
	return b
}

// line sets t on one line.
func (h *planner) line(t model.Text, width float64, st layout.Style) text.Block {
	b, _ := h.set.Fit(t, width, st, text.Rules{MaxLines: 1})
	return b
}

// own is a text the layout writes itself: a problem with it points at the
// style it is set in.
func own(st layout.Style, s string) model.Text { return model.Text{S: s, Loc: st.Loc} }

// join makes one text of several source texts, checking each part's glyphs
// first so that a problem is reported at the part's own position. The
// joined text carries loc; ok is false (and the text empty) when a part has
// a character that cannot be drawn.
func (h *planner) join(loc diag.Loc, sep string, parts ...model.Text) (model.Text, bool) {
	ok := true
	var ss []string
	for _, p := range parts {
		if p.Empty() {
			continue
		}
		if !h.set.Check(p, layout.Style{}) {
			ok = false
		}
		ss = append(ss, p.S)
	}
	if !ok {
		return model.Text{Loc: loc}, false
	}
	return model.Text{S: strings.Join(ss, sep), Loc: loc}, true
}

// header draws the first page's heading from y and returns the y below it.
func (h *planner) header(p *layout.Page, y float64) float64 {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	e := h.book.Edition
	w := sp.BodyW()
	x := sp.Left

	// The edition date in a ruled box at the right of the title.
	ed := h.line(own(h.sp.Styles.Edition, layout.EditionLabel(e.Date)), w/2, st.Edition)
	pad := sp.Header.DateBoxPadding
	boxW := ed.LastWidth(h.m) + 2*pad
	boxH := ed.Height() + 2*pad

	if sp.Header.Subtitle && !e.Subtitle.Empty() {
		sub := h.line(e.Subtitle, w-boxW-pad, st.Subtitle)
		p.Items = append(p.Items, sub.Draw(x, y)...)
		y += sub.Height()
	}
	title := h.line(e.Title, w-boxW-2*pad, st.Title)
	p.Items = append(p.Items, title.Draw(x, y)...)
	by := y + (title.Height()-boxH)/2
	p.Items = append(p.Items,
		layout.Rect{X: x + w - boxW, Y: layout.Round(by), W: layout.Round(boxW), H: layout.Round(boxH), Stroke: &cl.Text, LineWidth: sp.Header.DateBoxRule},
	)
	p.Items = append(p.Items, ed.Draw(x+w-boxW+pad, by+pad)...)
	y += title.Height()
	purpose := h.line(e.Purpose, w, st.Purpose)
	p.Items = append(p.Items, purpose.Draw(x, y)...)
	y += purpose.Height() + sp.Header.RuleWidth
	p.Items = append(p.Items, layout.Line{X1: x, Y1: layout.Round(y), X2: x + w, Y2: layout.Round(y), Color: cl.Accent, Width: sp.Header.RuleWidth})
	return y + sp.Header.RuleWidth/2 + sp.Header.GapAfter
}

// emergency draws the strip of emergency numbers across the page from y
// and returns the y below it.
func (h *planner) emergency(p *layout.Page, y float64) float64 {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	es := h.book.QuickList.Emergency
	if len(es) == 0 {
		return y
	}
	e := sp.Emergency
	widths := h.emergencyWidths(es)
	var cells []stack
	height := 0.0
	for i, em := range es {
		// The numbers large at the left; beside them what the number is
		// for and the desk (named without its organisation: the label
		// says what it is for); the hours below, across the cell.
		c := em.Contact
		h.full[c] = own(h.sp.Styles.EmergencyLabel, "緊急の電話番号")
		inner := widths[i] - 2*e.Padding
		var s stack
		s.y = e.Padding
		numW := 0.0
		var nums []text.Block
		for _, ph := range c.Phones {
			b := h.line(ph.Number, inner, st.EmergencyNumber)
			nums = append(nums, b)
			numW = max(numW, b.LastWidth(h.m))
		}
		for _, b := range nums {
			s.block(b, e.Padding)
		}
		sideW := inner - numW - e.NumberGap
		var side stack
		side.block(h.label(em.Label, sideW, st.EmergencyLabel, 1), 0)
		name := emergencyDesk(c)
		side.block(h.label(name, sideW, st.EmergencyDesk, h.sp.Lines.Emergency), 0)
		numH := s.y - e.Padding
		sy := e.Padding + max(0, (numH-side.y)/2)
		s.add(layout.Shift(side.items, e.Padding+numW+e.NumberGap, sy)...)
		s.y = max(s.y, sy+side.y)
		if !c.Hours.Empty() {
			s.block(h.label(c.Hours, inner, st.EmergencyDesk, h.sp.Lines.Emergency), e.Padding)
		}
		s.y += e.Padding
		height = max(height, s.y)
		cells = append(cells, s)
	}
	p.Items = append(p.Items, layout.Bookmark{Title: "緊急の電話番号", Level: 0, Y: layout.Round(y)})
	x := sp.Left
	for i, s := range cells {
		p.Items = append(p.Items, layout.Rect{X: layout.Round(x), Y: layout.Round(y), W: layout.Round(widths[i]), H: layout.Round(height),
			Fill: &cl.EmergencyTint, Stroke: &cl.EmergencyRule, LineWidth: e.RuleWidth, Radius: e.Radius})
		p.Items = append(p.Items, layout.Shift(s.items, x, y)...)
		x += widths[i] + e.CellGap
	}
	return y + height + e.GapAfter
}

// emergencyDesk is the desk named in the emergency strip: without its
// organisation, as the label says what the number is for.
func emergencyDesk(c *model.Contact) model.Text {
	if c.Desk.Empty() {
		return c.Org
	}
	return c.Desk
}

// emergencyWidths shares the page width among the emergency cells. When
// every cell can have each of its texts on one line, each gets that width
// and an equal share of what is left; otherwise the cells are equal and
// their texts wrap.
func (h *planner) emergencyWidths(es []model.Emergency) []float64 {
	sp, st, e := h.sp, &h.sp.Styles, h.sp.Emergency
	w := sp.BodyW() - float64(len(es)-1)*e.CellGap
	widths := make([]float64, len(es))
	total := 0.0
	for i, em := range es {
		c := em.Contact
		num := 0.0
		for _, ph := range c.Phones {
			num = max(num, h.set.Width(ph.Number.S, st.EmergencyNumber.Bold, st.EmergencyNumber.Size))
		}
		side := max(h.set.Width(em.Label.S, st.EmergencyLabel.Bold, st.EmergencyLabel.Size),
			h.set.Width(emergencyDesk(c).S, st.EmergencyDesk.Bold, st.EmergencyDesk.Size))
		need := max(num+e.NumberGap+side, h.set.Width(c.Hours.S, st.EmergencyDesk.Bold, st.EmergencyDesk.Size))
		widths[i] = need + 2*e.Padding
		total += widths[i]
	}
	for i := range widths {
		if total <= w {
			widths[i] += (w - total) / float64(len(es))
		} else {
			widths[i] = w / float64(len(es))
		}
	}
	return widths
}

// band is the heading of a section: a tinted band with an optional boxed
// label (such as CHECK1) and the title; the lead follows below it. It
// carries a level-0 bookmark.
func (h *planner) band(label string, title, lead model.Text) unit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	se := sp.Section
	w := h.colW
	var s stack
	x := se.Padding
	labelW := 0.0
	var lb text.Block
	if label != "" {
		lb = h.line(own(h.sp.Styles.SectionLabel, label), w/2, st.SectionLabel)
		labelW = lb.LastWidth(h.m) + 2*se.LabelPadding
	}
	tx := x + labelW
	if label != "" {
		tx += se.LabelGap
	}
	tb := h.fit(title, w-tx-se.Padding, st.SectionTitle, sp.Lines.SectionTitle)
	bandH := max(tb.Height(), lb.Height()+2*se.LabelPadding) + 2*se.Padding
	s.add(layout.Rect{X: 0, Y: 0, W: layout.Round(w), H: layout.Round(bandH), Fill: &cl.Tint},
		layout.Line{X1: 0, Y1: layout.Round(bandH), X2: layout.Round(w), Y2: layout.Round(bandH), Color: cl.Accent, Width: se.RuleWidth})
	bm := title.S
	if label != "" {
		ly := (bandH - lb.Height() - 2*se.LabelPadding) / 2
		s.add(layout.Rect{X: x, Y: layout.Round(ly), W: layout.Round(labelW), H: layout.Round(lb.Height() + 2*se.LabelPadding),
			Fill: &cl.Paper, Stroke: &cl.Accent, LineWidth: se.LabelRule})
		s.add(lb.Draw(x+se.LabelPadding, ly+se.LabelPadding)...)
		bm = label + " " + title.S
	}
	s.add(tb.Draw(tx, (bandH-tb.Height())/2)...)
	s.add(layout.Bookmark{Title: bm, Level: 0, Y: 0})
	s.y = bandH + se.GapAfter
	if !lead.Empty() {
		s.block(h.fit(lead, w, st.Lead, sp.Lines.Lead), 0)
	}
	return unit{h: s.y, items: s.items, gap: se.GapBefore, keep: true, loc: title.Loc}
}

// check lays out one CHECK step: its band, its items and its situations.
func (h *planner) check(i int, c model.Check) []unit {
	units := []unit{h.band(model.CheckLabel(i), c.Title, c.Lead)}
	for _, it := range c.Items {
		units = append(units, h.item(it))
	}
	for _, s := range c.Situations {
		units = append(units, h.situation(s)...)
	}
	return units
}

// item is one line of a CHECK step, with its desk when it names one.
func (h *planner) item(it model.CheckItem) unit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	ind := sp.Section.ItemIndent
	var s stack
	b := h.fit(it.Text, h.colW-ind, st.Item, sp.Lines.Item)
	// A square bullet, drawn, so that it needs no glyph.
	d := sp.Section.Bullet
	if len(b.Lines) > 0 {
		s.add(layout.Rect{X: layout.Round((ind - d) / 2), Y: layout.Round((b.LineH - d) / 2), W: layout.Round(d), H: layout.Round(d), Fill: &cl.Accent})
	}
	s.block(b, ind)
	// An alert source is named with its address; it is a page to read, not
	// a desk to call, so it gets no card and no QR code.
	if c := it.Contact; c != nil {
		var slot slot
		desk := layout.DeskOf(c)
		if name, ok := h.join(desk.Name.Loc, " ", c.Org, c.Desk); ok {
			nb := h.fit(name, h.colW-ind, st.Desk, sp.Lines.Desk)
			s.block(nb, ind)
			slot = h.slotAfter(nb, ind, s.y, h.colW-ind)
		}
		if desk.Link != "" {
			if sp.Card.Labels || !h.runIn(&s, &slot, desk.Web, st.URL, desk.Link) {
				h.labelled(&s, "Web", desk.Web, desk.Link, ind, h.colW-ind, st.URL, sp.Lines.URL)
			}
		}
	}
	return unit{h: s.y, items: s.items, gap: sp.Section.ItemGap, loc: it.Text.Loc}
}

// situation is a situation's heading (title, symptoms, note) kept with its
// first desk, then one unit per desk.
func (h *planner) situation(si *model.Situation) []unit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	ss := sp.Situation
	w := h.colW - ss.BarWidth - ss.Indent
	x := ss.BarWidth + ss.Indent
	var s stack
	s.add(layout.Bookmark{Title: si.Title.S, Level: 1, Y: 0})
	s.block(h.fit(si.Title, w, st.SituationTitle, sp.Lines.Situation), x)
	if len(si.Symptoms) > 0 && ss.Symptoms {
		if t, ok := h.join(si.Symptoms[0].Loc, "・", si.Symptoms...); ok {
			t.S = "例：" + t.S
			s.block(h.fit(t, w, st.Symptoms, sp.Lines.Symptoms), x)
		}
	}
	s.add(layout.Rect{X: 0, Y: 0, W: ss.BarWidth, H: layout.Round(s.y), Fill: &cl.Accent})
	if !si.Note.Empty() {
		s.y += ss.GapAfter
		s.block(h.fit(si.Note, w, st.SituationNote, sp.Lines.Note), x)
	}
	head := unit{h: s.y + ss.GapAfter, items: s.items, gap: ss.GapBefore, keep: len(si.Contacts) > 0, loc: si.Title.Loc}
	units := []unit{head}
	for i, r := range si.Contacts {
		u := h.card(r.Contact, cardOpts{badge: fmt.Sprint(i + 1), note: r.Note, where: si.Title}, h.colW-x)
		u.items = layout.Shift(u.items, x, 0)
		u.cont = si.Title
		units = append(units, u)
	}
	return units
}
