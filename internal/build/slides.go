package build

import (
	"io"
	"path"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/nup"
	"sodan/internal/layout/slides"
	"sodan/internal/layout/spec"
	"sodan/internal/model"
	"sodan/internal/render/pdf"
	"sodan/internal/source"
)

func init() {
	register(Target{Name: "slides", Order: 20, Jobs: slidesJobs})
}

// SlidesDir is the folder inside the output folder that holds the decks.
const SlidesDir = "slides"

// deckSources are the source files a deck can quote from, besides its own
// file.
var deckSources = []string{"edition.yaml", "contacts.yaml", "quicklist.yaml", "measures.yaml", "guide.yaml", "columns.yaml", "flow.yaml", "risk.yaml"}

// slidesJobs makes, for every deck in sources/decks, one job: the 16:9
// slides (slides/<id>.pdf) and, as layouts/slides-16x9.yaml says, the
// attendees' A4 handouts (slides/<id>-3up.pdf, …) and the presenter's
// notes (slides/<id>-notes.pdf). Without decks it makes nothing and does
// not need the layouts.
func slidesJobs(ctx *Context) ([]Job, error) {
	book := ctx.Book
	if len(book.Decks) == 0 {
		return nil, nil
	}
	sp, errs := spec.ReadSlides(ctx.Layouts, ctx.LayoutsDir)
	if len(errs) > 0 {
		return nil, errs
	}
	nupSp, errs := spec.ReadNUp(ctx.Layouts, ctx.LayoutsDir, sp.W, sp.H)
	if len(errs) > 0 {
		return nil, errs
	}
	var ids []string
	for _, d := range book.Decks {
		ids = append(ids, d.ID)
	}
	if errs := sp.CheckDecks(ids, nupSp.VariantIDs()); len(errs) > 0 {
		return nil, errs
	}
	var jobs []Job
	for i := range book.Decks {
		deck := &book.Decks[i]
		out := sp.Outputs(deck.ID)
		names := []string{path.Join(SlidesDir, deck.ID+".pdf")}
		for _, h := range out.Handouts {
			names = append(names, path.Join(SlidesDir, deck.ID+"-"+h.V+".pdf"))
		}
		if out.Notes {
			names = append(names, path.Join(SlidesDir, deck.ID+"-notes.pdf"))
		}
		jobs = append(jobs, Job{
			Outputs: names,
			Sources: append([]string{path.Join(source.DecksDir, deck.File)}, deckSources...),
			Layouts: []string{spec.SlidesFile, spec.NUpFile},
			Make:    func(put Put) error { return makeDeck(ctx, book, deck, sp, nupSp, out, names, put) },
		})
	}
	return jobs, nil
}

// makeDeck lays out one deck and writes its PDFs in the order of names.
// Each handout is laid out just before it is written and dropped after,
// so a long deck holds its slides and one more document at a time.
func makeDeck(ctx *Context, book *model.Book, deck *model.Deck, sp *spec.Slides, nupSp *spec.NUp, out spec.DeckOutputs, names []string, put Put) error {
	fonts, err := ctx.Fonts()
	if err != nil {
		return err
	}
	plan, errs := slides.Lay(book, deck, sp, fonts, ctx.Date)
	if len(errs) > 0 {
		return errs
	}
	docs := []func() (*layout.Doc, diag.List){func() (*layout.Doc, diag.List) { return plan.Doc, nil }}
	for _, h := range out.Handouts {
		v, _ := nupSp.Variant(h.V)
		docs = append(docs, func() (*layout.Doc, diag.List) { return nup.Handout(plan, book, nupSp, v, fonts, ctx.Date) })
	}
	if out.Notes {
		docs = append(docs, func() (*layout.Doc, diag.List) { return nup.Notes(plan, book, nupSp, fonts, ctx.Date) })
	}
	for i, lay := range docs {
		doc, errs := lay()
		if len(errs) > 0 {
			return errs
		}
		if err := put(names[i], len(doc.Pages), func(w io.Writer) error { return pdf.Write(w, doc, fonts) }); err != nil {
			return err
		}
	}
	return nil
}
