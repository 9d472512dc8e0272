package nup

import (
	"fmt"
	"strings"
	"time"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/slides"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Seminar is the seminar a handout is made for.
type Seminar struct {
	Event *model.Event
	Spec  *spec.Event
}

// SeminarHandout makes the attendees' handout of a seminar in the
// variant: one document with the cover's pages first (the programme
// sheet) and then the slides of every deck of plans, in the programme's
// order, each deck on pages of its own. Every page after the cover has the
// seminar's title and date above the deck's title and "n / N" counted
// through the whole handout.
func SeminarHandout(cover *layout.Doc, plans []*slides.Plan, sp *spec.NUp, v spec.Variant, sem Seminar, m layout.Measurer, date time.Time) (*layout.Doc, diag.List) {
	set := text.New(m, sp.Composition)
	pr := layout.SeminarOf(sem.Event)
	ok := true
	for _, t := range pr.Sources {
		ok = set.Check(t, sem.Spec.Handout.Event) && ok
	}
	if !ok {
		return nil, set.Errs
	}
	per := v.Cols * v.Rows
	total := len(cover.Pages)
	var keywords []string
	for _, pl := range plans {
		total += (len(pl.Doc.Pages) + per - 1) / per
		if keywords == nil && pl.Doc.Meta.Keywords != "" {
			keywords = append(keywords, pl.Doc.Meta.Keywords)
		}
	}
	doc := &layout.Doc{Meta: layout.Meta{
		Title:    sem.Event.Title.S + "（配布資料）",
		Author:   sem.Event.Organiser.S,
		Subject:  pr.When.S + "　" + pr.Venue.S,
		Keywords: strings.Join(keywords, ", "),
		Creator:  "sodan",
		Lang:     "ja-JP",
		Date:     date,
	}}
	doc.Pages = append(doc.Pages, cover.Pages...)
	line := model.Text{S: pr.Title.S + "　" + pr.Day.S, Loc: pr.Title.Loc}
	for _, pl := range plans {
		pages := pl.Doc.Pages
		for lo := 0; lo < len(pages); lo += per {
			n := len(doc.Pages) + 1
			items := seminarChrome(set, line, pl.Deck.Title, sp, sem.Spec, n, total)
			items = append(items, sheet(pages[lo:min(len(pages), lo+per)], sp, v, m)...)
			doc.Pages = append(doc.Pages, layout.Page{W: sp.W, H: sp.H, Items: items})
		}
	}
	if len(set.Errs) > 0 {
		return nil, set.Errs
	}
	return doc, nil
}

// seminarChrome is the header (the seminar's line above the deck's
// title) and the footer ("n / N") of a page of a seminar's handout.
func seminarChrome(set *text.Setter, line, title model.Text, sp *spec.NUp, es *spec.Event, n, total int) []layout.Item {
	m := set.Measurer()
	x, w := sp.Left, sp.BodyW()
	one := text.Rules{MaxLines: 1}
	eb, _ := set.Fit(line, w, es.Handout.Event, one)
	items := eb.Draw(x, sp.Top)
	y := sp.Top + eb.Height() + es.Handout.Gap
	tb, _ := set.Fit(title, w, sp.Header, one)
	items = append(items, tb.Draw(x, y)...)
	hy := y + tb.Height() + sp.HeaderGap
	items = append(items, layout.Line{X1: round3(x), Y1: round3(hy), X2: round3(x + w), Y2: round3(hy), Color: sp.Rule, Width: sp.HeaderRule})
	num, _ := set.Fit(model.Text{S: fmt.Sprintf("%d / %d", n, total)}, w*0.3, sp.Footer, one)
	return append(items, num.DrawCentred(m, x, sp.H-sp.Bottom-num.Height(), w)...)
}
