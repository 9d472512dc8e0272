// Package layouttest provides what the tests of the layout packages share:
// the bundled sources and layouts, the real fonts, a fake Measurer for
// tests that must not depend on font metrics, and golden files.
package layouttest

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/spec"
	"sodan/internal/model"
	"sodan/internal/render/pdf"
	"sodan/internal/source"
)

// root returns the module's root folder, found upwards from the test's
// folder.
func root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatal("no go.mod above the test's folder")
		}
		dir = up
	}
}

// Sources is the bundled sources folder.
func Sources(tb testing.TB) fs.FS { return os.DirFS(filepath.Join(root(tb), "sources")) }

// Layouts is the bundled layouts folder.
func Layouts(tb testing.TB) fs.FS { return os.DirFS(filepath.Join(root(tb), "layouts")) }

// SourcesWith is the bundled sources in memory, with the files of over
// (slash paths inside the sources folder, and their text) added, or put
// in place of the bundled ones; an empty text deletes the file.
func SourcesWith(tb testing.TB, over map[string]string) fstest.MapFS {
	tb.Helper()
	fsys := fstest.MapFS{}
	src := Sources(tb)
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(src, p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	for name, data := range over {
		if data == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// Book loads a fresh Book (a test may change it) from fsys, shown as
// "sources".
func Book(tb testing.TB, fsys fs.FS) *model.Book {
	tb.Helper()
	raw, errs := source.Load(fsys, "sources")
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	book, errs := model.Build(raw)
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	return book
}

// Bundled loads a fresh Book from the bundled sources.
func Bundled(tb testing.TB) *model.Book {
	tb.Helper()
	return Book(tb, Sources(tb))
}

var fonts = sync.OnceValues(pdf.LoadFonts)

// Fonts returns the embedded fonts, loaded once.
func Fonts(tb testing.TB) *pdf.Fonts {
	tb.Helper()
	f, err := fonts()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// Fake is a Measurer with simple metrics: every character is one em wide
// (ASCII half an em), bold or not; every character has a glyph except
// those in Missing; a QR code has 4 modules per 10 bytes of data plus 25,
// and none for more than 200 bytes. When Sizes is not nil, it counts the
// sizes Width is asked about.
type Fake struct {
	Missing string
	Sizes   map[float64]int
}

// Width implements layout.Measurer.
func (f Fake) Width(s string, bold bool, size float64) float64 {
	if f.Sizes != nil {
		f.Sizes[size]++
	}
	em := 0.0
	for _, r := range s {
		if r < utf8.RuneSelf {
			em += 0.5
		} else {
			em++
		}
	}
	return em * size * layout.PtToMM
}

// HasGlyph implements layout.Measurer.
func (f Fake) HasGlyph(r rune) bool {
	for _, m := range f.Missing {
		if m == r {
			return false
		}
	}
	return r < 0xFFFF
}

// QRModules implements layout.Measurer.
func (f Fake) QRModules(data string) int {
	if len(data) > 200 {
		return 0
	}
	return 25 + 4*(len(data)/10)
}

// QuickList reads the bundled layouts/quicklist-a4.yaml.
func QuickList(tb testing.TB) *spec.QuickList {
	tb.Helper()
	v, errs := spec.ReadQuickList(Layouts(tb), "layouts")
	return must(tb, v, errs)
}

// Slides reads the bundled layouts/slides-16x9.yaml.
func Slides(tb testing.TB) *spec.Slides {
	tb.Helper()
	v, errs := spec.ReadSlides(Layouts(tb), "layouts")
	return must(tb, v, errs)
}

// NUp reads the bundled layouts/nup-a4.yaml for the bundled slides.
func NUp(tb testing.TB) *spec.NUp {
	tb.Helper()
	sp := Slides(tb)
	v, errs := spec.ReadNUp(Layouts(tb), "layouts", sp.W, sp.H)
	return must(tb, v, errs)
}

// Event reads the bundled layouts/event-a4.yaml for the bundled slides
// and handouts.
func Event(tb testing.TB) *spec.Event {
	tb.Helper()
	v, errs := spec.ReadEvent(Layouts(tb), "layouts", Slides(tb), NUp(tb))
	return must(tb, v, errs)
}

// Report reads the bundled layouts/report-a4.yaml for the scale of book.
func Report(tb testing.TB, book *model.Book) *spec.Report {
	tb.Helper()
	v, errs := spec.ReadReport(Layouts(tb), "layouts", book.Risk.Scale)
	return must(tb, v, errs)
}

// must fails the test on problems and otherwise returns v.
func must[T any](tb testing.TB, v T, errs diag.List) T {
	tb.Helper()
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	return v
}

// TextLine is a line of text as a reader sees it: the runs (layout.Text
// items) drawn one after another on one baseline, joined.
type TextLine struct {
	Page   int // from 1
	Str    string
	X, Y   float64 // where the first run starts, and the baseline
	End    float64 // where the last run's last glyph ends
	Size   float64
	Bold   bool
	Runs   []layout.Text
	Spaced bool // a run has character spacing
}

// TextLines joins the Text items of doc into lines: a run continues the
// line before it when it is drawn next, on the same baseline, at the same
// size and weight, starting where the line ends or less than an em after.
func TextLines(doc *layout.Doc, m layout.Measurer) []TextLine {
	var out []TextLine
	for pi, p := range doc.Pages {
		start := len(out)
		for _, it := range p.Items {
			t, ok := it.(layout.Text)
			if !ok {
				continue
			}
			n := float64(utf8.RuneCountInString(t.Str))
			end := t.X + m.Width(t.Str, t.Bold, t.Size) + max(n-1, 0)*t.Spacing
			if k := len(out) - 1; k >= start {
				l := &out[k]
				em := t.Size * layout.PtToMM
				if l.Y == t.Y && l.Size == t.Size && l.Bold == t.Bold && t.X >= l.End-0.05*em && t.X-l.End < em {
					l.Str += t.Str
					l.End = end
					l.Runs = append(l.Runs, t)
					l.Spaced = l.Spaced || t.Spacing > 0
					continue
				}
			}
			out = append(out, TextLine{Page: pi + 1, Str: t.Str, X: t.X, Y: t.Y, End: end, Size: t.Size, Bold: t.Bold,
				Runs: []layout.Text{t}, Spaced: t.Spacing > 0})
		}
	}
	return out
}
