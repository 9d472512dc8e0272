package gstate

import (
	"reflect"
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          Stats
		problems      int
	}{
		{"balanced", "q 1 0 0 RG q 0 g BT (x) Tj ET Q Q", Stats{Q: 2, QClose: 2, MaxDepth: 2}, 0},
		{"fpdf rounded rectangle", "q 10 20 m 30 20 l B\nq 5 5 m h f", Stats{Q: 2, MaxDepth: 2, Open: 2}, 1},
		{"closed rounded rectangle", "q 10 20 m 30 20 l B\nQ\n", Stats{Q: 1, QClose: 1, MaxDepth: 1}, 0},
		{"Q first", "Q q", Stats{Q: 1, QClose: 1, MaxDepth: 1, Unmatched: 1, Open: 1}, 2},
		// UTF-16 text holds the bytes of q and Q (U+3071 is 0x30 0x71).
		{"strings", `BT (0q\)Q\(\\) Tj <0051> Tj [(q) 2 (Q)] TJ ET % q Q q`, Stats{}, 0},
		{"names and operators", "/q gs /Q cs qq Q0", Stats{}, 0},
		{"nested parentheses", "((q)Q) Tj", Stats{}, 0},
		{"dictionary", "/P <</MCID 0>> BDC q EMC Q", Stats{Q: 1, QClose: 1, MaxDepth: 1}, 0},
		{"inline image", "q BI /W 1 /H 1 /BPC 8 /CS /G ID q\x00Q EI Q", Stats{Q: 1, QClose: 1, MaxDepth: 1}, 0},
		{"deep", strings.Repeat("q ", 29) + strings.Repeat("Q ", 29), Stats{Q: 29, QClose: 29, MaxDepth: 29}, 1},
		{"at the limit", strings.Repeat("q ", 28) + strings.Repeat("Q ", 28), Stats{Q: 28, QClose: 28, MaxDepth: 28}, 0},
	} {
		got, err := Scan([]byte(tc.content))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
		if p := got.Problems(); len(p) != tc.problems {
			t.Errorf("%s: problems %q, want %d", tc.name, p, tc.problems)
		}
	}
}

func TestScanErrors(t *testing.T) {
	for _, c := range []string{"(q", "<00", "BI ID xx", "q )"} {
		if _, err := Scan([]byte(c)); err == nil {
			t.Errorf("%q: no error", c)
		}
	}
}
