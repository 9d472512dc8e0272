package nup_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/nup"
	"sodan/internal/layout/slides"
)

// TestSeminarHandout makes the bundled seminar's handout in every
// variant: the cover first, unchanged, then each deck of the programme
// on pages of its own, in order; every page after the cover has the
// seminar's title and date above the deck's title, above the first row of
// slides, and "n / N" counted through the whole handout.
func TestSeminarHandout(t *testing.T) {
	book := layouttest.Bundled(t)
	sp, ns, es, m := layouttest.Slides(t), layouttest.NUp(t), layouttest.Event(t), layouttest.Fonts(t)
	e := book.Event("shinagawa-feb")
	var plans []*slides.Plan
	for i := range e.Programme {
		if it := &e.Programme[i]; it.Deck != nil {
			plan, errs := slides.LaySeminar(book, it.Deck, sp, m, book.Edition.Date, slides.Seminar{Event: e, Item: it, Spec: es})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			plans = append(plans, plan)
		}
	}
	cover := &layout.Doc{Pages: []layout.Page{{W: 210, H: 297, Items: []layout.Item{layout.Text{X: 20, Y: 20, Str: "表紙", Size: 12}}}}}
	line := e.Title.S + "　2027年2月17日（水）"
	for _, v := range ns.Variants {
		doc, errs := nup.SeminarHandout(cover, plans, ns, v, nup.Seminar{Event: e, Spec: es}, m, book.Edition.Date)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		per := v.Cols * v.Rows
		var decks []string // the deck each page shows
		for _, pl := range plans {
			for range (len(pl.Doc.Pages) + per - 1) / per {
				decks = append(decks, pl.Deck.Title.S)
			}
		}
		if len(doc.Pages) != 1+len(decks) || !reflect.DeepEqual(doc.Pages[0], cover.Pages[0]) {
			t.Fatalf("%s: %d pages, want the cover and %d", v.ID, len(doc.Pages), len(decks))
		}
		lines := layouttest.TextLines(doc, m)
		for pi := 2; pi <= len(doc.Pages); pi++ {
			var head []layouttest.TextLine
			num := ""
			for _, l := range lines {
				switch {
				case l.Page != pi:
				case l.Y < v.Top:
					head = append(head, l)
				case l.Y > ns.H-ns.Bottom-ns.FooterH:
					num = l.Str
				}
			}
			if len(head) != 2 || head[0].Str != line || head[1].Str != decks[pi-2] || head[0].Size != es.Handout.Event.Size {
				t.Errorf("%s page %d: header %+v, want %q over %q", v.ID, pi, head, line, decks[pi-2])
			}
			if want := fmt.Sprintf("%d / %d", pi, len(doc.Pages)); num != want {
				t.Errorf("%s page %d: footer %q, want %q", v.ID, pi, num, want)
			}
		}
		if !strings.HasPrefix(doc.Meta.Title, e.Title.S) || doc.Meta.Author != e.Organiser.S {
			t.Errorf("%s: meta %+v", v.ID, doc.Meta)
		}
	}
}
