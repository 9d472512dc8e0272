package layout

import (
	"fmt"
	"unicode/utf8"

	"sodan/internal/diag"
	"sodan/internal/model"
)

// resources lays out the prevention and support resources: a band, the
// lead, and each group's title kept with its first desk.
func (h *handout) resources() []hoUnit {
	r := h.book.Resources
	if len(r.Groups) == 0 {
		return nil
	}
	sp, st := h.sp, &h.sp.Styles
	units := []hoUnit{h.band("", r.Title, r.Lead)}
	ss := sp.Situation
	for _, g := range r.Groups {
		// Marked like a situation: a bar at the left of the title.
		var s hoStack
		x := ss.BarWidth + ss.Indent
		s.add(Bookmark{Title: g.Title.S, Level: 1, Y: 0})
		s.block(h.fit(g.Title, h.colW-x, st.GroupTitle, sp.Lines.Situation), x)
		s.add(Rect{X: 0, Y: 0, W: ss.BarWidth, H: round2(s.y), Fill: &h.sp.Colors.Accent})
		s.y += ss.GapAfter
		units = append(units, hoUnit{h: s.y, items: s.items, gap: ss.GapBefore, keep: len(g.Contacts) > 0, loc: g.Title.Loc})
		for _, ref := range g.Contacts {
			u := h.card(ref.Contact, hoCardOpts{note: ref.Note, where: g.Title}, h.colW)
			u.cont = g.Title
			units = append(units, u)
		}
	}
	return units
}

// gokajo lays out the 情報セキュリティ5か条: a band, then each article with
// its number, title and explanation.
func (h *handout) gokajo() []hoUnit {
	g := h.book.SelfCheck.Gokajo
	if len(g.Items) == 0 {
		return nil
	}
	sp, st := h.sp, &h.sp.Styles
	units := []hoUnit{h.band("", g.Title, model.Text{})}
	numW := 0.0
	for i := range g.Items {
		numW = max(numW, h.m.Width(fmt.Sprint(i+1), true, st.GokajoNumber.Size))
	}
	numW += sp.Section.ItemIndent
	for i, it := range g.Items {
		var s hoStack
		nb := h.line(h.own("gokajo_number", fmt.Sprint(i+1)), numW, st.GokajoNumber)
		s.add(nb.Draw(0, 0)...)
		s.block(h.fit(it.Title, h.colW-numW, st.GokajoTitle, sp.Lines.Item), numW)
		if !it.Text.Empty() {
			s.block(h.fit(it.Text, h.colW-numW, st.Body, sp.Lines.Body), numW)
		}
		units = append(units, hoUnit{h: s.y, items: s.items, gap: sp.Section.ArticleGap, loc: it.Title.Loc})
	}
	return units
}

// facts is a ruled box on where the facts come from: the span of the dates
// on which the desks were verified, the facts note and the disclaimer.
func (h *handout) facts() []hoUnit {
	sp, st, cl := h.sp, &h.sp.Styles, &h.sp.Colors
	e := h.book.Edition
	var texts []model.Text
	if !e.VerifiedFrom.IsZero() {
		span := hoJaDate(e.VerifiedFrom)
		if !e.VerifiedTo.Equal(e.VerifiedFrom) {
			span += "〜" + hoJaDate(e.VerifiedTo)
		}
		texts = append(texts, h.own("facts", "掲載した窓口の情報は、"+span+"の各出典で確かめたものです。"))
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
	var s hoStack
	s.y = pad
	s.add(Bookmark{Title: h.own("facts", "掲載情報の確認日").S, Level: 0, Y: 0})
	for _, t := range texts {
		s.block(h.fit(t, h.colW-2*pad, st.Facts, sp.Lines.Facts), pad)
	}
	s.y += pad
	frame := Rect{X: 0, Y: 0, W: round2(h.colW), H: round2(s.y), Fill: &cl.CardTint, Stroke: &cl.Rule, LineWidth: sp.Card.RuleWidth, Radius: sp.Card.Radius}
	return []hoUnit{{h: s.y, items: append([]Item{frame}, s.items...), gap: sp.Section.GapBefore, loc: texts[0].Loc}}
}

// history is the revision history in small print: a heading kept with the
// entries, each a date and what changed.
func (h *handout) history() []hoUnit {
	revs := h.book.Edition.Revisions
	if len(revs) == 0 {
		return nil
	}
	sp, st := h.sp, &h.sp.Styles
	var s hoStack
	head := st.History
	head.Bold = true
	s.add(Bookmark{Title: h.own("history", "改版履歴").S, Level: 0, Y: 0})
	s.block(h.line(h.own("history", "改版履歴"), h.colW, head), 0)
	dateW := 0.0
	for _, r := range revs {
		dateW = max(dateW, h.m.Width(hoJaDate(r.Date), false, st.History.Size))
	}
	dateW += sp.Card.PhoneGap
	units := []hoUnit{{h: s.y, items: s.items, gap: sp.Section.GapBefore, keep: true, loc: revs[0].Text.Loc}}
	for _, r := range revs {
		var s hoStack
		s.add(h.line(h.own("history", hoJaDate(r.Date)), dateW, st.History).Draw(0, 0)...)
		s.block(h.fit(r.Text, h.colW-dateW, st.History, sp.Lines.History), dateW)
		units = append(units, hoUnit{h: s.y, items: s.items, loc: r.Text.Loc})
	}
	return units
}

// checkMeta checks the document information that is not drawn (and so not
// checked by the Setter): the keywords, which the PDF writer can only
// store for characters in the Basic Multilingual Plane.
func (h *handout) checkMeta() {
	e := h.book.Edition
	for i, k := range e.Keywords {
		for _, r := range k {
			if r > 0xFFFF || r == utf8.RuneError || !h.m.HasGlyph(r) {
				h.set.Errs.Add(diag.Diagnostic{Pos: diag.Pos{File: e.Title.Loc.File}, Field: fmt.Sprintf("keywords[%d]", i),
					Msg: fmt.Sprintf("「%s」（U+%04X）は PDF の文書情報に書けない文字です。ふつうの文字に置き換えてください", string(r), r)})
				break
			}
		}
	}
}
