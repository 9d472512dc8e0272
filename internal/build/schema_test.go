package build

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"sodan/internal/layout/spec"
	"sodan/internal/yamlpos"
)

var updateSchemas = flag.Bool("update-schemas", false, "rewrite the bundled JSON Schemas")

// bundledFiles lists the bundled files a schema describes, relative to the
// repository, by the schema's glob.
func bundledFiles(t *testing.T, s Schema) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("../..", s.Dir, filepath.FromSlash(s.For)))
	if len(files) == 0 {
		t.Fatalf("no bundled file for %s", s.For)
	}
	return files
}

// TestSchemasUpToDate: the schemas in the repository are the ones the
// types give now (go test -update-schemas rewrites them), and every
// bundled file names its schema in its first line.
func TestSchemasUpToDate(t *testing.T) {
	schemas, err := Schemas()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range schemas {
		p := filepath.Join("../..", s.Dir, SchemaDir, s.Name)
		if *updateSchemas {
			os.WriteFile(p, s.Data, 0o644)
		}
		if b, err := os.ReadFile(p); err != nil || !bytes.Equal(b, s.Data) {
			t.Errorf("%s is stale or missing: run sodan schema (or go test ./internal/build -update-schemas)", p)
		}
		for _, f := range bundledFiles(t, s) {
			b, _ := os.ReadFile(f)
			if first, _, _ := strings.Cut(string(b), "\n"); first != s.Modeline() {
				t.Errorf("%s starts with %q, want %q", f, first, s.Modeline())
			}
		}
	}
}

// compile compiles the schemas into one compiler.
func compile(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	schemas, err := Schemas()
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	for _, s := range schemas {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(s.Data))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(s.Name, doc); err != nil {
			t.Fatal(err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, s := range schemas {
		sch, err := c.Compile(s.Name)
		if err != nil {
			t.Fatalf("%s: %v", s.Name, err)
		}
		out[s.For] = sch
	}
	return out
}

// asJSON turns YAML into the values a JSON Schema validator takes
// (through JSON, so numbers are the validator's own).
func asJSON(t *testing.T, data []byte) any {
	t.Helper()
	v, err := yamlpos.Value(data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestBundledFilesMatchSchemas validates every bundled source against its
// schema with a JSON Schema validator.
func TestBundledFilesMatchSchemas(t *testing.T) {
	compiled := compile(t)
	schemas, _ := Schemas()
	for _, s := range schemas {
		for _, f := range bundledFiles(t, s) {
			b, _ := os.ReadFile(f)
			if err := compiled[s.For].Validate(asJSON(t, b)); err != nil {
				t.Errorf("%s: %#v", f, err)
			}
		}
	}
}

// TestBrokenFilesFailSchema: mistakes an editor makes fail the schema, as
// they fail check.
func TestBrokenFilesFailSchema(t *testing.T) {
	compiled := compile(t)
	for _, c := range []struct {
		name, file, old, new string
	}{
		{"misspelt key", "contacts.yaml", "    verified_on: 2025-04-15\n", "    verifed_on: 2025-04-15\n"},
		{"bad scope", "contacts.yaml", "    scope: national\n", "    scope: japan\n"},
		{"bad id", "contacts.yaml", "  - id: ipa-anshin\n", "  - id: IPA_Anshin\n"},
		{"bad phone", "contacts.yaml", `"03-5978-7509"`, `"03-5978-750"`},
		{"bad date", "edition.yaml", "date: 2026-", "date: 26-"},
		{"list expected", "columns.yaml", "    paragraphs:\n", "    paragraphs: 本文\n    x:\n"},
		{"unknown slide kind", "decks/flow.yaml", "kind: flow", "kind: diagram"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := t.TempDir()
			copyTree(t, "../../sources", src)
			p := filepath.Join(src, filepath.FromSlash(c.file))
			b, _ := os.ReadFile(p)
			if !strings.Contains(string(b), c.old) {
				t.Fatalf("%s does not hold %q", c.file, c.old)
			}
			b = []byte(strings.Replace(string(b), c.old, c.new, 1))
			os.WriteFile(p, b, 0o644)
			key := c.file
			if path.Dir(c.file) == "decks" {
				key = "decks/*.yaml"
			}
			if err := compiled[key].Validate(asJSON(t, b)); err == nil {
				t.Error("the schema accepts it")
			}
			if _, errs := Check(os.DirFS(src), "sources"); len(errs) == 0 {
				t.Error("check accepts it")
			}
		})
	}
}

// TestBrokenLayoutFailsSchema: a misspelt key and a word where a number
// goes, in a layout file, fail its schema as they fail the layout reader.
func TestBrokenLayoutFailsSchema(t *testing.T) {
	compiled := compile(t)
	b, _ := os.ReadFile("../../layouts/quicklist-a4.yaml")
	for _, c := range []struct{ old, new string }{
		{"  gutter:", "  guter:"},
		{"max_pages: 2", "max_pages: two"},
	} {
		if !strings.Contains(string(b), c.old) {
			t.Fatalf("quicklist-a4.yaml does not hold %q", c.old)
		}
		broken := []byte(strings.Replace(string(b), c.old, c.new, 1))
		if err := compiled[spec.QuickListFile].Validate(asJSON(t, broken)); err == nil {
			t.Errorf("%q: the schema accepts it", c.new)
		}
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, spec.QuickListFile), broken, 0o644)
		if _, errs := spec.ReadQuickList(os.DirFS(dir), "layouts"); len(errs) == 0 {
			t.Errorf("%q: the reader accepts it", c.new)
		}
	}
}
