package yamlpos

import (
	"strings"
	"testing"

	"sodan/internal/diag"
)

type doc struct {
	Title Str   `yaml:"title"`
	Deep  deep  `yaml:"deep"`
	List  []Str `yaml:"list"`
}

type deep struct {
	Title Str `yaml:"title"`
}

func decodeErr(t *testing.T, src string) (string, bool) {
	t.Helper()
	var d doc
	var errs diag.List
	ok := Decode("f.yaml", []byte(src), &d, &errs)
	return errs.Error(), ok
}

// TestLimits: a file too large, a text too long and nesting too deep are
// each refused with a Japanese message and a position, and quickly (no
// step is proportional to more than the file's size).
func TestLimits(t *testing.T) {
	block := ""
	for i := 0; i < MaxDepth+2; i++ {
		block += strings.Repeat("  ", i) + "- \n"
	}
	for _, c := range []struct {
		name, src, want string
		parsed          bool
	}{
		{"file too large", "title: " + strings.Repeat("あ", 3000000) + "\n", "f.yaml: ファイルが大きすぎます（1024 KB を超えています）", false},
		{"text too long", "title: x\nlist:\n  - " + strings.Repeat("あ", MaxText+1) + "\n", "f.yaml:3:5: list[0]: 文が長すぎます（4001 文字。4000 文字まで）", true},
		{"text at the limit", "title: " + strings.Repeat("あ", MaxText) + "\n", "", true},
		{"flow nesting", "title: x\nlist: " + strings.Repeat("[", 11000) + strings.Repeat("]", 11000) + "\n", "f.yaml:2:71: リストやキーの入れ子が深すぎます（64 段まで）", false},
		{"brackets inside quotes", "title: \"" + strings.Repeat("[", 100) + "\"\n", "", true},
		{"brackets inside a comment", "title: x # " + strings.Repeat("{", 100) + "\n", "", true},
		{"block nesting", "list:\n" + block, "f.yaml:66:129: リストやキーの入れ子が深すぎます（64 段まで）", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, parsed := decodeErr(t, c.src)
			if c.want == "" && got != "" {
				t.Errorf("unexpected problem: %s", got)
			}
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("got  %s\nwant %s…", got, c.want)
			}
			if parsed != c.parsed {
				t.Errorf("parsed %v, want %v", parsed, c.parsed)
			}
		})
	}
}
