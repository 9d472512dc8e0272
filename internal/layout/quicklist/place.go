package quicklist

import (
	"fmt"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// unit is a piece of the quick list that is never split: a heading, a card, a
// list item. Its items are positioned relative to its top-left corner.
type unit struct {
	h     float64
	items []layout.Item
	gap   float64  // space above it, dropped at the top of a column
	keep  bool     // keep in the same column as the next unit
	loc   diag.Loc // the source text it shows first, for "too tall" errors
	// cont is the title of the situation or group the unit belongs to; at
	// the top of a column it is repeated, marked as continued.
	cont model.Text
}

// stack builds a unit from the top down.
type stack struct {
	items []layout.Item
	y     float64
}

func (s *stack) add(items ...layout.Item) { s.items = append(s.items, items...) }

// block draws b with its top at the current height, at x, and moves down.
func (s *stack) block(b text.Block, x float64) {
	s.items = append(s.items, b.Draw(x, s.y)...)
	s.y += b.Height()
}

// flow places units in the columns of as many pages as needed.
type flow struct {
	pages []layout.Page
	col   int
	top   float64 // top of the body on the current page
	y     float64 // where the next unit goes in the current column
	errs  *diag.List
}

// bodyBottom is the lowest point of the body (above the footer).
func (h *planner) bodyBottom() float64 {
	return h.sp.H - h.sp.Bottom - h.footerH - h.sp.Footer.Gap
}

// colX is the left edge of column i.
func (h *planner) colX(i int) float64 { return h.sp.Left + float64(i)*(h.colW+h.sp.Gutter) }

// place flows units into columns, starting at y on the current (first)
// page, opening columns and pages as needed.
func (h *planner) place(f *flow, units []unit) {
	bottom := h.bodyBottom()
	for i := 0; i < len(units); i++ {
		u := units[i]
		empty := f.y <= f.top+1e-6
		gap := u.gap
		if empty {
			gap = 0
		}
		// The unit and the units kept with it must fit together, unless
		// the column is empty (then they could not fit anywhere).
		need := gap + u.h
		for j := i; j+1 < len(units) && units[j].keep; j++ {
			need += units[j+1].gap + units[j+1].h
		}
		if !empty && f.y+need > bottom+1e-6 {
			if f.y+gap+u.h > bottom+1e-6 || u.keep {
				h.nextColumn(f)
				i--
				continue
			}
		}
		if empty && !u.cont.Empty() {
			c := h.continued(u.cont)
			page := &f.pages[len(f.pages)-1]
			page.Items = append(page.Items, layout.Shift(c.items, h.colX(f.col), f.y)...)
			f.y += c.h
			gap = u.gap
		}
		if f.y+gap+u.h > bottom+1e-6 {
			f.errs.Add(diag.At(u.loc, "この項目が段の高さ（%.0fmm）に収まりません（%.0fmm あります）。文を短くするか、レイアウトの文字や余白を小さくしてください",
				bottom-f.top, u.h))
		}
		page := &f.pages[len(f.pages)-1]
		page.Items = append(page.Items, layout.Shift(u.items, h.colX(f.col), f.y+gap)...)
		f.y += gap + u.h
	}
}

// nextColumn moves to the top of the next column, on a new page after the
// last column.
func (h *planner) nextColumn(f *flow) {
	f.col++
	if f.col < h.sp.Cols {
		f.y = f.top
		return
	}
	f.col = 0
	f.pages = append(f.pages, layout.Page{W: h.sp.W, H: h.sp.H})
	f.top = h.sp.Top + h.runningH + h.sp.Running.Gap
	f.y = f.top
}

// furnish draws the running header of every page after the first and the
// footer of every page, now that the number of pages is known.
func (h *planner) furnish(pages []layout.Page) {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	w := sp.BodyW()
	e := h.book.Edition
	date := layout.EditionLabel(e.Date)
	// The publisher and the title are checked where they are written; the
	// footer only joins them.
	credit, creditOK := h.join(e.Publisher.Loc, "　", e.Publisher, e.Title)
	credit.S += "　" + date
	for i := range pages {
		p := &pages[i]
		var items []layout.Item
		if i > 0 {
			ed := h.line(own(h.sp.Styles.Running, date), w, st.Running)
			items = append(items, ed.DrawRight(h.m, sp.Left, sp.Top, w)...)
			title := h.line(e.Title, w-ed.LastWidth(h.m)-sp.Card.PhoneGap, st.Running)
			items = append(items, title.Draw(sp.Left, sp.Top)...)
			y := sp.Top + h.runningH
			items = append(items, layout.Line{X1: sp.Left, Y1: y, X2: sp.Left + w, Y2: y, Color: cl.Accent, Width: sp.Running.RuleWidth})
		}
		y := sp.H - sp.Bottom - h.footerH
		items = append(items, layout.Line{X1: sp.Left, Y1: y, X2: sp.Left + w, Y2: y, Color: cl.Rule, Width: sp.Footer.RuleWidth})
		num := h.line(own(h.sp.Styles.Footer, fmt.Sprintf("%d / %d ページ", i+1, len(pages))), w, st.Footer)
		items = append(items, num.DrawRight(h.m, sp.Left, y, w)...)
		if creditOK {
			left := h.line(credit, w-num.LastWidth(h.m)-sp.Card.PhoneGap, st.Footer)
			items = append(items, left.Draw(sp.Left, y)...)
		}
		p.Items = append(items, p.Items...)
	}
}

// continued is the heading repeated at the top of a column for a situation
// or group whose desks go on there: its title, marked layout.Continued, in the
// style of the symptoms, after a bar like the heading's.
func (h *planner) continued(title model.Text) unit {
	sp, st := h.sp, &h.sp.Styles
	ss := sp.Situation
	x := ss.BarWidth + ss.Indent
	var s stack
	t := model.Text{S: title.S + layout.Continued, Loc: title.Loc}
	s.block(h.fit(t, h.colW-x, st.Symptoms, sp.Lines.Situation), x)
	s.add(layout.Rect{X: 0, Y: 0, W: ss.BarWidth, H: layout.Round(s.y), Fill: &h.sp.Colors.Rule})
	return unit{h: s.y, items: s.items}
}
