package layout

import (
	"fmt"

	"sodan/internal/diag"
	"sodan/internal/model"
)

// hoUnit is a piece of the handout that is never split: a heading, a card, a
// list item. Its items are positioned relative to its top-left corner.
type hoUnit struct {
	h     float64
	items []Item
	gap   float64  // space above it, dropped at the top of a column
	keep  bool     // keep in the same column as the next unit
	loc   diag.Loc // the source text it shows first, for "too tall" errors
	// cont is the title of the situation or group the unit belongs to; at
	// the top of a column it is repeated, marked as continued.
	cont model.Text
}

// hoShift returns the items moved by dx, dy.
func hoShift(items []Item, dx, dy float64) []Item {
	out := make([]Item, len(items))
	for i, it := range items {
		switch v := it.(type) {
		case Text:
			v.X, v.Y = round2(v.X+dx), round2(v.Y+dy)
			out[i] = v
		case Rect:
			v.X, v.Y = round2(v.X+dx), round2(v.Y+dy)
			out[i] = v
		case Line:
			v.X1, v.Y1, v.X2, v.Y2 = round2(v.X1+dx), round2(v.Y1+dy), round2(v.X2+dx), round2(v.Y2+dy)
			out[i] = v
		case Polygon:
			pts := make([]Point, len(v.Points))
			for j, p := range v.Points {
				pts[j] = Point{round2(p.X + dx), round2(p.Y + dy)}
			}
			v.Points = pts
			out[i] = v
		case QR:
			v.X, v.Y = round2(v.X+dx), round2(v.Y+dy)
			out[i] = v
		case Link:
			v.X, v.Y = round2(v.X+dx), round2(v.Y+dy)
			out[i] = v
		case Bookmark:
			v.Y = round2(v.Y + dy)
			out[i] = v
		default:
			out[i] = it
		}
	}
	return out
}

// hoStack builds a unit from the top down.
type hoStack struct {
	items []Item
	y     float64
}

func (s *hoStack) add(items ...Item) { s.items = append(s.items, items...) }

// block draws b with its top at the current height, at x, and moves down.
func (s *hoStack) block(b Block, x float64) {
	s.items = append(s.items, b.Draw(x, s.y)...)
	s.y += b.Height()
}

// hoFlow places units in the columns of as many pages as needed.
type hoFlow struct {
	pages []Page
	col   int
	top   float64 // top of the body on the current page
	y     float64 // where the next unit goes in the current column
	errs  *diag.List
}

// bodyBottom is the lowest point of the body (above the footer).
func (h *handout) bodyBottom() float64 {
	return h.sp.PageH - h.sp.Bottom - h.footerH - h.sp.Footer.Gap
}

// colX is the left edge of column i.
func (h *handout) colX(i int) float64 { return h.sp.Left + float64(i)*(h.colW+h.sp.Gutter) }

// place flows units into columns, starting at y on the current (first)
// page, opening columns and pages as needed.
func (h *handout) place(f *hoFlow, units []hoUnit) {
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
			page.Items = append(page.Items, hoShift(c.items, h.colX(f.col), f.y)...)
			f.y += c.h
			gap = u.gap
		}
		if f.y+gap+u.h > bottom+1e-6 {
			f.errs.Add(diag.At(u.loc, "この項目が段の高さ（%.0fmm）に収まりません（%.0fmm あります）。文を短くするか、レイアウトの文字や余白を小さくしてください",
				bottom-f.top, u.h))
		}
		page := &f.pages[len(f.pages)-1]
		page.Items = append(page.Items, hoShift(u.items, h.colX(f.col), f.y+gap)...)
		f.y += gap + u.h
	}
}

// nextColumn moves to the top of the next column, on a new page after the
// last column.
func (h *handout) nextColumn(f *hoFlow) {
	f.col++
	if f.col < h.sp.Columns {
		f.y = f.top
		return
	}
	f.col = 0
	f.pages = append(f.pages, Page{W: h.sp.PageW, H: h.sp.PageH})
	f.top = h.sp.Top + h.runningH + h.sp.Running.Gap
	f.y = f.top
}

// furnish draws the running header of every page after the first and the
// footer of every page, now that the number of pages is known.
func (h *handout) furnish(pages []Page) {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	w := sp.PageW - sp.Left - sp.Right
	e := h.book.Edition
	date := hoEditionDate(e.Date)
	// The publisher and the title are checked where they are written; the
	// footer only joins them.
	credit, creditOK := h.join(e.Publisher.Loc, "　", e.Publisher, e.Title)
	credit.S += "　" + date
	for i := range pages {
		p := &pages[i]
		var items []Item
		if i > 0 {
			ed := h.line(h.own("running_header", date), w, st.Running)
			items = append(items, ed.DrawRight(h.m, sp.Left, sp.Top, w)...)
			title := h.line(e.Title, w-h.lastWidth(ed)-sp.Card.PhoneGap, st.Running)
			items = append(items, title.Draw(sp.Left, sp.Top)...)
			y := sp.Top + h.runningH
			items = append(items, Line{X1: sp.Left, Y1: y, X2: sp.Left + w, Y2: y, Color: cl.Accent, Width: sp.Running.RuleWidth})
		}
		y := sp.PageH - sp.Bottom - h.footerH
		items = append(items, Line{X1: sp.Left, Y1: y, X2: sp.Left + w, Y2: y, Color: cl.Rule, Width: sp.Footer.RuleWidth})
		num := h.line(h.own("footer", fmt.Sprintf("%d / %d ページ", i+1, len(pages))), w, st.Footer)
		items = append(items, num.DrawRight(h.m, sp.Left, y, w)...)
		if creditOK {
			left := h.line(credit, w-h.lastWidth(num)-sp.Card.PhoneGap, st.Footer)
			items = append(items, left.Draw(sp.Left, y)...)
		}
		p.Items = append(items, p.Items...)
	}
}

// own is text the layout writes itself; a problem with it points at the
// style it is set in.
func (h *handout) own(styleKey, s string) model.Text {
	return model.Text{S: s, Loc: h.sp.Styles.loc(styleKey)}
}

// continued is the heading repeated at the top of a column for a situation
// or group whose desks go on there: its title, marked （つづき）, in the
// style of the symptoms, after a bar like the heading's.
func (h *handout) continued(title model.Text) hoUnit {
	sp, st := h.sp, &h.sp.Styles
	ss := sp.Situation
	x := ss.BarWidth + ss.Indent
	var s hoStack
	t := model.Text{S: title.S + "（つづき）", Loc: title.Loc}
	s.block(h.fit(t, h.colW-x, st.Symptoms, sp.Lines.Situation), x)
	s.add(Rect{X: 0, Y: 0, W: ss.BarWidth, H: round2(s.y), Fill: &h.sp.Colors.Rule})
	return hoUnit{h: s.y, items: s.items}
}
