package slides

import (
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// stepsSlides draws several guide steps as boxes joined by arrows, on as
// few slides as keep their text at its smallest sizes (the later ones
// titled as continued), or one step in detail with every recommendation
// and the material it points to.
func (p *planner) stepsSlides(s *model.Slide) []slidePage {
	if len(s.Steps) == 1 {
		return []slidePage{p.page(s.Title, p.fitSlide(func(f *fit) []layout.Item { return p.stepDetail(f, s.Steps[0]) }))}
	}
	st := p.sp.Type.StepText
	return p.chunked(s.Title, len(s.Steps), len(s.Steps), st, st.Smallest(), func(lo, hi int) []arrangement {
		return []arrangement{func(f *fit) []layout.Item { return p.stepRow(f, s.Steps[lo:hi]) }}
	})
}

// stepRef is how a guide item names its material: 「ref」 and its page or
// publisher.
func stepRef(it model.GuideItem) model.Text {
	if it.Ref.Empty() {
		return model.Text{}
	}
	t := model.Text{S: "「" + it.Ref.S + "」", Loc: it.Ref.Loc}
	switch {
	case !it.Page.Empty():
		t.S += " " + it.Page.S
	case !it.Publisher.Empty():
		t.S += " " + it.Publisher.S
	}
	return t
}

func (p *planner) stepRow(f *fit, steps []model.Step) []layout.Item {
	sp := p.sp
	c := sp.Colors
	b := p.body
	var out []layout.Item
	if q := p.book.Guide.Question; !q.Empty() {
		qb := f.wrap(q, b.w, sp.Type.Lead)
		out = append(out, qb.Draw(b.x, b.y)...)
		d := qb.Height() + qb.LineH*0.4
		b.y += d
		b.h -= d
	}
	n := len(steps)
	aw := sp.StepArrow
	w := (b.w - float64(n-1)*aw) / float64(n)
	pad := sp.StepPadding
	for i, step := range steps {
		x := b.x + float64(i)*(w+aw)
		out = append(out, layout.Rect{X: layout.Round(x), Y: layout.Round(b.y), W: layout.Round(w), H: layout.Round(b.h), Stroke: &c.Accent, LineWidth: 0.5})
		out = append(out, layout.Rect{X: layout.Round(x), Y: layout.Round(b.y), W: layout.Round(w), H: layout.Round(sp.StepLabelH), Fill: &c.Accent})
		lb := f.line(step.Label, w-2*pad, sp.Type.StepLabel, 1)
		out = append(out, lb.DrawCentred(f.m, x, b.y+(sp.StepLabelH-lb.Height())/2, w)...)
		st := &stack{f: f, x: x + pad, y: b.y + sp.StepLabelH + pad, w: w - 2*pad}
		st.heading(step.Title, sp.Type.StepTitle, 0)
		ref := sp.Type.StepText
		gap := f.size(ref).LineHeight(f.size(ref).Size) * 0.5
		for _, it := range step.Items {
			t := it.Ref
			if t.Empty() {
				t = it.Text
			}
			top := st.y + gap
			bl := st.heading(t, ref, gap)
			st.items = append(st.items, layout.Rect{X: layout.Round(x + pad - 0.2), Y: layout.Round(top + 0.6), W: 0.8, H: layout.Round(bl.Height() - 1.2), Fill: &c.Rule})
		}
		out = append(out, shiftX(st.items, 1.6)...)
		if st.y > b.y+b.h-pad+1e-6 {
			f.fail(step.Title, "%s の箱に文が収まりません（高さ %.0fmm に %.0fmm 必要）。項目を減らすか、文を短くしてください", step.Label.S, b.h, st.y-b.y+pad)
		}
		if i < n-1 {
			ax := x + w + aw*0.2
			cy := b.y + b.h/2
			hh := aw * 0.9
			out = append(out, layout.Polygon{Points: []layout.Point{
				{X: layout.Round(ax), Y: layout.Round(cy - hh)}, {X: layout.Round(ax + aw*0.6), Y: layout.Round(cy)}, {X: layout.Round(ax), Y: layout.Round(cy + hh)},
			}, Fill: &c.Accent})
		}
	}
	return out
}

// shiftX moves text items right by dx (leaving room for a side rule).
func shiftX(items []layout.Item, dx float64) []layout.Item {
	for i, it := range items {
		if t, ok := it.(layout.Text); ok {
			t.X = layout.Round(t.X + dx)
			items[i] = t
		}
	}
	return items
}

func (p *planner) stepDetail(f *fit, step model.Step) []layout.Item {
	sp := p.sp
	c := sp.Colors
	b := p.body
	var out []layout.Item
	lw := 74.0
	pad := sp.StepPadding
	// The label and title on the left, with the guide's steps below
	// showing where this one stands.
	out = append(out, layout.Rect{X: layout.Round(b.x), Y: layout.Round(b.y), W: lw, H: layout.Round(sp.StepLabelH * 1.5), Fill: &c.Accent})
	big := sp.Type.StepLabel
	big.Size *= 1.4
	big.MinSize *= 1.4
	lb := f.line(step.Label, lw-2*pad, big, 1)
	out = append(out, lb.DrawCentred(f.m, b.x, b.y+(sp.StepLabelH*1.5-lb.Height())/2, lw)...)
	ls := &stack{f: f, x: b.x, y: b.y + sp.StepLabelH*1.5 + pad, w: lw}
	ls.heading(step.Title, sp.Type.StepTitle, 0)
	out = append(out, ls.items...)
	all := p.book.Guide.Steps
	ph := 9.0
	py := b.y + b.h - float64(len(all))*(ph+2)
	if py < ls.y+pad {
		f.fail(step.Title, "%s の見出しが左の枠に収まりません。見出しを短くしてください", step.Label.S)
	}
	for i, other := range all {
		y := py + float64(i)*(ph+2)
		st := f.size(sp.Type.StepText)
		if other.ID == step.ID {
			out = append(out, layout.Rect{X: layout.Round(b.x), Y: layout.Round(y), W: lw, H: ph, Fill: &c.Accent})
			st.Color = c.OnAccent
			st.Bold = true
		} else {
			out = append(out, layout.Rect{X: layout.Round(b.x), Y: layout.Round(y), W: lw, H: ph, Stroke: &c.Rule, LineWidth: 0.3})
			st.Color = c.Muted
		}
		t := model.Text{S: other.Label.S + " " + other.Title.S, Loc: other.Title.Loc}
		st.MinSize = st.Size
		tb, ok := f.set.Try(f.at(t), lw-4, st, text.Rules{MaxLines: 1})
		if !ok {
			tb.Lines = []string{other.Label.S} // the title does not fit beside its label
		}
		tb.LineH = ph
		out = append(out, tb.Draw(b.x+2, y)...)
	}
	// The recommendations on the right.
	x := b.x + lw + 10
	w := b.x + b.w - x
	st := &stack{f: f, x: x, y: b.y, w: w}
	text := sp.Type.StepText
	text.Size, text.MinSize = sp.Type.Bullets[1].Size, sp.Type.Bullets[1].MinSize
	for i, it := range step.Items {
		gap := 0.0
		if i > 0 {
			sz := f.size(text)
			gap = sz.LineHeight(sz.Size) * 0.9
			out = append(out, layout.Line{X1: layout.Round(x), Y1: layout.Round(st.y + gap/2), X2: layout.Round(x + w), Y2: layout.Round(st.y + gap/2), Color: c.Rule, Width: 0.25})
		}
		st.heading(it.Text, text, gap)
		if r := stepRef(it); !r.Empty() {
			st.plain(r, sp.Type.StepRef, 1)
		}
		if !it.Publisher.Empty() && !it.Page.Empty() {
			st.plain(it.Publisher, sp.Type.Note, 0)
		}
		if !it.URL.Empty() {
			link := sp.Type.StepText
			link.Color = c.Accent
			st.url(model.Text{S: layout.ShortURL(it.URL.S), Loc: it.URL.Loc}, link, 0.5, layout.LinkURL(it.URL.S))
		}
	}
	if st.y > b.y+b.h+1e-6 {
		f.fail(step.Items[len(step.Items)-1].Text, "%s の項目がスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。項目を減らすか、文を短くしてください", step.Label.S, b.h, st.y-b.y)
	}
	return append(out, st.items...)
}
