package quicklist

import (
	"fmt"

	"sodan/internal/layout"
	"sodan/internal/model"
)

// resources lays out the prevention and support resources: a band, the
// lead, and each group's title kept with its first desk.
func (h *planner) resources() []unit {
	r := h.book.Resources
	if len(r.Groups) == 0 {
		return nil
	}
	sp, st := h.sp, &h.sp.Styles
	units := []unit{h.band("", r.Title, r.Lead)}
	ss := sp.Situation
	for _, g := range r.Groups {
		// Marked like a situation: a bar at the left of the title.
		var s stack
		x := ss.BarWidth + ss.Indent
		s.add(layout.Bookmark{Title: g.Title.S, Level: 1, Y: 0})
		s.block(h.fit(g.Title, h.colW-x, st.GroupTitle, sp.Lines.Situation), x)
		s.add(layout.Rect{X: 0, Y: 0, W: ss.BarWidth, H: layout.Round(s.y), Fill: &h.sp.Colors.Accent})
		s.y += ss.GapAfter
		units = append(units, unit{h: s.y, items: s.items, gap: ss.GapBefore, keep: len(g.Contacts) > 0, loc: g.Title.Loc})
		for _, ref := range g.Contacts {
			u := h.card(ref.Contact, cardOpts{note: ref.Note, where: g.Title}, h.colW)
			u.cont = g.Title
			units = append(units, u)
		}
	}
	return units
}

// gokajo lays out the 情報セキュリティ5か条: a band, then each article with
// its number, title and explanation.
func (h *planner) gokajo() []unit {
	g := h.book.SelfCheck.Gokajo
	if len(g.Items) == 0 {
		return nil
	}
	sp, st := h.sp, &h.sp.Styles
	units := []unit{h.band("", g.Title, model.Text{})}
	numW := 0.0
	for i := range g.Items {
		numW = max(numW, h.set.Width(fmt.Sprint(i+1), true, st.GokajoNumber.Size))
	}
	numW += sp.Section.ItemIndent
	for i, it := range g.Items {
		var s stack
		nb := h.line(own(h.sp.Styles.GokajoNumber, fmt.Sprint(i+1)), numW, st.GokajoNumber)
		s.add(nb.Draw(0, 0)...)
		s.block(h.fit(it.Title, h.colW-numW, st.GokajoTitle, sp.Lines.Item), numW)
		if !it.Text.Empty() {
			s.block(h.fit(it.Text, h.colW-numW, st.Body, sp.Lines.Body), numW)
		}
		units = append(units, unit{h: s.y, items: s.items, gap: sp.Section.ArticleGap, loc: it.Title.Loc})
	}
	return units
}

// facts is a ruled box on where the facts come from: the span of the dates
// on which the desks were verified, the facts note and the disclaimer.
func (h *planner) facts() []unit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	e := h.book.Edition
	var texts []model.Text
	if !e.VerifiedFrom.IsZero() {
		span := layout.DateLabel(e.VerifiedFrom)
		if !e.VerifiedTo.Equal(e.VerifiedFrom) {
			span += "〜" + layout.DateLabel(e.VerifiedTo)
		}
		texts = append(texts, own(h.sp.Styles.Facts, "掲載した窓口の情報は、"+span+"の各出典で確かめたものです。"))
	}
	for _, t := range []model.Text{e.FactsNote, e.Disclaimer} {
		if !t.Empty() {
			texts = append(texts, t)
		}
	}
	if len(texts) == 0 {
		return nil
	}
	pad := sp.Section.BoxPadding
	var s stack
	s.y = pad
	s.add(layout.Bookmark{Title: own(h.sp.Styles.Facts, "掲載情報の確認日").S, Level: 0, Y: 0})
	for _, t := range texts {
		s.block(h.fit(t, h.colW-2*pad, st.Facts, sp.Lines.Facts), pad)
	}
	s.y += pad
	frame := layout.Rect{X: 0, Y: 0, W: layout.Round(h.colW), H: layout.Round(s.y), Fill: &cl.CardTint, Stroke: &cl.Rule, LineWidth: sp.Card.RuleWidth, Radius: sp.Card.Radius}
	return []unit{{h: s.y, items: append([]layout.Item{frame}, s.items...), gap: sp.Section.GapBefore, loc: texts[0].Loc}}
}

// history is the revision history in small print: a heading kept with the
// entries, each a date and what changed.
func (h *planner) history() []unit {
	revs := h.book.Edition.Revisions
	if len(revs) == 0 {
		return nil
	}
	sp, st := h.sp, &h.sp.Styles
	var s stack
	head := st.History
	head.Bold = true
	s.add(layout.Bookmark{Title: own(h.sp.Styles.History, "改版履歴").S, Level: 0, Y: 0})
	s.block(h.line(own(h.sp.Styles.History, "改版履歴"), h.colW, head), 0)
	dateW := 0.0
	for _, r := range revs {
		dateW = max(dateW, h.set.Width(layout.DateLabel(r.Date), false, st.History.Size))
	}
	dateW += sp.Card.PhoneGap
	units := []unit{{h: s.y, items: s.items, gap: sp.Section.GapBefore, keep: true, loc: revs[0].Text.Loc}}
	for _, r := range revs {
		var s stack
		s.add(h.line(own(h.sp.Styles.History, layout.DateLabel(r.Date)), dateW, st.History).Draw(0, 0)...)
		s.block(h.fit(r.Text, h.colW-dateW, st.History, sp.Lines.History), dateW)
		units = append(units, unit{h: s.y, items: s.items, loc: r.Text.Loc})
	}
	return units
}
