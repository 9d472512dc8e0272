package build

import (
	"io"
	"testing"
	"time"

	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/nup"
	"sodan/internal/layout/quicklist"
	"sodan/internal/layout/slides"
	"sodan/internal/render/pdf"
)

// pdfDoc is a laid-out document, what it is called in benchmarks and the
// build date its file carries.
type pdfDoc struct {
	name string
	doc  *layout.Doc
	date time.Time
}

// benchDocs lays out one document of each kind from the bundled sources,
// as the quick list and the deck jobs do: the quick list, and of the first
// deck the slides, each N-up handout and the notes.
func benchDocs(b *testing.B) (*pdf.Fonts, []pdfDoc) {
	b.Helper()
	book := bundledBook(b)
	fonts, err := pdf.LoadFonts()
	if err != nil {
		b.Fatal(err)
	}
	doc, errs := quicklist.Plan(book, layouttest.QuickList(b), fonts)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	docs := []pdfDoc{{"quicklist", doc, book.Edition.Date}}

	sp, nupSp := layouttest.Slides(b), layouttest.NUp(b)
	if len(book.Decks) == 0 {
		b.Fatal("no decks in the bundled sources")
	}
	deck := &book.Decks[0]
	plan, errs := slides.Lay(book, deck, sp, fonts)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	docs = append(docs, pdfDoc{"deck", plan.Doc, book.Edition.Date})
	out := sp.Outputs(deck.ID)
	for _, h := range out.Handouts {
		v, _ := nupSp.Variant(h.V)
		doc, errs := nup.Handout(plan, book, nupSp, v, fonts)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		docs = append(docs, pdfDoc{v.ID, doc, book.Edition.Date})
	}
	doc, errs = nup.Notes(plan, book, nupSp, fonts)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	return fonts, append(docs, pdfDoc{"notes", doc, book.Edition.Date})
}

// BenchmarkRenderPDF writes one PDF of each kind from the bundled sources
// (laid out beforehand, fonts loaded once as in a build): rendering alone.
func BenchmarkRenderPDF(b *testing.B) {
	fonts, docs := benchDocs(b)
	for _, d := range docs {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			write := pdfFile(d.doc, fonts, d.date)
			for b.Loop() {
				if err := write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
