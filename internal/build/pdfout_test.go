package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sodan/internal/testtool"
)

// TestEveryPDFCarriesTheBuild builds the bundled sources with a build date
// of their own and reads every PDF's document information back with
// pdfinfo: the program, the language and both dates are the build's, in
// every kind of file (quick list, decks, handouts, notes, and each
// seminar kit's files), while the planners set none of them.
func TestEveryPDFCarriesTheBuild(t *testing.T) {
	testtool.Need(t, "pdfinfo")
	t.Setenv("SOURCE_DATE_EPOCH", "1767261600") // 2026-01-01T10:00:00Z
	res := buildBundled(t, t.TempDir())
	n := 0
	for _, p := range res.Paths() {
		if filepath.Ext(p) != ".pdf" {
			continue
		}
		n++
		info := testtool.Run(t, "pdfinfo", "-isodates", p)
		for _, want := range []string{"\nCreator:         sodan\n", "\nCreationDate:    2026-01-01T10:00:00", "\nModDate:         2026-01-01T10:00:00"} {
			if !strings.Contains(info, want) {
				t.Errorf("%s: pdfinfo lacks %q:\n%s", filepath.Base(p), strings.TrimSpace(want), info)
			}
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("\n/Lang (ja-JP)\n")) {
			t.Errorf("%s: the catalog names no language ja-JP", filepath.Base(p))
		}
	}
	if n < 10 {
		t.Errorf("%d PDFs read, want every kind of the bundled build", n)
	}
}
