package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"sodan/internal/diag"
)

// mutation is one way to break a source file.
type mutation struct {
	file string
	what string
	data []byte
}

// mutations makes variants of every bundled source file: each mapping entry
// deleted, its value emptied, a list cut to one item, a text made very
// long. They stand for the mistakes an editor can make.
func mutations(t *testing.T) []mutation {
	var out []mutation
	files, _ := filepath.Glob("../../sources/*.yaml")
	decks, _ := filepath.Glob("../../sources/decks/*.yaml")
	for _, f := range append(files, decks...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel("../../sources", f)
		var count int
		var root yaml.Node
		if err := yaml.Unmarshal(data, &root); err != nil {
			t.Fatal(err)
		}
		countPairs(&root, &count)
		for i := 0; i < count; i++ {
			for kind := 0; kind < 4; kind++ {
				var doc yaml.Node
				yaml.Unmarshal(data, &doc)
				n := 0
				what := mutate(&doc, i, kind, &n)
				if what == "" {
					continue
				}
				b, err := yaml.Marshal(&doc)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, mutation{file: rel, what: what, data: b})
			}
		}
	}
	return out
}

func countPairs(n *yaml.Node, count *int) {
	if n.Kind == yaml.MappingNode {
		*count += len(n.Content) / 2
	}
	for _, c := range n.Content {
		countPairs(c, count)
	}
}

// mutate changes the i-th mapping entry (in document order) of doc.
func mutate(n *yaml.Node, i, kind int, seen *int) string {
	if n.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(n.Content); j += 2 {
			if *seen == i {
				k, v := n.Content[j], n.Content[j+1]
				switch kind {
				case 0:
					n.Content = append(n.Content[:j], n.Content[j+2:]...)
					return "delete " + k.Value
				case 1:
					*v = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: ""}
					return "empty " + k.Value
				case 2:
					if v.Kind == yaml.SequenceNode && len(v.Content) > 1 {
						v.Content = v.Content[:1]
						return "one item in " + k.Value
					}
					return ""
				case 3:
					if v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
						v.Value = strings.Repeat(v.Value+"と", 40)
						return "long " + k.Value
					}
					return ""
				}
			}
			*seen++
		}
	}
	for _, c := range n.Content {
		if w := mutate(c, i, kind, seen); w != "" {
			return w
		}
	}
	return ""
}

// TestMutatedSourcesNeverCrash checks many broken variants of the bundled
// sources: checking never panics and names the file of every problem; a
// sample is built in full (every target), which must end in an output or
// positioned problems, never a crash.
func TestMutatedSourcesNeverCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds many variants")
	}
	muts := mutations(t)
	if len(muts) < 500 {
		t.Fatalf("only %d variants", len(muts))
	}
	src := t.TempDir()
	copyTree(t, "../../sources", src)
	// Under the race detector everything is several times slower: check
	// every fifth variant and build fewer in full.
	stride, every, everyLong := 1, len(muts)/20, 50
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
			if (checked-1)%every == 0 || isLong && long%everyLong == 0 {
				full++
				_, err := Run(Options{Sources: src, Layouts: "../../layouts", Out: t.TempDir()})
				var l diag.List
				if err != nil && !errors.As(err, &l) {
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

func copyTree(t *testing.T, from, to string) {
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
