package slides

import (
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Content that does not fit one slide even at the smallest sizes (which
// the layout file keeps at or above the projection floors) goes on to
// further slides, titled 「（続き）」: a bullet list is cut between
// bullets, two panes go one to a slide. Only what cannot be cut, one
// bullet alone, is reported.

// fitsAtAll reports whether lay fits the slide at the smallest sizes.
func (p *planner) fitsAtAll(lay arrangement) bool {
	f := p.newFit(p.maxShrink(), false)
	lay(f)
	return f.ok
}

// splitList cuts l into the fewest lists that each fit a slide laid out
// by lay (the index is the list's place among them): at top-level
// bullets where it can, else between deeper ones, where the next slide
// repeats the bullets above as continued (list.tail). When even the
// first bullet does not fit, the rest stays in one list, which the final
// layout reports.
func (p *planner) splitList(l *list, lay func(l *list, i int) arrangement) []*list {
	var parts []*list
	rest := l
	for !p.fitsAtAll(lay(rest, len(parts))) {
		cut := p.cut(rest, func(head *list) bool { return p.fitsAtAll(lay(head, len(parts))) })
		if cut < 0 {
			break
		}
		parts = append(parts, &list{p: p, entries: rest.entries[:cut]})
		rest = rest.tail(cut)
	}
	parts = append(parts, rest)
	if len(parts) == 2 {
		parts = p.balance(l, parts, lay)
	}
	return parts
}

// cut is where the longest head of l that fits ends: before the last
// top-level bullet that leaves a head that fits, else before a deeper
// bullet; -1 when no head fits.
func (p *planner) cut(l *list, fits func(head *list) bool) int {
	for _, top := range []bool{true, false} {
		for i := len(l.entries) - 1; i >= 1; i-- {
			if !l.breakable(i) || top && l.entries[i].level > 0 {
				continue
			}
			if fits(&list{p: p, entries: l.entries[:i]}) {
				return i
			}
		}
	}
	return -1
}

// balance moves the cut of a list split in two towards the middle, so
// the second slide is not left with a single bullet: among the cuts at
// the same depth that keep both halves fitting, the one that shares the
// entries most evenly.
func (p *planner) balance(l *list, parts []*list, lay func(l *list, i int) arrangement) []*list {
	first := len(parts[0].entries)
	level := l.entries[first].level
	best, bestD := first, len(l.entries)
	for i := 1; i < first; i++ {
		if !l.breakable(i) || l.entries[i].level != level {
			continue
		}
		tail := l.tail(i)
		d := len(tail.entries) - i
		if d < 0 {
			d = -d
		}
		if d < bestD && p.fitsAtAll(lay(tail, 1)) {
			best, bestD = i, d
		}
	}
	if best == first {
		return parts
	}
	return []*list{{p: p, entries: l.entries[:best]}, l.tail(best)}
}

// bulletsSlides lays out a bullet list: the phase's lead above it on the
// first slide, the source of the measures below it on every slide, the
// bullets in one col or two, on as many slides as they need.
func (p *planner) bulletsSlides(s *model.Slide) []slidePage {
	sp := p.sp
	b := p.body
	lay := func(l *list, i int) arrangement {
		return func(f *fit) []layout.Item {
			var out []layout.Item
			r := b
			if i == 0 && s.Phase != nil && !s.Phase.Lead.Empty() {
				lb := f.wrap(s.Phase.Lead, r.w, sp.Type.Lead)
				out = append(out, lb.Draw(r.x, r.y)...)
				d := lb.Height() + lb.LineH*0.5
				r.y += d
				r.h -= d
			}
			if s.Phase != nil && !p.book.Measures.Basis.Empty() {
				nb := f.plain(model.Text{S: "出典：" + p.book.Measures.Basis.S, Loc: p.book.Measures.Basis.Loc}, r.w, sp.Type.Note)
				out = append(out, nb.DrawRight(f.m, r.x, r.y+r.h-nb.Height(), r.w)...)
				r.h -= nb.Height() + 2
			}
			return append(out, l.place(f, r)...)
		}
	}
	parts := p.splitList(&list{p: p, entries: entries(s.Items, 0)}, lay)
	var pages []slidePage
	for i, l := range parts {
		pages = append(pages, p.page(continued(s.Title, i), p.fitSlide(lay(l, i))))
	}
	return pages
}

// panesSlides lays out two or more panes side by side, each a titled
// bullet list; when they do not fit side by side, each pane goes on a
// slide of its own at the full width, cut over further slides if it
// needs them.
func (p *planner) panesSlides(s *model.Slide) []slidePage {
	n := len(s.Panes)
	lists := make([]*list, n)
	for i, pane := range s.Panes {
		lists[i] = &list{p: p, entries: entries(pane.Items, 0)}
	}
	side := func(f *fit) []layout.Item {
		var out []layout.Item
		w := (p.body.w - float64(n-1)*p.sp.PaneGap) / float64(n)
		for i, pane := range s.Panes {
			out = append(out, p.pane(f, pane.Title, lists[i], p.body.x+float64(i)*(w+p.sp.PaneGap), w)...)
		}
		return out
	}
	if n < 2 || p.fitsAtAll(side) {
		return []slidePage{p.page(s.Title, p.fitSlide(side))}
	}
	var pages []slidePage
	for i, pane := range s.Panes {
		lay := func(l *list, k int) arrangement {
			title := pane.Title
			if k > 0 {
				title.S += layout.Continued
			}
			return func(f *fit) []layout.Item { return p.pane(f, title, l, p.body.x, p.body.w) }
		}
		for _, l := range p.splitList(lists[i], lay) {
			pages = append(pages, p.page(continued(s.Title, len(pages)), p.fitSlide(lay(l, len(pages)))))
		}
	}
	return pages
}

// pane draws one pane at x, w wide: its title on a tinted band, its
// bullets below.
func (p *planner) pane(f *fit, title model.Text, l *list, x, w float64) []layout.Item {
	sp := p.sp
	c := sp.Colors
	b := p.body
	pad := sp.PanePadding
	hb := f.balanced(title, w-2*pad, sp.Type.PaneTitle)
	hh := hb.Height() + 2*pad*0.6
	out := []layout.Item{
		layout.Rect{X: layout.Round(x), Y: layout.Round(b.y), W: layout.Round(w), H: layout.Round(hh), Fill: &c.Panel},
		layout.Line{X1: layout.Round(x), Y1: layout.Round(b.y + hh), X2: layout.Round(x + w), Y2: layout.Round(b.y + hh), Color: c.Accent, Width: 0.6},
	}
	out = append(out, hb.Draw(x+pad, b.y+pad*0.6)...)
	top := b.y + hh + pad
	items, h := l.draw(f, 0, len(l.entries), x+pad*0.4, top, w-pad*0.4)
	if top+h > b.y+b.h+1e-6 {
		f.fail(title, "列「%s」の箇条書きがスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。項目を減らすか、文を短くしてください",
			text.Excerpt(title.S), b.h-hh-pad, h)
	}
	return append(out, items...)
}
