package nup

import (
	"fmt"
	"time"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/slides"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Notes makes the presenter's notes: one A4 page per slide page, the slide
// scaled above and the slide's speaker notes below. Notes that do not fit
// below the slide even at the smallest size are reported at their source
// position with the deck and slide number.
func Notes(plan *slides.Plan, book *model.Book, sp *spec.NUp, m layout.Measurer, date time.Time) (*layout.Doc, diag.List) {
	doc := &layout.Doc{Meta: plan.Doc.Meta}
	doc.Meta.Title = plan.Doc.Meta.Title + "（講師用ノート）"
	doc.Meta.Date = date
	set := text.NewSetter(m)
	n := sp.Notes
	x, w := sp.Left, sp.BodyW()
	total := len(plan.Doc.Pages)
	for i, slide := range plan.Doc.Pages {
		items := chrome(set, plan.Deck, book, sp, i+1, total)
		scale := n.SlideW / slide.W
		sx := x + (w-n.SlideW)/2
		sy := sp.Top + sp.HeaderH
		items = append(items, scaled(slide.Items, scale, sx, sy, sp.Placeholder, m)...)
		sh := slide.H * scale
		items = append(items, layout.Rect{X: round3(sx), Y: round3(sy), W: round3(n.SlideW), H: round3(sh), Stroke: &sp.Frame, LineWidth: sp.FrameW})
		y := sy + sh + n.Gap
		s := &plan.Deck.Slides[plan.Slides[i]]
		hb, _ := set.Fit(model.Text{S: fmt.Sprintf("ノート（%d 枚目）", plan.Slides[i]+1)}, w, n.Heading, text.Rules{MaxLines: 1})
		items = append(items, hb.Draw(x, y)...)
		y += hb.Height() + n.HeadingGap
		items = append(items, layout.Line{X1: round3(x), Y1: round3(y), X2: round3(x + w), Y2: round3(y), Color: sp.Rule, Width: n.RuleWidth})
		y += n.RuleGap
		avail := sp.H - sp.Bottom - sp.FooterH - y
		before := len(set.Errs)
		notes := s.Notes
		st := n.Text
		if notes.Empty() {
			notes = model.Text{S: "（このスライドのノートはありません）"}
			st.Color = sp.Muted
		}
		b, _ := set.Fit(notes, w, st, text.Rules{MaxHeight: avail})
		for j := before; j < len(set.Errs); j++ {
			d := &set.Errs[j]
			d.Msg = fmt.Sprintf("講師用ノート %s の %d 枚目: %s", slides.DeckName(plan.Deck), plan.Slides[i]+1, d.Msg)
		}
		items = append(items, b.Draw(x, y)...)
		doc.Pages = append(doc.Pages, layout.Page{W: sp.W, H: sp.H, Items: items})
	}
	if len(set.Errs) > 0 {
		return nil, set.Errs
	}
	return doc, nil
}
