package slides

import (
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// columnSlides draws a コラム: its paragraphs at the left and its points
// on a panel at the right. When they do not fit one slide at the smallest
// sizes, the panel moves to a slide of its own, and the paragraphs go on
// over as many slides as they need, a paragraph at a time; a paragraph
// or a panel too long for a slide alone is reported.
func (p *planner) columnSlides(s *model.Slide) []slidePage {
	col := s.Column
	title := col.Title
	if !s.Title.Empty() {
		title = s.Title
	}
	page := func(i int, lay arrangement) slidePage {
		t := continued(title, i)
		items := p.titleBar(t, "コラム")
		return slidePage{items: append(items, p.fitSlide(lay)...), title: t.S, footer: true}
	}
	all := func(f *fit) []layout.Item { return p.column(f, s, col.Paragraphs, col.Points, false) }
	if p.fitsAtAll(all) {
		return []slidePage{page(0, all)}
	}
	var pages []slidePage
	for from := 0; from < len(col.Paragraphs); {
		to := from + 1
		for to < len(col.Paragraphs) && p.fitsAtAll(func(f *fit) []layout.Item { return p.column(f, s, col.Paragraphs[from:to+1], nil, from > 0) }) {
			to++
		}
		paras := col.Paragraphs[from:to]
		cont := from > 0
		pages = append(pages, page(len(pages), func(f *fit) []layout.Item { return p.column(f, s, paras, nil, cont) }))
		from = to
	}
	if len(col.Points) > 0 {
		pages = append(pages, page(len(pages), func(f *fit) []layout.Item { return p.column(f, s, nil, col.Points, true) }))
	}
	return pages
}

// column lays out paragraphs at the left and points on a panel at the
// right, or the panel alone across the slide; cont leaves out the
// column's own title, which heads only its first slide.
func (p *planner) column(f *fit, s *model.Slide, paras, points []model.Text, cont bool) []layout.Item {
	sp := p.sp
	c := sp.Colors
	b := p.body
	var out []layout.Item
	pw := sp.ColumnPointsW
	switch {
	case len(points) == 0:
		pw = 0
	case len(paras) == 0:
		pw = b.w
	}
	lw := b.w - pw
	if pw > 0 && lw > 0 {
		lw -= sp.ColumnGap
	}
	st := &stack{f: f, x: b.x, y: b.y, w: lw}
	heading := !s.Title.Empty() && !cont && len(paras) > 0
	if heading {
		st.heading(s.Column.Title, sp.Type.PaneTitle, 0)
	}
	for i, para := range paras {
		gap := 0.0
		if i > 0 || heading {
			gap = f.size(sp.Type.ColumnText).LineHeight(f.size(sp.Type.ColumnText).Size) * 0.45
		}
		st.text(para, sp.Type.ColumnText, gap)
	}
	if len(paras) > 0 && st.y > b.y+b.h {
		f.fail(paras[len(paras)-1], "コラムの本文がスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。段落を短くしてください", b.h, st.y-b.y)
	}
	out = append(out, st.items...)
	if pw == 0 {
		return out
	}
	px := b.x + b.w - pw
	pad := sp.ColumnPadding
	ps := &stack{f: f, x: px + pad, y: b.y + pad, w: pw - 2*pad}
	ps.text(own("ポイント"), sp.Type.PaneTitle, 0)
	var marks []layout.Item
	ts := sp.Type.ColumnText
	ts.Bold = true
	for _, pt := range points {
		tsz := f.size(ts)
		gap := tsz.LineHeight(tsz.Size) * 0.5
		ps.x, ps.w = px+pad+7, pw-2*pad-7
		top := ps.y + gap
		bl := ps.heading(pt, ts, gap)
		marks = append(marks, text.Block{Lines: []string{"✓"}, Size: bl.Size, LineH: bl.LineH, Style: layout.Style{Bold: true, Color: c.Accent}}.Draw(px+pad, top)...)
	}
	ph := ps.y + pad - b.y
	if ph > b.h {
		f.fail(points[len(points)-1], "コラムの「ポイント」がスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。要点を短くしてください", b.h, ph)
	}
	out = append(out, layout.Rect{X: layout.Round(px), Y: layout.Round(b.y), W: layout.Round(pw), H: layout.Round(ph), Fill: &c.Panel, Radius: 2})
	out = append(out, ps.items...)
	return append(out, marks...)
}
