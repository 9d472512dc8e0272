package yamlpos

import (
	"strings"
	"testing"

	"sodan/internal/diag"
)

// head is what several files start with: it is inlined, embedded in one
// struct and named in another.
type head struct {
	At    diag.Loc `yaml:"-"`
	Title Str      `yaml:"title,required"`
	Size  Num      `yaml:"size"`
	Inner struct {
		Name Str `yaml:"name,required"`
	} `yaml:"inner"`
}

type embedding struct {
	head  `yaml:",inline"`
	Count Int `yaml:"count,required"`
}

type naming struct {
	Items []struct {
		Head head `yaml:",inline"`
		Note Str  `yaml:"note"`
	} `yaml:"items"`
}

func decodeInline(t *testing.T, src string, out any) string {
	t.Helper()
	var errs diag.List
	Decode("f.yaml", []byte(src), out, &errs)
	return errs.Error()
}

// TestInlineDecode: an inline struct's keys are read from the mapping that
// holds it, with their positions and data paths, whether the struct is
// embedded or a named field.
func TestInlineDecode(t *testing.T) {
	var e embedding
	if got := decodeInline(t, "title: 題\nsize: 2.5\ninner: {name: 名}\ncount: 3\n", &e); got != "" {
		t.Fatalf("unexpected problems: %s", got)
	}
	if e.Title.V != "題" || e.Size.V != 2.5 || e.Inner.Name.V != "名" || e.Count.V != 3 {
		t.Errorf("decoded %+v", e)
	}
	if p := e.Size.Loc; p.Line != 2 || p.Col != 7 || p.Field != "size" {
		t.Errorf("size at %+v, want line 2, column 7, field size", p)
	}
	if p := e.At; p.Line != 1 || p.Col != 1 {
		t.Errorf("the inline struct's own location is %+v, want the mapping's (1:1)", p)
	}

	var n naming
	if got := decodeInline(t, "items:\n  - title: a\n    note: b\n", &n); got != "" {
		t.Fatalf("unexpected problems: %s", got)
	}
	if len(n.Items) != 1 || n.Items[0].Head.Title.V != "a" || n.Items[0].Note.V != "b" {
		t.Fatalf("decoded %+v", n)
	}
	if f := n.Items[0].Head.Title.Loc.Field; f != "items[0].title" {
		t.Errorf("field %q, want items[0].title", f)
	}
}

// TestInlineProblems: unknown keys name the inline keys among those
// allowed, a required inline key is required of the outer mapping, and
// every message has the position and the data path of the outer mapping.
func TestInlineProblems(t *testing.T) {
	for _, c := range []struct {
		name, src string
		out       any
		want      []string
	}{
		{"unknown key", "title: a\ncount: 1\ncolour: 赤\n", &embedding{}, []string{
			"f.yaml:3:1: colour: 不明なキー「colour」です（使えるキー: count, inner, size, title）",
		}},
		{"required keys absent", "size: 1\n", &embedding{}, []string{
			"f.yaml:1:1: count: 必須の項目「count」がありません",
			"f.yaml:1:1: title: 必須の項目「title」がありません",
		}},
		{"required key empty", "title:\ncount: 1\n", &embedding{}, []string{
			"f.yaml:1:7: title: 必須の項目「title」が空です",
		}},
		{"inside an inline struct", "title: a\ncount: 1\ninner: {}\n", &embedding{}, []string{
			"f.yaml:3:8: inner.name: 必須の項目「name」がありません",
		}},
		{"wrong kind", "title: a\ncount: 1\nsize: [1]\n", &embedding{}, []string{
			"f.yaml:3:7: size: ここには数値が必要ですが、リスト（- で始まる項目）が書かれています",
		}},
		{"duplicate inline key", "title: a\ncount: 1\ntitle: b\n", &embedding{}, []string{
			"f.yaml:3:1: title: キー「title」が重複しています（最初は 1 行目）",
		}},
		{"in a list", "items:\n  - note: x\n    size: 1\n  - title: t\n    name: n\n", &naming{}, []string{
			"f.yaml:2:5: items[0].title: 必須の項目「title」がありません",
			"f.yaml:5:5: items[1].name: 不明なキー「name」です（使えるキー: inner, note, size, title）",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := decodeInline(t, c.src, c.out)
			if want := strings.Join(c.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestInlineSchema: the schema lists an inline struct's keys among the
// outer object's, in field order, and requires those it requires.
func TestInlineSchema(t *testing.T) {
	type flat struct {
		Title Str `yaml:"title,required"`
		Size  Num `yaml:"size"`
		Inner struct {
			Name Str `yaml:"name,required"`
		} `yaml:"inner"`
		Count Int `yaml:"count,required"`
	}
	opts := SchemaOptions{ID: "f.schema.json", Title: "f"}
	got, err := Schema(embedding{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Schema(flat{}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("inline schema\n%s\nwant the flat struct's\n%s", got, want)
	}
}

// TestInlineMistakes: a key both outside and inside an inline struct, and
// an inline field that is not a struct, are mistakes in the types.
func TestInlineMistakes(t *testing.T) {
	type twice struct {
		head  `yaml:",inline"`
		Title Str `yaml:"title"`
	}
	type notStruct struct {
		Title Str `yaml:",inline"`
	}
	for name, v := range map[string]any{"key twice": &twice{}, "not a struct": &notStruct{}} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			decodeInline(t, "title: a\n", v)
		})
	}
}
