package build

import (
	"path"
	"sync"
	"sync/atomic"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/nup"
	"sodan/internal/layout/slides"
	"sodan/internal/layout/spec"
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

// slidesJobs makes, for every deck in sources/decks, the 16:9 slides
// (slides/<id>.pdf) and, as layouts/slides-16x9.yaml says, the attendees'
// A4 handouts (slides/<id>-3up.pdf, …) and the presenter's notes
// (slides/<id>-notes.pdf): one job for each file, so that the handouts and
// notes of a long deck are made beside each other, from one layout of the
// deck made by whichever of its jobs comes first. Without decks it makes
// nothing and does not need the layouts.
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
	// Every deck's slides come first, so that while one deck is laid out
	// the other worker lays out the next instead of waiting for the
	// first to make its handouts.
	var first, rest []Job
	for i := range book.Decks {
		deck := &book.Decks[i]
		out := sp.Outputs(deck.ID)
		lay := &deckLayout{lay: func(fonts *pdf.Fonts) (*slides.Plan, diag.List) {
			return slides.Lay(book, deck, sp, fonts)
		}}
		add := func(name string, doc func(*slides.Plan, *pdf.Fonts) (*layout.Doc, diag.List)) {
			lay.left++
			jobs := &rest
			if lay.left == 1 {
				jobs = &first
			}
			*jobs = append(*jobs, Job{
				Outputs: []string{name},
				Sources: append([]string{path.Join(source.DecksDir, deck.File)}, deckSources...),
				Layouts: []string{spec.SlidesFile, spec.NUpFile},
				Make:    func(put Put) error { return makeDeckFile(ctx, lay, name, doc, put) },
			})
		}
		add(path.Join(SlidesDir, deck.ID+".pdf"), func(plan *slides.Plan, _ *pdf.Fonts) (*layout.Doc, diag.List) { return plan.Doc, nil })
		for _, h := range out.Handouts {
			v, _ := nupSp.Variant(h.V)
			add(path.Join(SlidesDir, deck.ID+"-"+h.V+".pdf"), func(plan *slides.Plan, fonts *pdf.Fonts) (*layout.Doc, diag.List) {
				return nup.Handout(plan, book, nupSp, v, fonts)
			})
		}
		if out.Notes {
			add(path.Join(SlidesDir, deck.ID+"-notes.pdf"), func(plan *slides.Plan, fonts *pdf.Fonts) (*layout.Doc, diag.List) {
				return nup.Notes(plan, book, nupSp, fonts)
			})
		}
	}
	return append(first, rest...), nil
}

// deckLayout is the layout of a deck, made once for the jobs of its files
// and dropped when the last of them is done with it.
type deckLayout struct {
	lay  func(*pdf.Fonts) (*slides.Plan, diag.List)
	once sync.Once
	plan *slides.Plan
	errs diag.List
	left int32 // the jobs still to use it; changed atomically once jobs run
}

// get returns the layout, laying the deck out if no job has yet. Every
// job of a deck whose layout has problems returns them; a build reports
// each once.
func (d *deckLayout) get(fonts *pdf.Fonts) (*slides.Plan, diag.List) {
	d.once.Do(func() { d.plan, d.errs = d.lay(fonts) })
	return d.plan, d.errs
}

// done says a job is done with the layout.
func (d *deckLayout) done() {
	if atomic.AddInt32(&d.left, -1) == 0 {
		d.plan = nil
	}
}

// slidesInFlight is how many slides the files being made at once may show
// between them (a deck's slides, handouts and notes each count the deck's
// slides). Each file of a long deck holds its document and its parts in
// memory while it is made: two files of a 5,790-slide deck at once were
// twice the memory of one, for little time saved. A deck of more slides
// than this is made one file at a time; the bundled decks (34 slides at
// most) never wait.
const slidesInFlight = 6000

// deckPages counts the slides of the files being made (slidesInFlight).
var deckPages = newWeighted(slidesInFlight)

// weighted is a counting semaphore whose holders take different weights.
type weighted struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int
}

// newWeighted returns a semaphore with n units free.
func newWeighted(n int) *weighted {
	s := &weighted{free: n}
	s.cond = sync.NewCond(&s.mu)
	return s
}

func (s *weighted) acquire(n int) {
	s.mu.Lock()
	for s.free < n {
		s.cond.Wait()
	}
	s.free -= n
	s.mu.Unlock()
}

func (s *weighted) release(n int) {
	s.mu.Lock()
	s.free += n
	s.cond.Broadcast()
	s.mu.Unlock()
}

// makeDeckFile lays out the file name of a deck with doc and writes it.
func makeDeckFile(ctx *Context, d *deckLayout, name string, doc func(*slides.Plan, *pdf.Fonts) (*layout.Doc, diag.List), put Put) error {
	defer d.done()
	fonts, err := ctx.Fonts()
	if err != nil {
		return err
	}
	plan, errs := d.get(fonts)
	if len(errs) > 0 {
		return errs
	}
	w := min(len(plan.Doc.Pages), slidesInFlight)
	deckPages.acquire(w)
	defer deckPages.release(w)
	dc, errs := doc(plan, fonts)
	if len(errs) > 0 {
		return errs
	}
	return putPDF(ctx, put, name, dc, fonts)
}
