package build

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sodan/internal/model"
)

// buildBundled builds the bundled sources with the bundled layouts into
// out, only the outputs named in only (every output when none are), and
// fails the test when the build fails.
func buildBundled(t testing.TB, out string, only ...string) *Result {
	t.Helper()
	opts := Options{Sources: "../../sources", Layouts: "../../layouts", Out: out}
	for _, o := range only {
		if opts.Only == nil {
			opts.Only = map[string]bool{}
		}
		opts.Only[o] = true
	}
	res, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// bundledBook checks the bundled sources, shown as "sources", and returns
// the book.
func bundledBook(tb testing.TB) *model.Book {
	tb.Helper()
	book, errs := Check(os.DirFS("../../sources"), "sources")
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	return book
}

// mustRead returns the contents of the file at path, failing the test when
// it cannot be read.
func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// copyTree copies the folder from, with everything in it, into to.
func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func listFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBuildTwiceSameBytes builds every target from the bundled sources twice
// and compares the outputs byte for byte.
func TestBuildTwiceSameBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every output twice")
	}
	var outs [2]map[string][]byte
	for i := range outs {
		dir := t.TempDir()
		if len(buildBundled(t, dir).Paths()) == 0 {
			t.Fatal("nothing written")
		}
		outs[i] = listFiles(t, dir)
	}
	var names []string
	for n := range outs[0] {
		names = append(names, n)
	}
	sort.Strings(names)
	t.Logf("outputs: %s", strings.Join(names, ", "))
	for _, n := range names {
		if !bytes.Equal(outs[0][n], outs[1][n]) {
			t.Errorf("%s differs between two builds", n)
		}
	}
	if len(outs[0]) != len(outs[1]) {
		t.Errorf("builds wrote %d and %d files", len(outs[0]), len(outs[1]))
	}
	for n := range outs[0] {
		if strings.Contains(n, ".tmp") {
			t.Errorf("temporary file left behind: %s", n)
		}
	}
}

// TestFailedBuildKeepsOutputs checks that a build stopped by a problem in a
// layout file leaves earlier outputs exactly as they were.
func TestFailedBuildKeepsOutputs(t *testing.T) {
	out := t.TempDir()
	buildBundled(t, out, "workbook")
	before := listFiles(t, out)
	layouts := t.TempDir()
	bundled, _ := os.ReadFile("../../layouts/workbook.yaml")
	os.WriteFile(filepath.Join(layouts, "workbook.yaml"), bytes.Replace(bundled, []byte("\nledger_rows: 100\n"), []byte("\nledger_rows: 10\n"), 1), 0o644)
	_, err := Run(Options{Sources: "../../sources", Layouts: layouts, Out: out, Only: map[string]bool{"workbook": true}})
	line := bytes.Count(bundled[:bytes.Index(bundled, []byte("\nledger_rows: 100\n"))+1], []byte("\n")) + 1
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("workbook.yaml:%d:14: ledger_rows: 100〜5000 にしてください", line)) {
		t.Fatalf("want the ledger_rows problem, got %v", err)
	}
	after := listFiles(t, out)
	if len(after) != len(before) {
		t.Fatalf("files before %d, after %d", len(before), len(after))
	}
	for n, b := range before {
		if !bytes.Equal(b, after[n]) {
			t.Errorf("%s changed", n)
		}
	}
}

func TestSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01T00:00:00Z
	book := bundledBook(t)
	d, err := Date(book)
	if err != nil || d.Format("2006-01-02") != "2026-01-01" {
		t.Errorf("date %v, %v", d, err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "soon")
	if _, err := Date(book); err == nil {
		t.Error("a bad SOURCE_DATE_EPOCH must be refused")
	}
}

func TestParseOnly(t *testing.T) {
	if _, err := ParseOnly("workbook,nosuch"); err == nil {
		t.Error("unknown target accepted")
	}
	set, err := ParseOnly(" workbook ")
	if err != nil || !set["workbook"] {
		t.Errorf("%v %v", set, err)
	}
}

// TestRebuildKeepsUserFiles builds the bundled sources, adds a user's
// files among the outputs (a filled-in copy of the workbook, a PDF in
// slides/), builds again, and finds them unchanged beside fresh outputs.
func TestRebuildKeepsUserFiles(t *testing.T) {
	out := t.TempDir()
	opts := Options{Sources: "../../sources", Layouts: "../../layouts", Out: out, Only: map[string]bool{"workbook": true, "quicklist": true}}
	res, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	written := res.Paths()
	var book string
	for _, w := range written {
		if strings.HasSuffix(w, ".xlsx") {
			book = w
		}
	}
	filled, _ := os.ReadFile(book)
	user := map[string][]byte{
		strings.TrimSuffix(book, ".xlsx") + "-yamada.xlsx": filled,
		filepath.Join(out, "slides", "my-talk.pdf"):        []byte("%PDF-1.4 mine"),
	}
	for p, b := range user {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, b, 0o644)
	}
	opts.Only = nil
	if _, err := Run(opts); err != nil {
		t.Fatal(err)
	}
	for p, b := range user {
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s is gone or changed", p)
		}
	}
}

// TestOneAnswerQuestion builds every output from a flow whose question has
// a single answer (this once crashed the flow diagram).
func TestOneAnswerQuestion(t *testing.T) {
	src := t.TempDir()
	entries, _ := os.ReadDir("../../sources")
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, _ := os.ReadFile(filepath.Join("../../sources", e.Name()))
		if e.Name() == "flow.yaml" {
			cut := bytes.Replace(b, []byte("      - label: 被害届を出したい\n        situation: crime-report\n"), nil, 1)
			if len(cut) == len(b) {
				t.Fatal("flow.yaml no longer has the answer this test removes")
			}
			b = cut
		}
		os.WriteFile(filepath.Join(src, e.Name()), b, 0o644)
	}
	os.MkdirAll(filepath.Join(src, "decks"), 0o755)
	decks, _ := os.ReadDir("../../sources/decks")
	for _, e := range decks {
		b, _ := os.ReadFile(filepath.Join("../../sources/decks", e.Name()))
		os.WriteFile(filepath.Join(src, "decks", e.Name()), b, 0o644)
	}
	if _, err := Run(Options{Sources: src, Layouts: "../../layouts", Out: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
}

// makeInMemory runs the jobs of a target into memory, as the benchmarks
// measure a target without the output folder.
func makeInMemory(ctx *Context, jobs func(*Context) ([]Job, error)) ([]Output, error) {
	js, err := jobs(ctx)
	if err != nil {
		return nil, err
	}
	var outs []Output
	for _, j := range js {
		err := j.Make(func(name string, pages int, write func(io.Writer) error) error {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				return err
			}
			outs = append(outs, Output{Name: name, Pages: pages, Data: b.Bytes()})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return outs, nil
}
