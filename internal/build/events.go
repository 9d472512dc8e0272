package build

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/nup"
	"sodan/internal/layout/programme"
	"sodan/internal/layout/quicklist"
	"sodan/internal/layout/slides"
	"sodan/internal/layout/spec"
	"sodan/internal/model"
	"sodan/internal/source"
)

func init() {
	register(Target{Name: "event", Order: 50, Jobs: eventJobs, Event: true})
}

// EventsDir is the folder inside the output folder that holds the
// seminars' kits, one folder each (EventDir).
const EventsDir = "events"

// EventDir is the folder of e's kit inside the output folder:
// events/<date as YYYYMMDD>-<id>, as the quick list is named after its
// date, so that a seminar's kits sort by date.
//
// It holds, in the order a seminar uses them:
//
//	programme.pdf            the programme sheet (式次第), A4
//	slides/01-<deck>.pdf …   the programme's decks in its order, for the
//	                         seminar (its title slide, footers and, on
//	                         the last, the closing slide)
//	handout-3up.pdf …        the attendees' handout of each N-up variant
//	                         of layouts/event-a4.yaml: the programme
//	                         sheet as the cover, then every deck
//	quicklist-<date>.pdf     the quick list with the seminar's box
func EventDir(e *model.Event) string {
	return path.Join(EventsDir, e.Date.Format("20060102")+"-"+e.ID)
}

// ErrUnknownEvent is what the error of a build whose Options.Event names
// no seminar of the sources is (errors.Is): a wrong use of the command,
// not a problem in the sources.
var ErrUnknownEvent = errors.New("そのセミナーはありません")

// eventError is a build's refusal of its Options.Event, in Japanese.
type eventError struct{ msg string }

func (e *eventError) Error() string        { return e.msg }
func (e *eventError) Is(target error) bool { return target == ErrUnknownEvent }

// selectEvents returns the seminars id names: none for "", every one for
// "all", or the one with the id.
func selectEvents(book *model.Book, id string) ([]*model.Event, error) {
	var ids []string
	var all []*model.Event
	for i := range book.Events {
		ids = append(ids, book.Events[i].ID)
		all = append(all, &book.Events[i])
	}
	switch {
	case id == "":
		return nil, nil
	case len(all) == 0:
		return nil, &eventError{fmt.Sprintf("-event: セミナーのファイルが sources/%s にありません。例のファイルをコピーして書き換えてください", source.EventsDir)}
	case id == "all":
		return all, nil
	}
	if e := book.Event(id); e != nil {
		return []*model.Event{e}, nil
	}
	return nil, &eventError{fmt.Sprintf("-event: セミナー「%s」は sources/%s にありません（あるセミナー: %s。すべてなら -event all）", id, source.EventsDir, strings.Join(ids, ", "))}
}

// passed says, one line each, which of the seminars being built are
// dated before today (Today): a kit for a past seminar is made all the
// same, and no output depends on the clock.
func passed(ctx *Context) {
	if len(ctx.Events) == 0 {
		return
	}
	today, err := Today()
	if err != nil {
		return
	}
	built := map[*model.Event]bool{}
	for _, e := range ctx.Events {
		built[e] = true
	}
	for _, e := range ctx.Book.Passed(today) {
		if built[e] {
			fmt.Fprintf(ctx.Warn, "注意: セミナー %s は %sで、日付が過ぎています。一式は作りましたが、date が正しいか sources/%s/%s を確かめてください\n",
				e.ID, layout.DayLabel(e.Date), source.EventsDir, e.File)
		}
	}
}

// kit is what the jobs of one seminar's kit share: the layouts, and each
// deck of the programme laid out once for the seminar, by the first job
// that needs it.
type kit struct {
	ctx   *Context
	ev    *model.Event
	dir   string
	sl    *spec.Slides
	nu    *spec.NUp
	ql    *spec.QuickList
	es    *spec.Event
	items []*model.ProgrammeItem // the programme's decks, in order
	plans []func() (*slides.Plan, error)
	cover func() (*layout.Doc, error) // the programme sheet
}

// eventJobs makes, for every seminar of ctx.Events, the jobs of its kit
// (see EventDir): the programme sheet, one job a deck, the handouts, the
// quick list. Each is recorded under a target of its own seminar.
func eventJobs(ctx *Context) ([]Job, error) {
	if len(ctx.Events) == 0 {
		return nil, nil
	}
	var errs diag.List
	sl, e := spec.ReadSlides(ctx.Layouts, ctx.LayoutsDir)
	errs = append(errs, e...)
	ql, e := spec.ReadQuickList(ctx.Layouts, ctx.LayoutsDir)
	errs = append(errs, e...)
	if len(errs) > 0 {
		return nil, errs
	}
	nu, errs := spec.ReadNUp(ctx.Layouts, ctx.LayoutsDir, sl.W, sl.H)
	if len(errs) > 0 {
		return nil, errs
	}
	es, errs := spec.ReadEvent(ctx.Layouts, ctx.LayoutsDir, sl, nu)
	if len(errs) > 0 {
		return nil, errs
	}
	var jobs []Job
	for _, ev := range ctx.Events {
		k := &kit{ctx: ctx, ev: ev, dir: EventDir(ev), sl: sl, nu: nu, ql: ql, es: es}
		for i := range ev.Programme {
			if it := &ev.Programme[i]; it.Kind == model.ProgrammeDeck {
				k.items = append(k.items, it)
			}
		}
		for i := range k.items {
			k.plans = append(k.plans, sync.OnceValues(func() (*slides.Plan, error) { return k.lay(i) }))
		}
		k.cover = sync.OnceValues(k.sheet)
		jobs = append(jobs, k.jobs()...)
	}
	return jobs, nil
}

// eventFile is the seminar's source file.
func (k *kit) eventFile() string { return path.Join(source.EventsDir, k.ev.File) }

// deckFiles are the source files of the programme's decks.
func (k *kit) deckFiles() []string {
	var out []string
	for _, it := range k.items {
		out = append(out, path.Join(source.DecksDir, it.Deck.File))
	}
	return out
}

// deckName is the file of the i-th deck of the programme.
func (k *kit) deckName(i int) string {
	return path.Join(k.dir, SlidesDir, fmt.Sprintf("%02d-%s.pdf", i+1, k.items[i].Deck.ID))
}

// jobs are the kit's jobs, recorded under the target event:<id>.
func (k *kit) jobs() []Job {
	target := "event:" + k.ev.ID
	ev := k.eventFile()
	var jobs []Job
	sheet := path.Join(k.dir, "programme.pdf")
	jobs = append(jobs, Job{
		Outputs: []string{sheet},
		Sources: append([]string{ev, "contacts.yaml"}, k.deckFiles()...),
		Layouts: []string{spec.EventFile},
		Target:  target,
		Make: func(put Put) error {
			doc, err := k.cover()
			if err != nil {
				return err
			}
			return k.put(put, sheet, doc)
		},
	})
	for i, it := range k.items {
		name := k.deckName(i)
		jobs = append(jobs, Job{
			Outputs: []string{name},
			Sources: append([]string{ev, path.Join(source.DecksDir, it.Deck.File)}, deckSources...),
			Layouts: []string{spec.SlidesFile, spec.EventFile},
			Target:  target,
			Make: func(put Put) error {
				plan, err := k.plans[i]()
				if err != nil {
					return err
				}
				return k.put(put, name, plan.Doc)
			},
		})
	}
	var handouts []string
	for _, h := range k.es.Handouts {
		handouts = append(handouts, path.Join(k.dir, "handout-"+h.V+".pdf"))
	}
	if len(handouts) > 0 {
		jobs = append(jobs, Job{
			Outputs: handouts,
			Sources: append(append([]string{ev}, k.deckFiles()...), deckSources...),
			Layouts: []string{spec.SlidesFile, spec.NUpFile, spec.EventFile},
			Target:  target,
			Make:    func(put Put) error { return k.handouts(put, handouts) },
		})
	}
	ql := Job{
		Outputs: []string{path.Join(k.dir, QuickListName(k.ctx))},
		Sources: append([]string{ev}, quickListSources...),
		Layouts: []string{spec.QuickListFile, spec.EventFile},
		Target:  target,
	}
	fix := "主催や問い合わせ先の名前を短くするか、" + spec.EventFile + " の quicklist の文字を小さく"
	jobs = append(jobs, quickListJob(k.ctx, ql, k.ql, "セミナー "+k.ev.ID+" の", fix, func(m layout.Measurer) (*layout.Doc, diag.List) {
		return quicklist.PlanSeminar(k.ctx.Book, k.ql, m, quicklist.Seminar{Event: k.ev, Spec: k.es})
	}))
	return jobs
}

// put writes doc as the output name.
func (k *kit) put(put Put, name string, doc *layout.Doc) error {
	fonts, err := k.ctx.Fonts()
	if err != nil {
		return err
	}
	return putPDF(k.ctx, put, name, doc, fonts)
}

// lay lays out the i-th deck of the programme for the seminar; problems
// in the sources come back as a diag.List.
func (k *kit) lay(i int) (*slides.Plan, error) {
	fonts, err := k.ctx.Fonts()
	if err != nil {
		return nil, err
	}
	sem := slides.Seminar{Event: k.ev, Item: k.items[i], Last: i == len(k.items)-1, Spec: k.es}
	plan, errs := slides.LaySeminar(k.ctx.Book, k.items[i].Deck, k.sl, fonts, sem)
	if len(errs) > 0 {
		return nil, errs
	}
	return plan, nil
}

// sheet lays out the programme sheet.
func (k *kit) sheet() (*layout.Doc, error) {
	fonts, err := k.ctx.Fonts()
	if err != nil {
		return nil, err
	}
	doc, errs := programme.Plan(k.ctx.Book, k.ev, k.es, fonts)
	if len(errs) > 0 {
		return nil, errs
	}
	return doc, nil
}

// handouts makes the handouts named, one for each variant of the layout:
// the programme sheet, then every deck.
func (k *kit) handouts(put Put, names []string) error {
	fonts, err := k.ctx.Fonts()
	if err != nil {
		return err
	}
	cover, err := k.cover()
	if err != nil {
		return err
	}
	// Every deck's problems at once (each deck's own job reports them
	// too: the list keeps one of each).
	var plans []*slides.Plan
	var problems diag.List
	for _, lay := range k.plans {
		plan, err := lay()
		var l diag.List
		switch {
		case errors.As(err, &l):
			problems = append(problems, l...)
		case err != nil:
			return err
		}
		plans = append(plans, plan)
	}
	if len(problems) > 0 {
		return problems
	}
	for i, h := range k.es.Handouts {
		v, _ := k.nu.Variant(h.V)
		doc, errs := nup.SeminarHandout(cover, plans, k.nu, v, nup.Seminar{Event: k.ev, Spec: k.es}, fonts)
		if len(errs) > 0 {
			return errs
		}
		if err := putPDF(k.ctx, put, names[i], doc, fonts); err != nil {
			return err
		}
	}
	return nil
}
