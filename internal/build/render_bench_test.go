package build

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"sodan/internal/layout"
	"sodan/internal/render/pdf"
)

// BenchmarkBuild is a whole cold build of the bundled sources into a new
// output folder each time: every target, every file written.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	dir := b.TempDir()
	n := 0
	for b.Loop() {
		n++
		out := filepath.Join(dir, strconv.Itoa(n))
		if _, err := Run(Options{Sources: "../../sources", Layouts: "../../layouts", Out: out}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// benchDocs plans one document of each kind from the bundled sources, the
// way the handout and slides targets do: the quick list, and of the first
// deck the slides, each N-up handout and the notes.
func benchDocs(b *testing.B) (*pdf.Fonts, []struct {
	name string
	doc  *layout.Doc
}) {
	b.Helper()
	book, errs := Check(os.DirFS("../../sources"), "../../sources")
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	date, err := Date(book)
	if err != nil {
		b.Fatal(err)
	}
	lay := os.DirFS("../../layouts")
	fonts, err := pdf.LoadFonts()
	if err != nil {
		b.Fatal(err)
	}
	var docs []struct {
		name string
		doc  *layout.Doc
	}
	add := func(name string, doc *layout.Doc) {
		docs = append(docs, struct {
			name string
			doc  *layout.Doc
		}{name, doc})
	}
	hs, errs := layout.ReadHandoutSpec(lay, "layouts")
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	doc, errs := layout.Handout(book, hs, fonts, date)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	add("quicklist", doc)

	sp, errs := layout.ReadSlidesSpec(lay, "layouts")
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	nup, errs := layout.ReadNUpSpec(lay, "layouts", sp.W, sp.H)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	if len(book.Decks) == 0 {
		b.Fatal("no decks in the bundled sources")
	}
	deck := &book.Decks[0]
	plan, errs := layout.PlanDeck(book, deck, sp, fonts, date)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	add("deck", plan.Doc)
	out := sp.Outputs(deck.ID)
	for _, h := range out.Handouts {
		v, _ := nup.Variant(h.V)
		doc, errs := layout.NUp(plan, book, nup, v, fonts, date)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		add(v.ID, doc)
	}
	doc, errs = layout.Notes(plan, book, nup, fonts, date)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	add("notes", doc)
	return fonts, docs
}

// BenchmarkRenderPDF writes one PDF of each kind from the bundled sources
// (layout done beforehand, fonts loaded once as in a build).
func BenchmarkRenderPDF(b *testing.B) {
	fonts, docs := benchDocs(b)
	for _, d := range docs {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := pdf.Write(io.Discard, d.doc, fonts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
