package build

import (
	"bytes"
	"fmt"
	"path"
	"runtime"
	"sync"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/nup"
	"sodan/internal/layout/slides"
	"sodan/internal/layout/spec"
	"sodan/internal/render/pdf"
)

func init() {
	register(Target{Name: "slides", Order: 20, Render: renderSlides})
}

// SlidesDir is the folder inside the output folder that holds the decks.
const SlidesDir = "slides"

// renderSlides makes, for every deck in sources/decks, the 16:9 slides
// (slides/<id>.pdf) and, as layouts/slides-16x9.yaml says, the attendees' A4 handouts
// (slides/<id>-3up.pdf, …) and the presenter's notes (slides/<id>-notes.pdf).
// Without decks it makes nothing and does not need the layouts.
func renderSlides(ctx *Context) ([]Output, error) {
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
	fonts, err := ctx.Fonts()
	if err != nil {
		return nil, err
	}
	type job struct {
		name string
		doc  *layout.Doc
	}
	var jobs []job
	var all diag.List
	for i := range book.Decks {
		deck := &book.Decks[i]
		plan, errs := slides.Lay(book, deck, sp, fonts, ctx.Date)
		if len(errs) > 0 {
			all = append(all, errs...)
			continue
		}
		jobs = append(jobs, job{deck.ID + ".pdf", plan.Doc})
		out := sp.Outputs(deck.ID)
		for _, h := range out.Handouts {
			v, _ := nupSp.Variant(h.V)
			doc, errs := nup.Handout(plan, book, nupSp, v, fonts, ctx.Date)
			all = append(all, errs...)
			jobs = append(jobs, job{deck.ID + "-" + v.ID + ".pdf", doc})
		}
		if out.Notes {
			doc, errs := nup.Notes(plan, book, nupSp, fonts, ctx.Date)
			all = append(all, errs...)
			jobs = append(jobs, job{deck.ID + "-notes.pdf", doc})
		}
	}
	if len(all) > 0 {
		return nil, all
	}
	// The PDFs are independent and Fonts is safe for concurrent use, so
	// they are written in parallel, each into its own slot.
	outs := make([]Output, len(jobs))
	errs2 := make([]error, len(jobs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var buf bytes.Buffer
			if err := safely(func() error { return pdf.Write(&buf, j.doc, fonts) }); err != nil {
				errs2[i] = fmt.Errorf("%s: %w", j.name, err)
				return
			}
			outs[i] = Output{Name: path.Join(SlidesDir, j.name), Data: buf.Bytes()}
		}()
	}
	wg.Wait()
	for _, err := range errs2 {
		if err != nil {
			return nil, err
		}
	}
	return outs, nil
}
