// Package build runs the pipeline: load the sources, check them into a
// model, lay out and render every output, and write them into the output
// folder through temporary files and renames, so the folder never holds a
// half-written file and a failed build leaves earlier outputs untouched.
package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"sodan/internal/diag"
	"sodan/internal/model"
	"sodan/internal/render/pdf"
	"sodan/internal/source"
)

// Check loads the sources in fsys (shown to the user as dir) and validates
// them. It returns the book, or every problem found.
func Check(fsys fs.FS, dir string) (*model.Book, diag.List) {
	raw, errs := source.Load(fsys, dir)
	// The model is built even from a partly decoded source, so one run
	// reports the decoding and the checking problems together; the list
	// keeps one problem per line, so follow-on messages stay few.
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
}

// Output is one file a target makes.
type Output struct {
	Name string // file name inside the output folder
	Data []byte
}

// Target is one kind of output: it renders the book into files.
type Target struct {
	Name  string
	Order int // build and listing order
	// Owns are glob patterns, relative to the output folder, of the files
	// this target writes; files matching them that a build did not write
	// are left from earlier builds and are removed.
	Owns   []string
	Render func(ctx *Context) ([]Output, error)
}

// Context is what a target gets: the book, the layouts folder, the build
// date and a place for warnings.
type Context struct {
	Book    *model.Book
	Layouts fs.FS
	// LayoutsDir is the layouts folder as the user knows it, for messages.
	LayoutsDir string
	Date       time.Time
	Warn       io.Writer

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

// TargetNames lists the names of the known targets.
func TargetNames() []string {
	var names []string
	for _, t := range Targets {
		names = append(names, t.Name)
	}
	return names
}

// Date is the build date: SOURCE_DATE_EPOCH when set (as reproducible-build
// tools expect), otherwise the edition date. Never the clock.
func Date(book *model.Book) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("環境変数 SOURCE_DATE_EPOCH「%s」は秒数（整数）ではありません", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return book.Edition.Date, nil
}

// Run builds the selected targets. Content problems come back as a
// diag.List (wrapped with ErrContent semantics by the caller); everything
// is rendered before anything is written, and files are replaced one by one
// through a rename.
func Run(opts Options) (written []string, err error) {
	book, errs := Check(os.DirFS(opts.Sources), opts.Sources)
	if len(errs) > 0 {
		return nil, errs
	}
	date, err := Date(book)
	if err != nil {
		return nil, err
	}
	ctx := &Context{Book: book, Layouts: os.DirFS(opts.Layouts), LayoutsDir: opts.Layouts, Date: date, Warn: opts.Warn}
	if ctx.Warn == nil {
		ctx.Warn = io.Discard
	}
	var outs []Output
	var problems diag.List
	var owned []string
	for _, t := range Targets {
		if len(opts.Only) > 0 && !opts.Only[t.Name] {
			continue
		}
		owned = append(owned, t.Owns...)
		o, err := t.Render(ctx)
		var l diag.List
		switch {
		case errors.As(err, &l):
			// Keep going: the other targets may name more problems, and
			// all of them are reported in one run.
			problems = append(problems, l...)
		case err != nil:
			// Not a problem in a source (a renderer failed): report it
			// with the others rather than dropping what was found.
			problems = append(problems, diag.Diagnostic{Msg: fmt.Sprintf("出力「%s」を作れませんでした: %v", t.Name, err)})
		}
		outs = append(outs, o...)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	sort.Slice(outs, func(i, j int) bool { return outs[i].Name < outs[j].Name })
	if err := writeAll(opts.Out, outs); err != nil {
		return nil, fmt.Errorf("出力フォルダに書き込めません: %w", err)
	}
	for _, o := range outs {
		written = append(written, filepath.Join(opts.Out, o.Name))
	}
	if err := prune(opts.Out, owned, outs); err != nil {
		return written, fmt.Errorf("前の版の出力を消せません: %w", err)
	}
	return written, nil
}

// writeAll writes every output to a temporary file beside its final name,
// and only when all of them are written renames them into place; on any
// failure the temporary files are removed and no output is replaced.
func writeAll(dir string, outs []Output) error {
	type staged struct{ tmp, final string }
	var done []staged
	cleanup := func() {
		for _, s := range done {
			os.Remove(s.tmp)
		}
	}
	for _, o := range outs {
		final := filepath.Join(dir, o.Name)
		tmp, err := writeTemp(final, o.Data)
		if err != nil {
			cleanup()
			return err
		}
		done = append(done, staged{tmp, final})
	}
	for i, s := range done {
		if err := os.Rename(s.tmp, s.final); err != nil {
			for _, rest := range done[i:] {
				os.Remove(rest.tmp)
			}
			return err
		}
	}
	return nil
}

// prune removes files that earlier builds wrote and this one did not (an
// older edition's handout, a deck that was removed), looking only at the
// names the built targets own, so nothing else in the folder is touched.
func prune(dir string, owned []string, outs []Output) error {
	keep := map[string]bool{}
	for _, o := range outs {
		keep[filepath.Clean(o.Name)] = true
	}
	for _, pattern := range owned {
		matches, err := filepath.Glob(filepath.Join(dir, pattern))
		if err != nil {
			return err
		}
		for _, m := range matches {
			rel, err := filepath.Rel(dir, m)
			if err != nil || keep[rel] {
				continue
			}
			if fi, err := os.Lstat(m); err == nil && fi.Mode().IsRegular() {
				if err := os.Remove(m); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// writeTemp writes data to a new temporary file in the folder of path
// (creating the folder) and returns the temporary file's name.
func writeTemp(path string, data []byte) (string, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// ParseOnly turns "handout,slides" into a set, refusing unknown names.
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
