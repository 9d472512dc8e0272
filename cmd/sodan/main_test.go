package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// archive is a txtar-style test case: a comment, then named files, each
// introduced by a line "-- name --".
type archive struct {
	comment string
	files   []archiveFile
}

type archiveFile struct {
	name string
	data string
}

func parseArchive(data string) archive {
	var a archive
	marker := regexp.MustCompile(`(?m)^-- (.+) --$\n?`)
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

// positioned matches a message that names a file and a line.
var positioned = regexp.MustCompile(`^(sources|layouts)/[^:]+:\d+:`)

var wantRe = regexp.MustCompile(`#\s*want:\s*"(.*)"\s*$`)

// TestScripts runs every testdata/*.txtar case. A case lays its files over
// a copy of testdata/base (as sources/…), runs the command named in its
// "cmd" file, and checks:
//   - the exit code (file "exit", default 1);
//   - each line of a source file that ends in # want: "COL: FIELD: MSG"
//     produced a message "sources/FILE:LINE:COL: FIELD: MSG…" (prefix
//     match), and no other positioned message was printed;
//   - each line of the "stderr" and "stdout" files appears in the output;
//   - the output folder still holds exactly what it held before.
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
			type want struct {
				prefix string
				seen   bool
			}
			var wants []*want
			for _, f := range a.files {
				if !strings.HasPrefix(f.name, "sources/") && !strings.HasPrefix(f.name, "layouts/") {
					continue
				}
				target := filepath.Join(dir, f.name)
				if f.data == "DELETE\n" {
					os.Remove(target)
					continue
				}
				os.MkdirAll(filepath.Dir(target), 0o755)
				if err := os.WriteFile(target, []byte(f.data), 0o644); err != nil {
					t.Fatal(err)
				}
				for i, line := range strings.Split(f.data, "\n") {
					if m := wantRe.FindStringSubmatch(line); m != nil {
						wants = append(wants, &want{prefix: fmt.Sprintf("%s:%d:%s", f.name, i+1, m[1])})
					}
				}
			}
			out := filepath.Join(dir, "out")
			os.MkdirAll(out, 0o755)
			os.WriteFile(filepath.Join(out, "earlier.pdf"), []byte("earlier output"), 0o644)

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
			errText := strings.ReplaceAll(stderr.String(), dir+string(filepath.Separator), "")
			outText := strings.ReplaceAll(stdout.String(), dir+string(filepath.Separator), "")

			wantCode := 1
			if s, ok := a.get("exit"); ok {
				wantCode, _ = strconv.Atoi(strings.TrimSpace(s))
			}
			if code != wantCode {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, wantCode, errText)
			}
			for _, line := range strings.Split(errText, "\n") {
				if !positioned.MatchString(line) {
					continue
				}
				matched := false
				for _, w := range wants {
					if strings.HasPrefix(line, w.prefix) {
						w.seen, matched = true, true
					}
				}
				if !matched {
					t.Errorf("unexpected message: %s", line)
				}
			}
			for _, w := range wants {
				if !w.seen {
					t.Errorf("missing message: %s…\nstderr:\n%s", w.prefix, errText)
				}
			}
			for _, pair := range []struct{ name, got string }{{"stderr", errText}, {"stdout", outText}} {
				if s, ok := a.get(pair.name); ok {
					for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
						if !strings.Contains(pair.got, l) {
							t.Errorf("%s lacks %q; it is:\n%s", pair.name, l, pair.got)
						}
					}
				}
			}
			if code == 1 && len(args) > 0 && args[0] == "check" {
				// The same sources must also stop a build, leaving out/ alone.
				bargs := []string{"build", "-sources", filepath.Join(dir, "sources"), "-o", out, "-layouts", filepath.Join(dir, "layouts")}
				var bo, be bytes.Buffer
				if c := run(bargs, &bo, &be); c != 1 {
					t.Errorf("build exit code %d, want 1\n%s", c, be.String())
				}
			}
			if code != 0 {
				entries, _ := os.ReadDir(out)
				b, _ := os.ReadFile(filepath.Join(out, "earlier.pdf"))
				if len(entries) != 1 || string(b) != "earlier output" {
					t.Errorf("a failed run changed the output folder: %d entries", len(entries))
				}
			}
		})
	}
}
