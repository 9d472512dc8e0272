// Package build runs the pipeline: load the sources, check them into a
// model, let every target say what it makes (jobs), make what is not up
// to date on a pool of workers, streaming each output to a staged file,
// and commit them into the output folder as one transaction. The folder
// is sodan's only as far as its manifest says (folder.go): nothing else
// in it is ever replaced or removed, and a failed build leaves it as it
// was.
package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"sodan/internal/diag"
	"sodan/internal/links"
	"sodan/internal/model"
	"sodan/internal/render/pdf"
	"sodan/internal/source"
)

// Check loads the sources in fsys (shown to the user as dir) and validates
// them. It returns the book, or every problem found.
func Check(fsys fs.FS, dir string) (*model.Book, diag.List) {
	raw, errs := source.Load(fsys, dir)
	if raw.Incomplete {
		// A file that could not be parsed at all (or is missing) would
		// make every check across files report follow-on problems.
		return nil, errs
	}
	// The model is built even from a partly decoded source, so one run
	// reports the decoding and the checking problems together; the list
	// keeps one problem per field and line, so follow-on messages stay
	// few.
	book, more := model.Build(raw)
	if len(errs) > 0 {
		return nil, append(errs, more...)
	}
	return book, more
}

// Options are the settings of one build.
type Options struct {
	Sources string          // sources folder
	Layouts string          // layouts folder
	Out     string          // output folder
	Only    map[string]bool // targets to build; empty means all
	Warn    io.Writer       // warnings (may be nil)
	// Stop, when done, stops the build before anything is written (Ctrl-C);
	// nil means the build runs to its end.
	Stop context.Context
	// Force makes every output again, even those that are up to date.
	Force bool
	// Event, when set, builds the kit of the seminar with this id of
	// sources/events (or of every seminar, for "all") instead of the
	// other outputs (see events.go).
	Event string
}

// Output is one file a build makes, and what happened to it.
type Output struct {
	Name   string // slash-separated path inside the output folder
	Target string // the target that makes it
	Data   []byte // its bytes, for an output made in memory (a report)
	Inputs string // digest of what it is made from (see Job)

	// What the build did, for the summary:
	Pages  int           // pages (sheets for a workbook)
	Size   int64         // bytes
	SHA256 string        // of its bytes
	Took   time.Duration // time to make it (with the others of its job)
	Fresh  bool          // up to date: not made again
}

// Target is one kind of output.
type Target struct {
	Name  string
	Order int // build and listing order
	// Jobs reads the target's layout files and says what the target
	// makes, as jobs (see Job), without making anything yet. Problems in
	// the layouts come back as a diag.List.
	Jobs func(ctx *Context) ([]Job, error)
	// Event marks a target of the seminars' kits: built only with
	// Options.Event, for the seminars in Context.Events, and then alone.
	Event bool
}

// Context is what a target gets: the book, the sources and layouts
// folders, the build date and a place for warnings.
type Context struct {
	Book    *model.Book
	Sources fs.FS
	Layouts fs.FS
	// LayoutsDir is the layouts folder as the user knows it, for messages.
	LayoutsDir string
	Date       time.Time
	Warn       io.Writer
	Stop       context.Context
	// Events are the seminars whose kits are built (Options.Event).
	Events []*model.Event

	fontsOnce sync.Once
	fonts     *pdf.Fonts
	fontsErr  error
}

// Fonts returns the embedded fonts, parsed once per build and shared by
// every PDF target.
func (c *Context) Fonts() (*pdf.Fonts, error) {
	c.fontsOnce.Do(func() { c.fonts, c.fontsErr = pdf.LoadFonts() })
	return c.fonts, c.fontsErr
}

// Targets are the known outputs, in build order. Each target file adds its
// own with register.
var Targets []Target

// register adds a target, keeping Targets in Order.
func register(t Target) {
	Targets = append(Targets, t)
	sort.SliceStable(Targets, func(i, j int) bool { return Targets[i].Order < Targets[j].Order })
}

// TargetNames lists the names of the known targets that -only can name
// (not the seminars' kits).
func TargetNames() []string {
	var names []string
	for _, t := range Targets {
		if !t.Event {
			names = append(names, t.Name)
		}
	}
	return names
}

// Date is the build date: SOURCE_DATE_EPOCH when set (as reproducible-build
// tools expect), otherwise the edition date. Never the clock.
func Date(book *model.Book) (time.Time, error) {
	if d, set, err := sourceDateEpoch(); set {
		return d, err
	}
	return book.Edition.Date, nil
}

// Today is the date freshness is judged on: SOURCE_DATE_EPOCH when set
// (tests fix it so), otherwise the clock. Only `check -stale` uses it; no
// output depends on it.
func Today() (time.Time, error) {
	if d, set, err := sourceDateEpoch(); set {
		return d, err
	}
	return time.Now().UTC(), nil
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH, seconds since 1970 in UTC; set
// says whether it is set at all.
func sourceDateEpoch() (d time.Time, set bool, err error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, false, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, true, fmt.Errorf("環境変数 SOURCE_DATE_EPOCH「%s」は秒数（整数）ではありません", s)
	}
	return time.Unix(n, 0).UTC(), true, nil
}

// CheckLinks asks every web address in the sources in fsys (shown as dir)
// over HTTP and returns the problems found, at each address's position,
// and how many addresses were asked. A source that cannot be read gives
// its own problems instead.
func CheckLinks(stop context.Context, fsys fs.FS, dir string, opts links.Options) (diag.List, int) {
	raw, errs := source.Load(fsys, dir)
	if len(errs) > 0 {
		return errs, 0
	}
	urls := source.URLs(raw)
	var out diag.List
	for _, r := range links.Check(stop, urls, opts) {
		if d, bad := r.Diagnostic(); bad {
			out.Add(d)
		}
	}
	return out, len(urls)
}

// Run builds the selected targets: it checks the sources, lets every
// target say what it makes, opens the output folder (refusing it before
// anything is made if it may not be written), makes what is not up to
// date on a pool of workers, streaming each output to its staged file,
// and commits all of them at once. Content problems of every target come
// back together as a diag.List, and then nothing in the folder changes.
func Run(opts Options) (*Result, error) {
	start := time.Now()
	sources := os.DirFS(opts.Sources)
	ctx := &Context{Sources: sources, Layouts: os.DirFS(opts.Layouts), LayoutsDir: opts.Layouts, Warn: opts.Warn, Stop: opts.Stop}
	// Parse the fonts while the sources are checked: nearly every build
	// needs them, and they take as long as a small source file.
	go ctx.Fonts()
	book, errs := Check(sources, opts.Sources)
	if len(errs) > 0 {
		return nil, errs
	}
	date, err := Date(book)
	if err != nil {
		return nil, err
	}
	ctx.Book, ctx.Date = book, date
	if ctx.Warn == nil {
		ctx.Warn = io.Discard
	}
	for name := range opts.Only {
		if !slices.Contains(TargetNames(), name) {
			return nil, fmt.Errorf("「%s」という出力はありません（使える値: %s）", name, strings.Join(TargetNames(), ", "))
		}
	}
	if ctx.Events, err = selectEvents(book, opts.Event); err != nil {
		return nil, err
	}
	var jobs []jobOf
	var problems diag.List
	built := map[string]bool{}
	var planned []Output
	for _, t := range Targets {
		if t.Event != (opts.Event != "") || len(opts.Only) > 0 && !opts.Only[t.Name] {
			continue
		}
		if !t.Event {
			built[t.Name] = true
		}
		var js []Job
		err := safely(func() (err error) { js, err = t.Jobs(ctx); return err })
		var l diag.List
		switch {
		case errors.As(err, &l):
			// Keep going: the other targets may name more problems, and
			// all of them are reported in one run.
			problems = append(problems, l...)
		case err != nil:
			problems = append(problems, diag.Diagnostic{Msg: fmt.Sprintf("出力「%s」を作れませんでした: %v", t.Name, err)})
		}
		for _, j := range js {
			target := t.Name
			if j.Target != "" {
				target = j.Target
				built[target] = true
			}
			jobs = append(jobs, jobOf{Job: j, target: target})
			for _, n := range j.Outputs {
				planned = append(planned, Output{Name: n, Target: target})
			}
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	if stopped(opts.Stop) {
		return nil, ErrStopped
	}
	f, err := openFolder(opts.Out, opts.Sources, opts.Layouts)
	if err != nil {
		return nil, err
	}
	defer f.close()
	p, err := f.prepare(planned, built, true)
	if err != nil {
		f.abandon()
		return nil, err
	}
	st, err := f.stager()
	if err != nil {
		return nil, fmt.Errorf("出力フォルダに書き込めません: %w", err)
	}
	outs, problems := runJobs(ctx, f, st, jobs, opts.Force)
	if len(problems) > 0 || stopped(opts.Stop) {
		st.discard()
		f.abandon()
		if len(problems) > 0 {
			return nil, problems
		}
		return nil, ErrStopped
	}
	var fresh []Output
	for _, o := range outs {
		if o.Fresh {
			fresh = append(fresh, o)
		}
	}
	p.finish(st, fresh)
	if err := f.commit(p); err != nil {
		return nil, fmt.Errorf("出力フォルダに書き込めません: %w", err)
	}
	if age := book.Edition.StaleAfter; age.N > 0 {
		if list := book.StaleContacts(date, age); len(list) > 0 {
			c := list[0].Contact
			fmt.Fprintf(ctx.Warn, "注意: 確認（verified_on）から %sを過ぎた連絡先が %d 件あります（いちばん古いのは %s、%s）。sodan check -stale %s で一覧を表示します\n",
				age.Japanese(), len(list), c.ID, c.VerifiedOn.Format("2006-01-02"), age)
		}
	}
	passed(ctx)
	for _, k := range p.keep {
		fmt.Fprintf(ctx.Warn, "注意: %s は前回 sodan が書いた後に変更されているので、消さずに残しました（sodan の記録からは外しました）\n", f.show(k))
	}
	return &Result{Dir: opts.Out, Outputs: outs, Took: time.Since(start)}, nil
}

// writeOutputs writes outs into the output folder dir as one transaction
// (see folder.go); the protected folders may not be, hold or lie inside
// dir.
func writeOutputs(stop context.Context, dir string, outs []Output, targets map[string]bool, prune bool, protected ...string) ([]string, error) {
	f, err := openFolder(dir, protected...)
	if err != nil {
		return nil, err
	}
	defer f.close()
	kept, err := f.write(stop, outs, targets, prune)
	var fe *FolderError
	if err != nil && !errors.As(err, &fe) {
		err = fmt.Errorf("出力フォルダに書き込めません: %w", err)
	}
	return kept, err
}

// ErrStopped is returned when a build or report was stopped (Ctrl-C)
// before it wrote anything.
var ErrStopped = errors.New("中断しました。出力フォルダは変更していません")

// stopped reports whether stop is done.
func stopped(stop context.Context) bool { return stop != nil && stop.Err() != nil }

// safely runs f, turning a panic into an error, so that no user sees a Go
// stack trace and the other targets' problems are still reported.
func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("内部エラー（%v）。この表示を sodan の開発者に知らせてください", r)
		}
	}()
	return f()
}

// ParseOnly turns "quicklist,slides" into a set, refusing unknown names.
func ParseOnly(s string) (map[string]bool, error) {
	set := map[string]bool{}
	if strings.TrimSpace(s) == "" {
		return set, nil
	}
	known := map[string]bool{}
	for _, n := range TargetNames() {
		known[n] = true
	}
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if !known[p] {
			return nil, fmt.Errorf("-only: 「%s」という出力はありません（使える値: %s）", p, strings.Join(TargetNames(), ", "))
		}
		set[p] = true
	}
	return set, nil
}
