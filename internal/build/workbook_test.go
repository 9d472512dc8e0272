package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWorkbookLayoutMistakes breaks layouts/workbook.yaml in several ways
// at once: the workbook target reports every problem with its own line
// and column, and writes nothing.
func TestWorkbookLayoutMistakes(t *testing.T) {
	layouts := t.TempDir()
	bundled := mustRead(t, "../../layouts/workbook.yaml")
	s := string(bundled)
	for _, r := range []struct{ old, new string }{
		{"\nfont_size: 10\n", "\nfont_size: big\n"},
		{"\nheader_fill: \"#D9E1F2\"\n", "\nheader_fill: \"#D9E1F2\"\nheader_fil: \"#D9E1F2\"\n"},
		{"  - fill: \"#EDF3FA\" # 小: ごく薄い青\n    font: \"#000000\"\n", ""},
		{"  left: 8\n", "  left: 80\n"},
		{"  asset: 18\n", "  assets: 18\n"},
	} {
		if !strings.Contains(s, r.old) {
			t.Fatalf("workbook.yaml has no %q; update this test", r.old)
		}
		s = strings.Replace(s, r.old, r.new, 1)
	}
	os.WriteFile(filepath.Join(layouts, "workbook.yaml"), []byte(s), 0o644)
	out := t.TempDir()
	_, err := Run(Options{Sources: "../../sources", Layouts: layouts, Out: out, Only: map[string]bool{"workbook": true}})
	if err == nil {
		t.Fatal("a broken workbook.yaml was accepted")
	}
	got := strings.ReplaceAll(err.Error(), layouts+"/", "")
	// at is the position of the text after marker.
	at := func(marker string) string {
		i := strings.Index(s, marker) + len(marker)
		line := strings.Count(s[:i], "\n") + 1
		col := len([]rune(s[strings.LastIndex(s[:i], "\n")+1:i])) + 1
		return fmt.Sprintf("workbook.yaml:%d:%d: ", line, col)
	}
	for _, want := range []string{
		at("\nfont_size: ") + "font_size: ここには数値が必要ですが、値「big」が書かれています",
		at("#D9E1F2\"\n") + "header_fil: 不明なキー「header_fil」です",
		at("bands:\n  - ") + "bands: 判定の色が 2 個しかありません。尺度「current」の判定 3 個（大・中・小）",
		at("  left: ") + "margins_mm.left: 0 以上 50 以下の値にしてください（単位は mm）",
		at("  assets: ") + "widths.assets: 台帳にない列です",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 5 {
		t.Errorf("%d problems, want 5:\n%s", n, got)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a failed build wrote %d files", len(entries))
	}
}
