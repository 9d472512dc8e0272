package build

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sodan/internal/testtool"
	"sodan/internal/yamlpos"
)

var scaledDir = flag.String("scaled-dir", "", "with TestWriteScaled: write the bundled project at -scale times its content into this folder")
var scale = flag.Int("scale", 30, "with TestWriteScaled: how many times the content")

// scaled writes the bundled project at n times its content into dir
// (dir/sources, dir/layouts) and returns dir: every contact, situation
// and resource group n times (the copies quoting the copies), every
// deck's slides n times, and n times the ledger rows. The files are
// written as JSON, which is YAML too; they stay valid sources.
func scaled(t testing.TB, dir string, n int) string {
	t.Helper()
	src, lay := filepath.Join(dir, "sources"), filepath.Join(dir, "layouts")
	copyTree(t, "../../sources", src)
	copyTree(t, "../../layouts", lay)
	edit := func(name string, change func(map[string]any)) {
		p := filepath.Join(dir, name)
		b := mustRead(t, p)
		v, err := yamlpos.Value(b)
		if err != nil {
			t.Fatal(err)
		}
		m := v.(map[string]any)
		change(m)
		out, err := json.MarshalIndent(m, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p, out, 0o644)
	}
	suffix := func(id any, k int) string { return fmt.Sprintf("%s-x%d", id, k) }
	// copies makes k = 2..n copies of each map in list, renaming ids and
	// the references named in refs (keys holding an id or a list of them).
	copies := func(list []any, refs ...string) []any {
		out := append([]any(nil), list...)
		for k := 2; k <= n; k++ {
			for _, e := range list {
				b, _ := json.Marshal(e)
				var c map[string]any
				json.Unmarshal(b, &c)
				c["id"] = suffix(c["id"], k)
				for _, r := range refs {
					switch v := c[r].(type) {
					case string:
						c[r] = suffix(v, k)
					case []any:
						for i, x := range v {
							switch x := x.(type) {
							case string:
								v[i] = suffix(x, k)
							case map[string]any:
								x["contact"] = suffix(x["contact"], k)
							}
						}
					}
				}
				out = append(out, c)
			}
		}
		return out
	}
	edit("sources/contacts.yaml", func(m map[string]any) {
		m["contacts"] = copies(m["contacts"].([]any))
		delete(m, "corrections")
	})
	edit("sources/quicklist.yaml", func(m map[string]any) {
		sits := m["situations"].([]any)
		m["situations"] = copies(sits, "contacts")
		for _, c := range m["checks"].([]any) {
			c := c.(map[string]any)
			if ids, ok := c["situations"].([]any); ok {
				var more []any
				for k := 2; k <= n; k++ {
					for _, id := range ids {
						more = append(more, suffix(id, k))
					}
				}
				c["situations"] = append(ids, more...)
			}
		}
	})
	edit("sources/resources.yaml", func(m map[string]any) {
		m["groups"] = copies(m["groups"].([]any), "contacts")
	})
	decks, _ := filepath.Glob(filepath.Join(src, "decks", "*.yaml"))
	for _, d := range decks {
		rel, _ := filepath.Rel(dir, d)
		edit(rel, func(m map[string]any) {
			slides := m["slides"].([]any)
			var all []any
			for k := 0; k < n; k++ {
				all = append(all, slides...)
			}
			m["slides"] = all
		})
	}
	wb := filepath.Join(lay, "workbook.yaml")
	b, _ := os.ReadFile(wb)
	rows := regexp.MustCompile(`(?m)^ledger_rows: (\d+)`)
	b = rows.ReplaceAllFunc(b, func(l []byte) []byte {
		var r int
		fmt.Sscanf(strings.TrimPrefix(string(l), "ledger_rows: "), "%d", &r)
		return []byte(fmt.Sprintf("ledger_rows: %d", min(r*n, 5000)))
	})
	os.WriteFile(wb, b, 0o644)
	// The quick list grows past its two pages: allowed, with a warning.
	ql := filepath.Join(lay, "quicklist-a4.yaml")
	b, _ = os.ReadFile(ql)
	os.WriteFile(ql, regexp.MustCompile(`(?m)^max_pages: \d+`).ReplaceAll(b, []byte(fmt.Sprintf("max_pages: %d", 3*n))), 0o644)
	return dir
}

// TestScaledContentBuilds: ten times the bundled content still checks and
// builds.
func TestScaledContentBuilds(t *testing.T) {
	testtool.Long(t)
	dir := scaled(t, t.TempDir(), 10)
	res, err := Run(Options{Sources: filepath.Join(dir, "sources"), Layouts: filepath.Join(dir, "layouts"), Out: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, o := range res.Outputs {
		pages += o.Pages
	}
	t.Logf("10× content: %d outputs, %d pages in %.1f s", len(res.Outputs), pages, res.Took.Seconds())
}

// TestWriteScaled writes a scaled project for measuring a build from the
// command line: go test ./internal/build -run TestWriteScaled -scaled-dir DIR -scale 30.
func TestWriteScaled(t *testing.T) {
	if *scaledDir == "" {
		t.Skip("give -scaled-dir")
	}
	scaled(t, *scaledDir, *scale)
}

func benchmarkBuild(b *testing.B, n int) {
	dir := b.TempDir()
	if n > 1 {
		scaled(b, dir, n)
	} else {
		copyTree(b, "../../sources", filepath.Join(dir, "sources"))
		copyTree(b, "../../layouts", filepath.Join(dir, "layouts"))
	}
	opts := Options{Sources: filepath.Join(dir, "sources"), Layouts: filepath.Join(dir, "layouts"), Force: true}
	b.ReportAllocs()
	for b.Loop() {
		opts.Out = b.TempDir()
		if _, err := Run(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is a whole cold build (every output made and written)
// at 1×, 10× and 30× the bundled content.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1, 10, 30} {
		b.Run(fmt.Sprintf("%dx", n), func(b *testing.B) { benchmarkBuild(b, n) })
	}
}
