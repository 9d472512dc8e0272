package nup_test

import (
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

// specs reads the bundled slide and N-up layouts.
func specs(t testing.TB) (*spec.Slides, *spec.NUp) {
	t.Helper()
	sp, errs := spec.ReadSlides(layouttest.Layouts(t), "layouts")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	n, errs := spec.ReadNUp(layouttest.Layouts(t), "layouts", sp.W, sp.H)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return sp, n
}

func lay(t testing.TB, book *model.Book, deck *model.Deck, sp *spec.Slides) *slides.Plan {
	t.Helper()
	plan, errs := slides.Lay(book, deck, sp, layouttest.Fonts(t), book.Edition.Date)
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
	sp, ns := specs(t)
	m := layouttest.Fonts(t)
	for i := range book.Decks {
		plan := lay(t, book, &book.Decks[i], sp)
		n := len(plan.Doc.Pages)
		for _, v := range ns.Variants {
			doc, errs := nup.Handout(plan, book, ns, v, m, book.Edition.Date)
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
		notes, errs := nup.Notes(plan, book, ns, m, book.Edition.Date)
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
	sp, ns := specs(t)
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
	doc, errs := nup.Handout(lay(t, book, deck, sp), book, ns, v, layouttest.Fonts(t), book.Edition.Date)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var b strings.Builder
	if err := layout.WritePlan(&b, doc); err != nil {
		t.Fatal(err)
	}
	layouttest.Golden(t, "testdata/malware-3up.golden", b.String())
}

// TestScaled checks the scale transform of the N-up pages, with the fake
// Measurer's QR codes (33 modules for a 23-byte address).
func TestScaled(t *testing.T) {
	grey := layout.Color{R: 200, G: 200, B: 200}
	black := layout.Color{}
	in := []layout.Item{
		layout.Text{X: 10, Y: 20, Str: "あ", Size: 20},
		layout.Rect{X: 10, Y: 10, W: 100, H: 50, Stroke: &black, LineWidth: 0.4, Radius: 4},
		layout.Line{X1: 0, Y1: 0, X2: 10, Y2: 0, Width: 1},
		layout.Polygon{Points: []layout.Point{{X: 0, Y: 0}, {X: 10, Y: 0}, {X: 0, Y: 10}}, Fill: &black},
		layout.QR{X: 100, Y: 100, Size: 30, Data: "https://www.example.jp/"},
		layout.QR{X: 100, Y: 100, Size: 300, Data: "https://www.example.jp/"},
		layout.Link{X: 10, Y: 10, W: 20, H: 5, URL: "https://www.example.jp/"},
		layout.Bookmark{Title: "見出し", Y: 40},
	}
	out := nup.Scaled(in, 0.5, 5, 7, grey, layouttest.Fake{})
	want := []layout.Item{
		layout.Text{X: 10, Y: 17, Str: "あ", Size: 10},
		layout.Rect{X: 10, Y: 12, W: 50, H: 25, Stroke: &black, Radius: 2, LineWidth: 0.2},
		layout.Line{X1: 5, Y1: 7, X2: 10, Y2: 7, Width: 0.5},
		layout.Polygon{Points: []layout.Point{{X: 5, Y: 7}, {X: 10, Y: 7}, {X: 5, Y: 12}}, Fill: &black},
		layout.Rect{X: 55, Y: 57, W: 15, H: 15, Fill: &grey}, // 15 mm / 33 modules: under 0.5 mm
		layout.QR{X: 55, Y: 57, Size: 150, Data: "https://www.example.jp/"},
		layout.Link{X: 10, Y: 12, W: 10, H: 2.5, URL: "https://www.example.jp/"},
		layout.Bookmark{Title: "見出し", Y: 27},
	}
	if len(out) != len(want) {
		t.Fatalf("%d items, want %d", len(out), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(out[i], want[i]) {
			t.Errorf("Scaled item %d:\n got %+v\nwant %+v", i, out[i], want[i])
		}
	}
}

// BenchmarkHandouts lays out the N-up pages and notes of every bundled
// deck (the slides are laid out once, before).
func BenchmarkHandouts(b *testing.B) {
	book := layouttest.Bundled(b)
	sp, ns := specs(b)
	m := layouttest.Fonts(b)
	var plans []*slides.Plan
	for i := range book.Decks {
		plans = append(plans, lay(b, book, &book.Decks[i], sp))
	}
	for b.Loop() {
		for _, plan := range plans {
			for _, v := range ns.Variants {
				nup.Handout(plan, book, ns, v, m, book.Edition.Date)
			}
			nup.Notes(plan, book, ns, m, book.Edition.Date)
		}
	}
}
