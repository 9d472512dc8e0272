package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the exit, stdout and stderr sections of testdata/*.txtar with what the command printed")

// archive is a txtar-style test case: a comment, then named sections, each
// introduced by a line "-- name --".
type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data string
}

var marker = regexp.MustCompile(`(?m)^-- (.+) --$\n?`)

func parseArchive(data string) archive {
	var a archive
	locs := marker.FindAllStringSubmatchIndex(data, -1)
	if len(locs) == 0 {
		a.comment = data
		return a
	}
	a.comment = data[:locs[0][0]]
	for i, l := range locs {
		end := len(data)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		a.files = append(a.files, archiveFile{name: data[l[2]:l[3]], data: data[l[1]:end]})
	}
	return a
}

func (a archive) get(name string) (string, bool) {
	for _, f := range a.files {
		if f.name == name {
			return f.data, true
		}
	}
	return "", false
}

// set replaces (or adds) the section name.
func (a *archive) set(name, data string) {
	for i := range a.files {
		if a.files[i].name == name {
			a.files[i].data = data
			return
		}
	}
	a.files = append(a.files, archiveFile{name: name, data: data})
}

func (a archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, f := range a.files {
		fmt.Fprintf(&b, "-- %s --\n%s", f.name, f.data)
	}
	return b.String()
}

// copyDir copies the regular files of src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			copyDir(t, filepath.Join(src, e.Name()), filepath.Join(dst, e.Name()))
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// applyEdit changes the file at path as an "edit NAME" section says: each
// block of lines starting "- " (the lines to find, consecutive and exactly
// once in the file) is replaced by the lines starting "+ " that follow it.
// A bare "-" or "+" stands for an empty line.
func applyEdit(t *testing.T, path, edit string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("edit %s: %v", path, err)
	}
	text := string(data)
	var find, repl []string
	flush := func() {
		if len(find) == 0 && len(repl) == 0 {
			return
		}
		if len(find) == 0 {
			t.Fatalf("edit %s: lines to add without lines to replace", path)
		}
		old := strings.Join(find, "\n") + "\n"
		if n := strings.Count(text, old); n != 1 {
			t.Fatalf("edit %s: the lines\n%sare found %d times, want once", path, old, n)
		}
		nw := ""
		if len(repl) > 0 {
			nw = strings.Join(repl, "\n") + "\n"
		}
		text = strings.Replace(text, old, nw, 1)
		find, repl = nil, nil
	}
	for _, l := range strings.Split(strings.TrimSuffix(edit, "\n"), "\n") {
		switch {
		case l == "-" || strings.HasPrefix(l, "- "):
			if len(repl) > 0 {
				flush()
			}
			find = append(find, strings.TrimPrefix(strings.TrimPrefix(l, "-"), " "))
		case l == "+" || strings.HasPrefix(l, "+ "):
			repl = append(repl, strings.TrimPrefix(strings.TrimPrefix(l, "+"), " "))
		case strings.TrimSpace(l) == "":
			flush()
		default:
			t.Fatalf("edit %s: a line must start with \"- \" or \"+ \": %q", path, l)
		}
	}
	flush()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return text
}

// positioned matches a message that names a source or layout file and a
// line and column.
var positioned = regexp.MustCompile(`^(sources|layouts)/[^:]+(:\d+:\d+)?: `)

// closing matches the lines that close a list of problems.
var closing = regexp.MustCompile(`^(\d+ 件の問題が見つかりました。|ほか \d+ 件の問題があります$)`)

var wantRe = regexp.MustCompile(`#\s*want:\s*"(.*)"\s*$`)

// durations matches the sizes and times in a build summary, which vary
// with every change to the drawing and every run.
var durations = regexp.MustCompile(`(?m) +\d+\.\d KB +\d+ ms$| +\d+\.\d KB  最新のまま$|）\d+\.\d+ 秒$`)

// earlier is what the output folder holds before each case: a file an
// earlier build wrote, with sodan's record of it.
const earlier = "earlier output"

func seedOut(t *testing.T, out string) {
	t.Helper()
	sum := sha256.Sum256([]byte(earlier))
	manifest := fmt.Sprintf(`{"format": 1, "files": [{"name": "earlier.pdf", "target": "quicklist", "sha256": "%s"}]}`, hex.EncodeToString(sum[:]))
	os.MkdirAll(filepath.Join(out, ".sodan"), 0o755)
	os.WriteFile(filepath.Join(out, ".sodan", "manifest.json"), []byte(manifest), 0o644)
	os.WriteFile(filepath.Join(out, "earlier.pdf"), []byte(earlier), 0o644)
}

// snapshot lists every file below dir with its bytes.
func snapshot(dir string) map[string]string {
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return files
}

// TestScripts runs every testdata/*.txtar case. A case lays its files over
// a copy of testdata/base (as sources/…) and of the bundled layouts; a
// section "edit NAME" changes a few lines of a copied file instead of
// replacing it. It runs the command in the "cmd" section and checks:
//   - the exit code ("exit", default 1), stdout and stderr, exactly
//     (go test -update rewrites them);
//   - each line of a source or layout that ends in # want: "COL: FIELD:
//     MSG" produced a message "FILE:LINE:COL: FIELD: MSG…";
//   - on exit 1, every message names its file, line and column, except
//     the closing count and command-level errors ("sodan …: …");
//   - a failed run leaves the output folder exactly as it was, and sources
//     that fail check also fail build.
func TestScripts(t *testing.T) {
	cases, _ := filepath.Glob("testdata/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no test cases")
	}
	for _, path := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := parseArchive(string(data))
			dir := t.TempDir()
			copyDir(t, "testdata/base", filepath.Join(dir, "sources"))
			copyDir(t, "../../layouts", filepath.Join(dir, "layouts"))
			var wants []string
			for _, f := range a.files {
				name, edit := strings.CutPrefix(f.name, "edit ")
				if !strings.HasPrefix(name, "sources/") && !strings.HasPrefix(name, "layouts/") {
					continue
				}
				target := filepath.Join(dir, name)
				text := f.data
				switch {
				case edit:
					text = applyEdit(t, target, f.data)
				case f.data == "DELETE\n":
					os.RemoveAll(target)
					continue
				default:
					os.MkdirAll(filepath.Dir(target), 0o755)
					if err := os.WriteFile(target, []byte(f.data), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				for i, line := range strings.Split(text, "\n") {
					if m := wantRe.FindStringSubmatch(line); m != nil {
						wants = append(wants, fmt.Sprintf("%s:%d:%s", name, i+1, m[1]))
					}
				}
			}
			out := filepath.Join(dir, "out")
			seedOut(t, out)
			before := snapshot(out)

			cmd, _ := a.get("cmd")
			args := strings.Fields(cmd)
			if len(args) > 0 && (args[0] == "check" || args[0] == "build") {
				args = append(args[:1], append([]string{"-sources", filepath.Join(dir, "sources")}, args[1:]...)...)
				if args[0] == "build" {
					args = append(args, "-o", out, "-layouts", filepath.Join(dir, "layouts"))
				}
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			clean := func(s string) string {
				s = strings.ReplaceAll(s, dir+string(filepath.Separator), "")
				// Times in the build summary vary from run to run.
				s = durations.ReplaceAllStringFunc(s, func(d string) string {
					switch {
					case strings.HasSuffix(d, "秒"):
						return "）N 秒"
					case strings.HasSuffix(d, "最新のまま"):
						return " N KB 最新のまま"
					}
					return " N KB N ms"
				})
				return s
			}
			errText, outText := clean(stderr.String()), clean(stdout.String())

			if *update {
				a.set("exit", fmt.Sprintf("%d\n", code))
				a.set("stdout", outText)
				a.set("stderr", errText)
				if err := os.WriteFile(path, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			s, ok := a.get("exit")
			wantCode, err := strconv.Atoi(strings.TrimSpace(s))
			if !ok || err != nil {
				t.Fatalf("the case needs an exit section holding a number (go test -update writes it), has %q", s)
			}
			if code != wantCode {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, wantCode, errText)
			}
			for _, pair := range []struct{ name, got string }{{"stdout", outText}, {"stderr", errText}} {
				if want, _ := a.get(pair.name); pair.got != want {
					t.Errorf("%s is\n%s\nwant\n%s(go test -update rewrites it)", pair.name, pair.got, want)
				}
			}
			lines := strings.Split(strings.TrimSuffix(errText, "\n"), "\n")
			for _, w := range wants {
				found := false
				for _, l := range lines {
					found = found || strings.HasPrefix(l, w)
				}
				if !found {
					t.Errorf("missing message: %s…", w)
				}
			}
			if code == 1 {
				for _, l := range lines {
					if !positioned.MatchString(l) && !closing.MatchString(l) && !strings.HasPrefix(l, "sodan ") && !strings.HasPrefix(l, "警告: ") {
						t.Errorf("a message without file:line:col: %s", l)
					}
				}
			}
			if code == 1 && args[0] == "check" {
				// The same sources must also stop a build.
				bargs := []string{"build", "-sources", filepath.Join(dir, "sources"), "-o", out, "-layouts", filepath.Join(dir, "layouts")}
				var bo, be bytes.Buffer
				if c := run(bargs, &bo, &be); c != 1 {
					t.Errorf("build exit code %d, want 1\n%s", c, be.String())
				}
			}
			if code != 0 {
				after := snapshot(out)
				var changed []string
				for n, b := range after {
					if before[n] != b {
						changed = append(changed, n)
					}
				}
				for n := range before {
					if _, ok := after[n]; !ok {
						changed = append(changed, n)
					}
				}
				sort.Strings(changed)
				if len(changed) > 0 {
					t.Errorf("a failed run changed the output folder: %v", changed)
				}
			}
		})
	}
}
