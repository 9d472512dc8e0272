package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sodan/internal/diag"
	"sodan/internal/testtool"
)

// mutation is one way to break a source file.
type mutation struct {
	file string
	what string
	data []byte
}

// mutations makes variants of every bundled source file, line by line:
// each key deleted with the block under it, its value emptied, the line
// doubled (a duplicate key or item), the line's value made very long. They
// stand for the mistakes an editor can make.
func mutations(t *testing.T) []mutation {
	var out []mutation
	files, _ := filepath.Glob("../../sources/*.yaml")
	decks, _ := filepath.Glob("../../sources/decks/*.yaml")
	events, _ := filepath.Glob("../../sources/events/*.yaml")
	for _, f := range append(append(files, decks...), events...) {
		data := mustRead(t, f)
		rel, _ := filepath.Rel("../../sources", f)
		lines := strings.Split(string(data), "\n")
		for i, l := range lines {
			m := keyLine.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			variant := func(what string, repl ...string) {
				v := append(append(append([]string(nil), lines[:i]...), repl...), lines[i+1:]...)
				out = append(out, mutation{file: rel, what: fmt.Sprintf("line %d: %s", i+1, what), data: []byte(strings.Join(v, "\n"))})
			}
			// The block under the key: the following lines indented more.
			end := i + 1
			for end < len(lines) && (strings.TrimSpace(lines[end]) == "" || indent(lines[end]) > indent(l)) {
				end++
			}
			block := append(append([]string(nil), lines[:i]...), lines[end:]...)
			out = append(out, mutation{file: rel, what: fmt.Sprintf("line %d: delete %s", i+1, m[2]), data: []byte(strings.Join(block, "\n"))})
			variant("double", l, l)
			if v := strings.TrimSpace(m[3]); v != "" && !strings.HasPrefix(v, "#") {
				variant("empty "+m[2], m[1]+m[2]+":")
				if !strings.ContainsAny(v[:1], "[{&*|>\"'") {
					variant("long "+m[2], m[1]+m[2]+": "+strings.Repeat(v+"と", 40))
				}
			}
		}
	}
	return out
}

// keyLine matches a line holding a key: indentation (and "- "), the key,
// the rest.
var keyLine = regexp.MustCompile(`^(\s*(?:- )?)([A-Za-z_][\w]*):(.*)$`)

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " -")) }

// TestMutatedSourcesNeverCrash checks many broken variants of the bundled
// sources: checking never panics and names the file of every problem; a
// sample is built in full (every target, and the seminars' kits for a
// broken seminar), which must end in an output or positioned problems,
// never a crash.
func TestMutatedSourcesNeverCrash(t *testing.T) {
	testtool.Long(t)
	muts := mutations(t)
	if len(muts) < 500 {
		t.Fatalf("only %d variants", len(muts))
	}
	src := t.TempDir()
	copyTree(t, "../../sources", src)
	// Under the race detector everything is several times slower: check
	// every fifth variant and build fewer in full.
	stride, every, everyLong := 1, len(muts)/40, 100
	if raceEnabled {
		stride, every, everyLong = 5, len(muts)/5/6, 80
	}
	full, long := 0, 0
	checked := 0
	for i, m := range muts {
		if i%stride != 0 {
			continue
		}
		checked++
		isLong := strings.HasPrefix(m.what, "long ")
		if isLong {
			long++
		}
		target := filepath.Join(src, m.file)
		orig, _ := os.ReadFile(target)
		os.WriteFile(target, m.data, 0o644)
		name := fmt.Sprintf("%s: %s", m.file, m.what)
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: panic: %v", name, r)
				}
			}()
			_, errs := Check(os.DirFS(src), "sources")
			for _, d := range errs {
				if d.Pos.File == "" || d.Msg == "" {
					t.Errorf("%s: problem without a file: %v", name, d)
				}
			}
			// Build a spread of the variants in full (slow: PDFs and a
			// workbook each time).
			isEvent := strings.HasPrefix(m.file, "events/")
			if (checked-1)%every == 0 || isLong && long%everyLong == 0 || isEvent && (checked-1)%8 == 0 {
				full++
				event := ""
				if isEvent {
					event = "all" // the seminars' kits
				}
				_, err := Run(Options{Sources: src, Layouts: "../../layouts", Out: t.TempDir(), Event: event})
				var l diag.List
				if err != nil && !errors.As(err, &l) && !errors.Is(err, ErrUnknownEvent) {
					t.Errorf("%s: build failed without positioned problems: %v", name, err)
				}
				for _, d := range l {
					if d.Pos.File == "" {
						t.Errorf("%s: build problem without a file: %v", name, d)
					}
				}
			}
		}()
		os.WriteFile(target, orig, 0o644)
	}
	t.Logf("%d of %d variants checked, %d built in full", checked, len(muts), full)
}
