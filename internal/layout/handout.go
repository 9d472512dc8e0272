package layout

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"sodan/internal/diag"
	"sodan/internal/model"
)

// Handout lays out the 相談・届出先クイックリスト: on the front the title,
// the edition date and the purpose, the strip of emergency numbers, CHECK1
// to CHECK4 with every situation and its desks; then the prevention and
// support resources, the 5か条, the facts' verification dates and the
// revision history. The content flows through spec.Columns columns and onto
// as many pages as it needs, with a running header and a footer with page
// numbers; the caller compares len(doc.Pages) with spec.MaxPages.
//
// Every text is checked for glyphs and fitted to its box through a Setter;
// when anything does not fit or cannot be drawn, Handout returns no Doc and
// every problem, each naming the source text's position. date is the build
// date written into the document information.
func Handout(book *model.Book, spec HandoutSpec, m Measurer, date time.Time) (*Doc, diag.List) {
	h := &handout{
		book: book, sp: &spec, m: m, set: &Setter{M: m},
		full: map[*model.Contact]model.Text{}, qrDone: map[string]bool{},
	}
	h.colW = (spec.PageW - spec.Left - spec.Right - float64(spec.Columns-1)*spec.Gutter) / float64(spec.Columns)
	h.footerH = spec.Styles.Footer.LineHeight(spec.Styles.Footer.Size)
	h.runningH = spec.Styles.Running.LineHeight(spec.Styles.Running.Size)

	f := &hoFlow{pages: []Page{{W: spec.PageW, H: spec.PageH}}, top: spec.Top, errs: &h.set.Errs}
	first := &f.pages[0]
	y := spec.Top
	y = h.header(first, y)
	y = h.emergency(first, y)
	f.top, f.y = y, y

	var units []hoUnit
	for i, c := range book.QuickList.Checks {
		units = append(units, h.check(i, c)...)
	}
	units = append(units, h.resources()...)
	units = append(units, h.gokajo()...)
	units = append(units, h.facts()...)
	units = append(units, h.history()...)
	h.place(f, units)
	h.furnish(f.pages)
	h.checkMeta()

	if len(h.set.Errs) > 0 {
		return nil, h.set.Errs
	}
	e := book.Edition
	doc := &Doc{
		Meta: Meta{
			Title:    e.Title.S,
			Author:   e.Publisher.S,
			Subject:  e.Purpose.S,
			Keywords: strings.Join(e.Keywords, ", "),
			Creator:  "sodan",
			Lang:     "ja-JP",
			Date:     date,
		},
		Pages: f.pages,
	}
	return doc, nil
}

// handout is the state of one Handout call.
type handout struct {
	book *model.Book
	sp   *HandoutSpec
	m    Measurer
	set  *Setter

	colW, footerH, runningH float64

	// full records, for each desk printed in full, the title of the
	// situation or section where it is; later mentions point there.
	full map[*model.Contact]model.Text
	// qrDone records the links that already have a QR code.
	qrDone map[string]bool
}

// fit breaks t into lines of at most width mm and maxLines lines,
// shrinking it within the style's limits.
func (h *handout) fit(t model.Text, width float64, st Style, maxLines int) Block {
	lim := Limit{MaxLines: maxLines}
	b, ok := h.set.Fit(t, width, st, lim)
	if !ok || len(b.Lines) < 2 || utf8.RuneCountInString(b.Lines[len(b.Lines)-1]) >= h.sp.MinLastLine {
		return b
	}
	// A last line of a character or two: try narrower measures, one em at
	// a time, for one that keeps the size and the number of lines and
	// carries more characters down.
	em := b.Size * PtToMM
	for k := 1; k <= 4; k++ {
		w := width - float64(k)*em
		trial := &Setter{M: h.m}
		nb, ok := trial.Fit(t, w, st, lim)
		if ok && len(trial.Errs) == 0 && nb.Size == b.Size && len(nb.Lines) == len(b.Lines) &&
			utf8.RuneCountInString(nb.Lines[len(nb.Lines)-1]) >= h.sp.MinLastLine {
			return nb
		}
	}
	return b
}

// line fits t on one line.
func (h *handout) line(t model.Text, width float64, st Style) Block {
	b, _ := h.set.Line(t, width, st)
	return b
}

// join makes one text of several source texts, checking each part's glyphs
// first so that a problem is reported at the part's own position. The
// joined text carries loc; ok is false (and the text empty) when a part has
// a character that cannot be drawn.
func (h *handout) join(loc diag.Loc, sep string, parts ...model.Text) (model.Text, bool) {
	ok := true
	var ss []string
	for _, p := range parts {
		if p.Empty() {
			continue
		}
		if !h.set.Check(p) {
			ok = false
		}
		ss = append(ss, p.S)
	}
	if !ok {
		return model.Text{Loc: loc}, false
	}
	return model.Text{S: strings.Join(ss, sep), Loc: loc}, true
}

// hoEditionDate is the date as printed: 2026年11月25日版.
func hoEditionDate(d time.Time) string {
	return fmt.Sprintf("%d年%d月%d日版", d.Year(), int(d.Month()), d.Day())
}

// hoJaDate is a date as printed in sentences: 2026年11月25日.
func hoJaDate(d time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

// header draws the first page's heading from y and returns the y below it.
func (h *handout) header(p *Page, y float64) float64 {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	e := h.book.Edition
	w := sp.PageW - sp.Left - sp.Right
	x := sp.Left

	// The edition date in a ruled box at the right of the title.
	ed := h.line(h.own("edition", hoEditionDate(e.Date)), w/2, st.Edition)
	pad := sp.Header.DateBoxPadding
	boxW := h.lastWidth(ed) + 2*pad
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
		Rect{X: x + w - boxW, Y: round2(by), W: round2(boxW), H: round2(boxH), Stroke: &cl.Text, LineWidth: sp.Header.DateBoxRule},
	)
	p.Items = append(p.Items, ed.Draw(x+w-boxW+pad, by+pad)...)
	y += title.Height()
	purpose := h.line(e.Purpose, w, st.Purpose)
	p.Items = append(p.Items, purpose.Draw(x, y)...)
	y += purpose.Height() + sp.Header.RuleWidth
	p.Items = append(p.Items, Line{X1: x, Y1: round2(y), X2: x + w, Y2: round2(y), Color: cl.Accent, Width: sp.Header.RuleWidth})
	return y + sp.Header.RuleWidth/2 + sp.Header.GapAfter
}

// emergency draws the strip of emergency numbers across the page from y
// and returns the y below it.
func (h *handout) emergency(p *Page, y float64) float64 {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	es := h.book.QuickList.Emergency
	if len(es) == 0 {
		return y
	}
	e := sp.Emergency
	widths := h.emergencyWidths(es)
	var cells []hoStack
	height := 0.0
	for i, em := range es {
		// The numbers large at the left; beside them what the number is
		// for and the desk (named without its organisation: the label
		// says what it is for); the hours below, across the cell.
		c := em.Contact
		h.full[c] = h.own("emergency_label", "緊急の電話番号")
		inner := widths[i] - 2*e.Padding
		var s hoStack
		s.y = e.Padding
		numW := 0.0
		var nums []Block
		for _, ph := range c.Phones {
			b := h.line(ph.Number, inner, st.EmergencyNumber)
			nums = append(nums, b)
			numW = max(numW, h.lastWidth(b))
		}
		for _, b := range nums {
			s.block(b, e.Padding)
		}
		sideW := inner - numW - e.NumberGap
		var side hoStack
		side.block(h.fit(em.Label, sideW, st.EmergencyLabel, 1), 0)
		name := emergencyDesk(c)
		side.block(h.fit(name, sideW, st.EmergencyDesk, h.sp.Lines.Emergency), 0)
		numH := s.y - e.Padding
		sy := e.Padding + max(0, (numH-side.y)/2)
		s.add(hoShift(side.items, e.Padding+numW+e.NumberGap, sy)...)
		s.y = max(s.y, sy+side.y)
		if !c.Hours.Empty() {
			s.block(h.fit(c.Hours, inner, st.EmergencyDesk, h.sp.Lines.Emergency), e.Padding)
		}
		s.y += e.Padding
		height = max(height, s.y)
		cells = append(cells, s)
	}
	p.Items = append(p.Items, Bookmark{Title: "緊急の電話番号", Level: 0, Y: round2(y)})
	x := sp.Left
	for i, s := range cells {
		p.Items = append(p.Items, Rect{X: round2(x), Y: round2(y), W: round2(widths[i]), H: round2(height),
			Fill: &cl.EmergencyTint, Stroke: &cl.EmergencyRule, LineWidth: e.RuleWidth, Radius: e.Radius})
		p.Items = append(p.Items, hoShift(s.items, x, y)...)
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
func (h *handout) emergencyWidths(es []model.Emergency) []float64 {
	sp, st, e := h.sp, &h.sp.Styles, h.sp.Emergency
	w := sp.PageW - sp.Left - sp.Right - float64(len(es)-1)*e.CellGap
	widths := make([]float64, len(es))
	total := 0.0
	for i, em := range es {
		c := em.Contact
		num := 0.0
		for _, ph := range c.Phones {
			num = max(num, h.m.Width(ph.Number.S, st.EmergencyNumber.Bold, st.EmergencyNumber.Size))
		}
		side := max(h.m.Width(em.Label.S, st.EmergencyLabel.Bold, st.EmergencyLabel.Size),
			h.m.Width(emergencyDesk(c).S, st.EmergencyDesk.Bold, st.EmergencyDesk.Size))
		need := max(num+e.NumberGap+side, h.m.Width(c.Hours.S, st.EmergencyDesk.Bold, st.EmergencyDesk.Size))
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

// lastWidth is the width of a block's last line (0 for no lines).
func (h *handout) lastWidth(b Block) float64 {
	if len(b.Lines) == 0 {
		return 0
	}
	return h.m.Width(b.Lines[len(b.Lines)-1], b.Style.Bold, b.Size)
}

// hoDeskLoc is where a desk's name is written: the desk, or the organisation
// when there is no desk.
func hoDeskLoc(c *model.Contact) diag.Loc {
	if !c.Desk.Empty() {
		return c.Desk.Loc
	}
	return c.Org.Loc
}

// band is the heading of a section: a tinted band with an optional boxed
// label (such as CHECK1) and the title; the lead follows below it. It
// carries a level-0 bookmark.
func (h *handout) band(label string, title, lead model.Text) hoUnit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	se := sp.Section
	w := h.colW
	var s hoStack
	x := se.Padding
	labelW := 0.0
	var lb Block
	if label != "" {
		lb = h.line(h.own("section_label", label), w/2, st.SectionLabel)
		labelW = h.lastWidth(lb) + 2*se.LabelPadding
	}
	tx := x + labelW
	if label != "" {
		tx += se.LabelGap
	}
	tb := h.fit(title, w-tx-se.Padding, st.SectionTitle, sp.Lines.SectionTitle)
	bandH := max(tb.Height(), lb.Height()+2*se.LabelPadding) + 2*se.Padding
	s.add(Rect{X: 0, Y: 0, W: round2(w), H: round2(bandH), Fill: &cl.Tint},
		Line{X1: 0, Y1: round2(bandH), X2: round2(w), Y2: round2(bandH), Color: cl.Accent, Width: se.RuleWidth})
	bm := title.S
	if label != "" {
		ly := (bandH - lb.Height() - 2*se.LabelPadding) / 2
		s.add(Rect{X: x, Y: round2(ly), W: round2(labelW), H: round2(lb.Height() + 2*se.LabelPadding),
			Fill: &cl.Paper, Stroke: &cl.Accent, LineWidth: se.LabelRule})
		s.add(lb.Draw(x+se.LabelPadding, ly+se.LabelPadding)...)
		bm = label + " " + title.S
	}
	s.add(tb.Draw(tx, (bandH-tb.Height())/2)...)
	s.add(Bookmark{Title: bm, Level: 0, Y: 0})
	s.y = bandH + se.GapAfter
	if !lead.Empty() {
		s.block(h.fit(lead, w, st.Lead, sp.Lines.Lead), 0)
	}
	return hoUnit{h: s.y, items: s.items, gap: se.GapBefore, keep: true, loc: title.Loc}
}

// check lays out one CHECK step: its band, its items and its situations.
func (h *handout) check(i int, c model.Check) []hoUnit {
	units := []hoUnit{h.band(model.CheckLabel(i), c.Title, c.Lead)}
	for _, it := range c.Items {
		units = append(units, h.item(it))
	}
	for _, s := range c.Situations {
		units = append(units, h.situation(s)...)
	}
	return units
}

// item is one line of a CHECK step, with its desk when it names one.
func (h *handout) item(it model.CheckItem) hoUnit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	ind := sp.Section.ItemIndent
	var s hoStack
	b := h.fit(it.Text, h.colW-ind, st.Item, sp.Lines.Item)
	// A square bullet, drawn, so that it needs no glyph.
	d := sp.Section.Bullet
	if len(b.Lines) > 0 {
		s.add(Rect{X: round2((ind - d) / 2), Y: round2((b.LineH - d) / 2), W: round2(d), H: round2(d), Fill: &cl.Accent})
	}
	s.block(b, ind)
	// An alert source is named with its address; it is a page to read, not
	// a desk to call, so it gets no card and no QR code.
	if c := it.Contact; c != nil {
		var slot hoRunIn
		if name, ok := h.join(hoDeskLoc(c), " ", c.Org, c.Desk); ok {
			nb := h.fit(name, h.colW-ind, st.Desk, sp.Lines.Desk)
			s.block(nb, ind)
			slot = h.slot(nb, ind, s.y, h.colW-ind)
		}
		if link := c.Link(); link != "" {
			short := model.Text{S: ShortURL(link), Loc: hoLinkLoc(c)}
			if sp.Card.Labels || !h.runIn(&s, &slot, short, st.URL, link) {
				h.labelled(&s, "Web", short, link, ind, h.colW-ind, st.URL, sp.Lines.URL)
			}
		}
	}
	return hoUnit{h: s.y, items: s.items, gap: sp.Section.ItemGap, loc: it.Text.Loc}
}

// situation is a situation's heading (title, symptoms, note) kept with its
// first desk, then one unit per desk.
func (h *handout) situation(si *model.Situation) []hoUnit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	ss := sp.Situation
	w := h.colW - ss.BarWidth - ss.Indent
	x := ss.BarWidth + ss.Indent
	var s hoStack
	s.add(Bookmark{Title: si.Title.S, Level: 1, Y: 0})
	s.block(h.fit(si.Title, w, st.SituationTitle, sp.Lines.Situation), x)
	if len(si.Symptoms) > 0 && ss.Symptoms {
		if t, ok := h.join(si.Symptoms[0].Loc, "・", si.Symptoms...); ok {
			t.S = "例：" + t.S
			s.block(h.fit(t, w, st.Symptoms, sp.Lines.Symptoms), x)
		}
	}
	s.add(Rect{X: 0, Y: 0, W: ss.BarWidth, H: round2(s.y), Fill: &cl.Accent})
	if !si.Note.Empty() {
		s.y += ss.GapAfter
		s.block(h.fit(si.Note, w, st.SituationNote, sp.Lines.Note), x)
	}
	head := hoUnit{h: s.y + ss.GapAfter, items: s.items, gap: ss.GapBefore, keep: len(si.Contacts) > 0, loc: si.Title.Loc}
	units := []hoUnit{head}
	for i, r := range si.Contacts {
		u := h.card(r.Contact, hoCardOpts{badge: fmt.Sprint(i + 1), note: r.Note, where: si.Title}, h.colW-x)
		u.items = hoShift(u.items, x, 0)
		u.cont = si.Title
		units = append(units, u)
	}
	return units
}
