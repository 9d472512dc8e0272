package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sodan/internal/testtool"
	"sort"
	"strings"
	"testing"
)

// built runs a build of a copy of the sources and returns, per output,
// whether it was made (not up to date).
func built(t *testing.T, opts Options) map[string]bool {
	t.Helper()
	res, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	made := map[string]bool{}
	for _, o := range res.Outputs {
		made[o.Name] = !o.Fresh
	}
	return made
}

func madeNames(m map[string]bool) string {
	var s []string
	for n, made := range m {
		if made {
			s = append(s, n)
		}
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}

// TestIncremental: a build with nothing changed makes nothing again; a
// changed deck makes only its four PDFs; a changed contact makes the quick
// list and the decks but not the workbook; -force makes everything; an
// output deleted by hand is made again, alone; an empty folder gives a
// full build.
func TestIncremental(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	copyTree(t, "../../sources", src)
	opts := Options{Sources: src, Layouts: "../../layouts", Out: out}
	all := built(t, opts)
	if len(all) < 10 || madeNames(all) == "" || strings.Count(madeNames(all), " ")+1 != len(all) {
		t.Fatalf("the first build made %q of %d", madeNames(all), len(all))
	}
	if got := madeNames(built(t, opts)); got != "" {
		t.Errorf("nothing changed, yet made: %s", got)
	}
	deck := filepath.Join(src, "decks", "flow.yaml")
	b, _ := os.ReadFile(deck)
	os.WriteFile(deck, append(b, []byte("# 一行足した\n")...), 0o644)
	if got, want := madeNames(built(t, opts)), "slides/consultation-flow-3up.pdf slides/consultation-flow-6up.pdf slides/consultation-flow-notes.pdf slides/consultation-flow.pdf"; got != want {
		t.Errorf("after a deck changed, made:\n%s\nwant:\n%s", got, want)
	}
	contacts := filepath.Join(src, "contacts.yaml")
	b, _ = os.ReadFile(contacts)
	os.WriteFile(contacts, []byte(strings.Replace(string(b), "03-5805-1731", "03-5805-1799", 1)), 0o644)
	got := madeNames(built(t, opts))
	if !strings.Contains(got, "quicklist-") || !strings.Contains(got, "slides/quicklist.pdf") || strings.Contains(got, "risk-analysis") {
		t.Errorf("after a contact changed, made: %s", got)
	}
	opts.Force = true
	if got := built(t, opts); madeNames(got) != madeNames(all) {
		t.Errorf("-force made %s", madeNames(got))
	}
	opts.Force = false
	os.Remove(filepath.Join(out, "slides", "quicklist-6up.pdf"))
	// Each file of a deck is a job of its own: only the deleted one is
	// made again.
	if got := madeNames(built(t, opts)); got != "slides/quicklist-6up.pdf" {
		t.Errorf("after an output was deleted, made: %s", got)
	}
	opts.Out = t.TempDir()
	if got := built(t, opts); madeNames(got) != madeNames(all) {
		t.Errorf("into an empty folder, made %s", madeNames(got))
	}
}

// textValue matches a line holding a printed text: the key, then a plain
// value.
var textValue = regexp.MustCompile(`(?m)^(\s*(?:- )?(?:title|text|purpose|lead|note|question|desk|org|hours|meaning|action|help|subtitle|quote|advice): )([^\s\[{|>&*'"#!%@].*)$`)

// eventValue is textValue for a seminar's file: the lecturers' names
// change with the programme's mentions of them.
var eventValue = regexp.MustCompile(`(?m)^(\s*(?:- )?(?:title|name|organiser|affiliation|room|address|break|qa|lecturer): )([^\s\[{|>&*'"#!%@].*)$`)

// TestJobInputsDeclared: each job's declared inputs include every source
// file its outputs depend on. For every source file, every printed text in
// it is changed; the outputs of each job that does not list the file must
// come out byte for byte the same. (Changed texts that a job did print
// would show in its bytes.)
func TestJobInputsDeclared(t *testing.T) {
	testtool.Long(t) // builds every output once per source file

	// Every output, and the kit of every seminar.
	build := func(src, out string) error {
		for _, event := range []string{"", "all"} {
			if _, err := Run(Options{Sources: src, Layouts: "../../layouts", Out: out, Event: event}); err != nil {
				return err
			}
		}
		return nil
	}
	base := t.TempDir()
	if err := build("../../sources", base); err != nil {
		t.Fatal(err)
	}
	before := listFiles(t, base)
	book := bundledBook(t)
	ctx := &Context{Book: book, Sources: os.DirFS("../../sources"), Layouts: os.DirFS("../../layouts"), LayoutsDir: "layouts", Date: book.Edition.Date}
	for i := range book.Events {
		ctx.Events = append(ctx.Events, &book.Events[i])
	}
	declared := map[string][]string{} // output → its job's sources
	for _, tg := range Targets {
		jobs, err := tg.Jobs(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range jobs {
			for _, o := range j.Outputs {
				declared[o] = j.Sources
			}
		}
	}
	files, _ := filepath.Glob("../../sources/*.yaml")
	decks, _ := filepath.Glob("../../sources/decks/*.yaml")
	events, _ := filepath.Glob("../../sources/events/*.yaml")
	if len(events) == 0 || len(declared) < 20 {
		t.Fatalf("%d seminars, %d outputs declared", len(events), len(declared))
	}
	for _, f := range append(append(files, decks...), events...) {
		rel, _ := filepath.Rel("../../sources", f)
		rel = filepath.ToSlash(rel)
		var unaffected []string
		for o, srcs := range declared {
			found := false
			for _, s := range srcs {
				found = found || s == rel
			}
			if !found {
				unaffected = append(unaffected, o)
			}
		}
		if len(unaffected) == 0 {
			continue
		}
		t.Run(rel, func(t *testing.T) {
			src := t.TempDir()
			copyTree(t, "../../sources", src)
			b, _ := os.ReadFile(f)
			value := textValue
			if strings.HasPrefix(rel, "events/") {
				value = eventValue
			}
			changed := value.ReplaceAllString(string(b), "${1}${2}・改")
			if changed == string(b) {
				t.Skip("no printed text to change")
			}
			os.WriteFile(filepath.Join(src, filepath.FromSlash(rel)), []byte(changed), 0o644)
			out := t.TempDir()
			if err := build(src, out); err != nil {
				t.Fatalf("the changed sources do not build: %v", err)
			}
			after := listFiles(t, out)
			for _, o := range unaffected {
				key := filepath.FromSlash(o)
				if string(before[key]) != string(after[key]) {
					t.Errorf("%s changed, but its job does not list %s among its inputs", o, rel)
				}
			}
		})
	}
}

// TestSameBytesAnyWorkers builds with one worker and with as many as
// there are processors: the same bytes, whatever the scheduling.
func TestSameBytesAnyWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every output twice")
	}
	var outs [2]map[string][]byte
	for i, procs := range []int{1, max(2, runtime.NumCPU())} {
		prev := runtime.GOMAXPROCS(procs)
		dir := t.TempDir()
		_, err := Run(Options{Sources: "../../sources", Layouts: "../../layouts", Out: dir})
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		outs[i] = listFiles(t, dir)
	}
	if len(outs[0]) != len(outs[1]) {
		t.Fatalf("%d and %d files", len(outs[0]), len(outs[1]))
	}
	for n, b := range outs[0] {
		if string(b) != string(outs[1][n]) {
			t.Errorf("%s differs between one worker and many", n)
		}
	}
}

// TestGoBuildID: the fingerprint of the binary is the build ID the go
// command reads from it, and a file with none gives "".
func TestGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	want := strings.TrimSpace(string(out))
	if got := goBuildID(exe); got != want || want == "" {
		t.Errorf("goBuildID = %q, go tool buildid says %q", got, want)
	}
	if got := binaryDigest(); got != "go "+want {
		t.Errorf("binaryDigest = %q", got)
	}
	if got := goBuildID(filepath.Join("..", "..", "go.mod")); got != "" {
		t.Errorf("go.mod has build ID %q", got)
	}
}
