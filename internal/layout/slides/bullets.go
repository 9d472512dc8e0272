package slides

import (
	"math"

	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// entry is one paragraph of a bullet list: a bullet, or the formula,
// phone, e-mail or URL line that belongs to the bullet above it.
type entry struct {
	text  model.Text
	level int // nesting depth of the bullet it belongs to, from 0
	kind  entryKind
	url   string // link target
	addr  bool   // text is a printed address (broken after slashes)
}

type entryKind int

const (
	entryItem entryKind = iota
	entryPhone
	entryDetail
	entryFormula
)

// entries flattens items into paragraphs in reading order: each bullet,
// then its formula, its contact's phones, e-mail and address, its URL, and
// then its children.
func entries(items []model.Item, level int) []entry {
	var out []entry
	for _, it := range items {
		out = append(out, entry{text: it.Text, level: level, kind: entryItem})
		if !it.Formula.Empty() {
			out = append(out, entry{text: it.Formula, level: level, kind: entryFormula})
		}
		if c := it.Contact; c != nil {
			out = append(out, contactEntries(c, level)...)
		}
		if !it.URL.Empty() {
			out = append(out, entry{text: model.Text{S: layout.ShortURL(it.URL.S), Loc: it.URL.Loc}, level: level, kind: entryDetail, url: layout.LinkURL(it.URL.S), addr: true})
		}
		out = append(out, entries(it.Children, level+1)...)
	}
	return out
}

// contactEntries are the lines that say how to reach c.
func contactEntries(c *model.Contact, level int) []entry {
	var out []entry
	for _, ph := range c.Phones {
		out = append(out, entry{text: phoneText(ph), level: level, kind: entryPhone})
	}
	d := layout.DeskOf(c)
	if d.Mail != "" {
		out = append(out, entry{text: model.Text{S: "メール " + c.Email.S, Loc: c.Email.Loc}, level: level, kind: entryDetail, url: d.Mail})
	}
	if d.Link != "" {
		out = append(out, entry{text: d.Web, level: level, kind: entryDetail, url: d.Link, addr: true})
	}
	return out
}

// list lays out entries in one col (a long list takes two).
type list struct {
	p       *planner
	entries []entry
}

func (l *list) style(e entry) layout.Style {
	t := l.p.sp.Type
	switch e.kind {
	case entryPhone:
		return t.DetailPhone
	case entryDetail:
		return t.Detail
	case entryFormula:
		// A formula stands out at the top level; under a bullet it is set
		// bold at the size of the bullets one level down.
		if e.level == 0 {
			return t.Formula
		}
		st := t.Bullets[min(e.level+1, 2)]
		st.Bold = true
		return st
	}
	return t.Bullets[min(e.level, 2)]
}

// textX is where the text of an entry starts, from the col's left.
func (l *list) textX(e entry) float64 {
	in := l.p.sp.BulletIndent
	return float64(e.level)*in + in*0.78
}

// gap is the space before entry i in a col that starts at first.
func (l *list) gap(f *fit, i, first int) float64 {
	if i == first {
		return 0
	}
	e := l.entries[i]
	switch e.kind {
	case entryFormula:
		return 1.5
	case entryPhone, entryDetail:
		return 0.3
	}
	g := l.p.sp.BulletGap[min(e.level, 2)]
	st := l.style(e)
	return g * f.size(st).Size / st.Size
}

// height is the height of entry i at width w.
func (l *list) height(f *fit, i int, w float64) float64 {
	e := l.entries[i]
	b := l.wrap(f, e, w-l.textX(e)-l.pad(e)*2)
	return b.Height() + 2*l.pad(e)
}

func (l *list) wrap(f *fit, e entry, w float64) text.Block {
	if e.addr {
		return f.url(e.text, w, l.style(e))
	}
	if e.kind == entryFormula || e.kind == entryPhone {
		return f.shrunk(e.text, w, l.style(e), 0)
	}
	return f.plain(e.text, w, l.style(e))
}

func (l *list) pad(e entry) float64 {
	if e.kind == entryFormula {
		return l.p.sp.FormulaPadding
	}
	return 0
}

// breakable reports whether a col may start at entry i: only at a
// bullet that is not the first child of the bullet above it, so a heading
// never ends a col and details stay with their bullet.
func (l *list) breakable(i int) bool {
	if i == 0 || l.entries[i].kind != entryItem {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		if l.entries[j].kind == entryItem {
			return l.entries[i].level <= l.entries[j].level
		}
	}
	return false
}

// draw lays out entries[from:to] at (x, y) in width w; it returns the items
// and the height used.
func (l *list) draw(f *fit, from, to int, x, y, w float64) ([]layout.Item, float64) {
	sp := l.p.sp
	c := sp.Colors
	var out []layout.Item
	y0 := y
	for i := from; i < to; i++ {
		e := l.entries[i]
		y += l.gap(f, i, from)
		tx := x + l.textX(e)
		st := l.style(e)
		pad := l.pad(e)
		b := l.wrap(f, e, x+w-tx-2*pad)
		switch e.kind {
		case entryItem:
			out = append(out, l.marker(f, e, x+float64(e.level)*sp.BulletIndent, y+b.LineH/2, b.Size/st.Size)...)
		case entryFormula:
			bw := b.Width(f.m)
			out = append(out, layout.Rect{X: layout.Round(tx), Y: layout.Round(y), W: layout.Round(bw + 2*pad), H: layout.Round(b.Height() + 2*pad),
				Fill: &c.Panel, Stroke: &c.Accent, LineWidth: 0.4, Radius: 1.5})
		}
		out = append(out, b.Draw(tx+pad, y+pad)...)
		if e.url != "" {
			out = append(out, b.Links(f.m, tx+pad, y+pad, e.url)...)
		}
		y += b.Height() + 2*pad
	}
	return out, y - y0
}

// marker draws the bullet's mark centred on cy: a square, a dot or a dash
// by depth, scaled with the text.
func (l *list) marker(f *fit, e entry, x, cy, scale float64) []layout.Item {
	sp := l.p.sp
	c := sp.Colors
	m := sp.BulletMarker * scale
	switch e.level {
	case 0:
		return []layout.Item{layout.Rect{X: layout.Round(x), Y: layout.Round(cy - m/2), W: layout.Round(m), H: layout.Round(m), Fill: &c.Accent}}
	case 1:
		d := m * 0.8
		return []layout.Item{layout.Rect{X: layout.Round(x + (m-d)/2), Y: layout.Round(cy - d/2), W: layout.Round(d), H: layout.Round(d), Fill: &c.Accent, Radius: layout.Round(d / 2)}}
	}
	return []layout.Item{layout.Line{X1: layout.Round(x), Y1: layout.Round(cy), X2: layout.Round(x + m), Y2: layout.Round(cy), Color: c.Accent, Width: layout.Round(0.5 * scale)}}
}

// colHeight is the height of entries[from:to] in a col of width w.
func (l *list) colHeight(f *fit, from, to int, w float64) float64 {
	h := 0.0
	for i := from; i < to; i++ {
		h += l.gap(f, i, from) + l.height(f, i, w)
	}
	return h
}

// place lays the list into the rectangle r, in one col when it fits and
// otherwise in two, split where the taller col is lowest.
func (l *list) place(f *fit, r rect) []layout.Item {
	n := len(l.entries)
	if n == 0 {
		return nil
	}
	probe := f.probe()
	if h := l.colHeight(probe, 0, n, r.w); probe.ok && h <= r.h+1e-6 {
		items, _ := l.draw(f, 0, n, r.x, r.y, r.w)
		return items
	}
	gap := l.p.sp.BulletColsGap
	cw := (r.w - gap) / 2
	// Break between top-level bullets when that fits; only otherwise
	// between deeper ones, where the second col loses its heading.
	best, bestH := -1, math.Inf(1)
	probe = f.probe()
	for depth := 0; depth <= maxDepth(l.entries) && (best < 0 || bestH > r.h+1e-6); depth++ {
		for i := 1; i < n; i++ {
			if !l.breakable(i) || l.entries[i].level > depth {
				continue
			}
			t := l.tail(i)
			h := math.Max(l.colHeight(probe, 0, i, cw), t.colHeight(probe, 0, len(t.entries), cw))
			if h < bestH {
				best, bestH = i, h
			}
		}
	}
	if best < 0 || bestH > r.h+1e-6 {
		// Report at the first bullet that runs past the bottom.
		y := 0.0
		for i := range n {
			y += l.gap(probe, i, 0) + l.height(probe, i, r.w)
			if y > r.h {
				f.fail(l.entries[i].text, "箇条書きがスライドに収まりません（高さ %.0fmm。2 段に組んでも %.0fmm 必要）。項目を減らすか、文を短くするか、スライドを分けてください",
					r.h, math.Min(bestH, l.colHeight(probe, 0, n, r.w)))
				break
			}
		}
		if f.ok { // two cols fit in height but a word did not fit
			f.ok = false
		}
		items, _ := l.draw(f, 0, n, r.x, r.y, r.w)
		return items
	}
	left, _ := l.draw(f, 0, best, r.x, r.y, cw)
	t := l.tail(best)
	right, _ := t.draw(f, 0, len(t.entries), r.x+cw+gap, r.y, cw)
	return append(left, right...)
}

// tail is the list from entry i on, for a second col: when i is not a
// top-level bullet, the bullets it belongs to come first again, marked as
// continued, so the col does not start without its heading.
func (l *list) tail(i int) *list {
	var heads []entry
	level := l.entries[i].level
	for j := i - 1; j >= 0 && level > 0; j-- {
		if e := l.entries[j]; e.kind == entryItem && e.level < level {
			e.text.S += layout.Continued
			heads = append([]entry{e}, heads...)
			level = e.level
		}
	}
	return &list{p: l.p, entries: append(heads, l.entries[i:]...)}
}

func maxDepth(es []entry) int {
	d := 0
	for _, e := range es {
		d = max(d, e.level)
	}
	return d
}
