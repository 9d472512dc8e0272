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
	"sodan/internal/layout/spec"
	"sodan/internal/model"
)

func lay(t testing.TB, book *model.Book, deck *model.Deck, sp *spec.Slides) *slides.Plan {
	t.Helper()
	plan, errs := slides.Lay(book, deck, sp, layouttest.Fonts(t))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return plan
}

// TestHandoutsAndNotes checks the N-up and notes documents of every deck:
// A4 portrait pages, the right number of them, a frame per slide, note
// lines only where the variant asks for them, and the speaker notes of
// each slide under it.
func TestHandoutsAndNotes(t *testing.T) {
	book := layouttest.Bundled(t)
	sp, ns := layouttest.Slides(t), layouttest.NUp(t)
	m := layouttest.Fonts(t)
	for i := range book.Decks {
		plan := lay(t, book, &book.Decks[i], sp)
		n := len(plan.Doc.Pages)
		for _, v := range ns.Variants {
			doc, errs := nup.Handout(plan, book, ns, v, m)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			per := v.Cols * v.Rows
			if want := (n + per - 1) / per; len(doc.Pages) != want {
				t.Errorf("%s %s: %d pages, want %d", plan.Deck.ID, v.ID, len(doc.Pages), want)
			}
			frames, rules := 0, 0
			for _, p := range doc.Pages {
				if p.W != 210 || p.H != 297 {
					t.Errorf("%s %s: page %g×%g, want A4 portrait", plan.Deck.ID, v.ID, p.W, p.H)
				}
				for _, it := range p.Items {
					switch x := it.(type) {
					case layout.Rect:
						if x.Stroke != nil && *x.Stroke == ns.Frame && x.W == v.SlideW {
							frames++
						}
					case layout.Line:
						if x.Color == ns.Rule && x.Width == v.LineWidth && x.X1 > v.Left+v.SlideW {
							rules++
						}
					}
				}
			}
			if frames != n {
				t.Errorf("%s %s: %d slide frames for %d slides", plan.Deck.ID, v.ID, frames, n)
			}
			if v.NoteLines != (rules > 0) {
				t.Errorf("%s %s: note_lines %v but %d note rules", plan.Deck.ID, v.ID, v.NoteLines, rules)
			}
		}
		notes, errs := nup.Notes(plan, book, ns, m)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if len(notes.Pages) != n {
			t.Errorf("%s notes: %d pages, want %d", plan.Deck.ID, len(notes.Pages), n)
		}
		for pi, p := range notes.Pages {
			s := plan.Deck.Slides[plan.Slides[pi]]
			var all strings.Builder
			for _, it := range p.Items {
				if x, ok := it.(layout.Text); ok && x.Y > ns.Top+ns.HeaderH+ns.Notes.SlideW*sp.H/sp.W {
					all.WriteString(x.Str)
				}
			}
			want := strings.Join(strings.Fields(s.Notes.S), "")
			if want == "" {
				want = "このスライドのノートはありません"
			}
			if got := strings.Join(strings.Fields(all.String()), ""); !strings.Contains(got, want) {
				t.Errorf("%s notes page %d: %q does not show the notes %q", plan.Deck.ID, pi+1, got, want)
			}
		}
	}
}

// TestGolden compares the 3-up handout of the malware deck with
// testdata/malware-3up.golden; run with -update to rewrite it.
func TestGolden(t *testing.T) {
	book := layouttest.Bundled(t)
	sp, ns := layouttest.Slides(t), layouttest.NUp(t)
	var deck *model.Deck
	for i := range book.Decks {
		if book.Decks[i].ID == "malware-measures" {
			deck = &book.Decks[i]
		}
	}
	v, ok := ns.Variant("3up")
	if deck == nil || !ok {
		t.Fatal("no malware-measures deck or no 3up variant")
	}
	doc, errs := nup.Handout(lay(t, book, deck, sp), book, ns, v, layouttest.Fonts(t))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	layouttest.GoldenPlan(t, "testdata/malware-3up.golden", doc)
}

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
			plan, errs := slides.LaySeminar(book, it.Deck, sp, m, slides.Seminar{Event: e, Item: it, Spec: es})
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			plans = append(plans, plan)
		}
	}
	cover := &layout.Doc{Pages: []layout.Page{{W: 210, H: 297, Items: []layout.Item{layout.Text{X: 20, Y: 20, Str: "表紙", Size: 12}}}}}
	line := e.Title.S + "　2027年2月17日（水）"
	for _, v := range ns.Variants {
		doc, errs := nup.SeminarHandout(cover, plans, ns, v, nup.Seminar{Event: e, Spec: es}, m)
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

// BenchmarkHandouts lays out the N-up pages and notes of every bundled
// deck (the slides are laid out once, before).
func BenchmarkHandouts(b *testing.B) {
	book := layouttest.Bundled(b)
	sp, ns := layouttest.Slides(b), layouttest.NUp(b)
	m := layouttest.Fonts(b)
	var plans []*slides.Plan
	for i := range book.Decks {
		plans = append(plans, lay(b, book, &book.Decks[i], sp))
	}
	for b.Loop() {
		for _, plan := range plans {
			for _, v := range ns.Variants {
				nup.Handout(plan, book, ns, v, m)
			}
			nup.Notes(plan, book, ns, m)
		}
	}
}
