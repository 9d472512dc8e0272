package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInitThenBuild makes a project in an empty folder outside the
// repository from what the binary embeds, then builds it there with the
// default folders: every output is written. A second init into the same
// folder is refused and changes nothing.
func TestInitThenBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every output")
	}
	dir := filepath.Join(t.TempDir(), "新しい相談会")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"init", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, stderr.String())
	}
	t.Chdir(dir)
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"build"}, &stdout, &stderr); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr.String())
	}
	var written []string
	for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		if f := strings.Fields(l); len(f) > 1 && strings.HasPrefix(f[0], "out/") {
			written = append(written, f[0])
		}
	}
	var pdfs, books int
	for _, w := range written {
		if _, err := os.Stat(w); err != nil {
			t.Errorf("%s was reported but is not there", w)
		}
		switch filepath.Ext(w) {
		case ".pdf":
			pdfs++
		case ".xlsx":
			books++
		}
	}
	decks, _ := filepath.Glob("sources/decks/*.yaml")
	if want := 1 + 4*len(decks); pdfs != want || books != 1 || len(decks) == 0 {
		t.Errorf("%d PDFs and %d workbooks from %d decks, want %d and 1", pdfs, books, len(decks), want)
	}
	if _, err := os.Stat("README.md"); err != nil {
		t.Error("no README.md in the new project")
	}
	before, _ := os.ReadFile("sources/contacts.yaml")
	if code := run([]string{"init", "."}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "空ではありません") {
		t.Errorf("init into a full folder: exit %d\n%s", code, stderr.String())
	}
	if after, _ := os.ReadFile("sources/contacts.yaml"); !bytes.Equal(before, after) {
		t.Error("a refused init changed a file")
	}
}

// TestSchemaKeepsOtherFiles: sodan schema replaces the schemas it wrote,
// but refuses, before writing any, to overwrite a file of the same name
// that it did not write.
func TestSchemaKeepsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"schema", "-o", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	if code := run([]string{"schema", "-o", dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("writing over its own schemas: exit %d\n%s", code, stderr.String())
	}
	mine := filepath.Join(dir, "contacts.schema.json")
	os.WriteFile(mine, []byte(`{"$id": "my-own.json"}`), 0o644)
	deck := filepath.Join(dir, "deck.schema.json")
	before, _ := os.ReadFile(deck)
	stderr.Reset()
	if code := run([]string{"schema", "-o", dir}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "sodan が書いたスキーマではないので、上書きしません") {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	if b, _ := os.ReadFile(mine); string(b) != `{"$id": "my-own.json"}` {
		t.Error("the user's file was overwritten")
	}
	if after, _ := os.ReadFile(deck); !bytes.Equal(before, after) {
		t.Error("a refused run wrote another schema")
	}
}
