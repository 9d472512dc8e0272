package layouttest

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"sodan/internal/layout"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Golden compares got with the golden file at path, failing with a
// line diff; with -update it rewrites the file instead.
func Golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if d := lineDiff(string(want), got); d != "" {
		t.Errorf("plan differs from %s (-want +got); if the change is intended, run with -update:\n%s", path, d)
	}
}

// Plan is doc as layout.WritePlan writes it.
func Plan(t testing.TB, doc *layout.Doc) string {
	t.Helper()
	var b strings.Builder
	if err := layout.WritePlan(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// GoldenPlan compares the plan of doc (Plan) with the golden file at path,
// as Golden does.
func GoldenPlan(t *testing.T, path string, doc *layout.Doc) {
	t.Helper()
	Golden(t, path, Plan(t, doc))
}

// lineDiff is a small line diff (longest common subsequence), enough to
// read what changed in a plan; it shows at most 60 changed lines.
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	n, m := len(x), len(y)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	shown := 0
	emit := func(prefix string, lineNo int, s string) {
		if shown < 60 {
			fmt.Fprintf(&out, "%s%5d %s\n", prefix, lineNo, s)
		}
		shown++
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			emit("+", j+1, y[j])
			j++
		default:
			emit("-", i+1, x[i])
			i++
		}
	}
	if shown > 60 {
		fmt.Fprintf(&out, "… and %d more changed lines\n", shown-60)
	}
	return out.String()
}
