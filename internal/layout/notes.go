package layout

import (
	"fmt"
	"time"

	"sodan/internal/diag"
	"sodan/internal/model"
)

// Notes makes the presenter's notes: one A4 page per slide page, the slide
// scaled above and the slide's speaker notes below, broken with the
// Setter. Notes that do not fit below the slide even at the smallest size
// are reported at their source position with the deck and slide number.
func Notes(plan *DeckPlan, book *model.Book, sp *NUpSpec, m Measurer, date time.Time) (*Doc, diag.List) {
	doc := &Doc{Meta: plan.Doc.Meta}
	doc.Meta.Title = plan.Doc.Meta.Title + "（講師用ノート）"
	doc.Meta.Date = date
	set := Setter{M: m}
	x, w := sp.Margin.Left, sp.W-sp.Margin.Left-sp.Margin.Right
	total := len(plan.Doc.Pages)
	for i, slide := range plan.Doc.Pages {
		items := nupChrome(&set, plan.Deck, book, sp, i+1, total)
		scale := sp.NotesSlideW / slide.W
		sx := x + (w-sp.NotesSlideW)/2
		sy := sp.Margin.Top + sp.HeaderH
		items = append(items, Scaled(slide.Items, scale, sx, sy, sp.Placeholder)...)
		sh := slide.H * scale
		items = append(items, Rect{X: round3(sx), Y: round3(sy), W: round3(sp.NotesSlideW), H: round3(sh), Stroke: &sp.Frame, LineWidth: sp.FrameW})
		y := sy + sh + sp.NotesGap
		s := &plan.Deck.Slides[plan.Slides[i]]
		hb, _ := set.Line(Plain(fmt.Sprintf("ノート（%d 枚目）", plan.Slides[i]+1)), w, sp.NotesHeading)
		items = append(items, hb.Draw(x, y)...)
		y += hb.Height() + 1
		items = append(items, Line{X1: round3(x), Y1: round3(y), X2: round3(x + w), Y2: round3(y), Color: sp.Rule, Width: 0.3})
		y += 2
		avail := sp.H - sp.Margin.Bottom - sp.FooterH - y
		n := len(set.Errs)
		notes := s.Notes
		st := sp.NotesText
		if notes.Empty() {
			notes = Plain("（このスライドのノートはありません）")
			st.Color = sp.Muted
		}
		b, _ := set.Fit(notes, w, st, Limit{MaxHeight: avail})
		for j := n; j < len(set.Errs); j++ {
			d := &set.Errs[j]
			if d.Pos.File == "" {
				d.Pos = s.Loc.Pos
			}
			d.Msg = fmt.Sprintf("講師用ノート %s の %d 枚目: %s", deckName(plan.Deck), plan.Slides[i]+1, d.Msg)
		}
		items = append(items, b.Draw(x, y)...)
		doc.Pages = append(doc.Pages, Page{W: sp.W, H: sp.H, Items: items})
	}
	if len(set.Errs) > 0 {
		return nil, set.Errs
	}
	return doc, nil
}
