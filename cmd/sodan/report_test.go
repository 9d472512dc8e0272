package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sodan/internal/build"
	"sodan/internal/layout/spec"
	"sodan/internal/xlsx"
)

// TestReportCommand builds the bundled workbook with the build command,
// fills a row of the same workbook and runs the report command on it: a good
// workbook gives the PDF (exit 0), a bad value a positioned message (exit
// 1) and no file, an earlier filling given first the same PDF compared
// with it, and a missing or extra argument the usage (exit 2).
func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	flags := []string{"-sources", "../../sources", "-layouts", "../../layouts"}
	var so, se bytes.Buffer
	if code := run(append(append([]string{"build"}, flags...), "-o", dir, "-only", "workbook"), &so, &se); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, se.String())
	}
	books, _ := filepath.Glob(filepath.Join(dir, "risk-analysis-*.xlsx"))
	if len(books) != 1 {
		t.Fatalf("built %v", books)
	}
	book, errs := build.Check(os.DirFS("../../sources"), "sources")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	look, errs := spec.ReadWorkbook(os.DirFS("../../layouts"), "layouts", book.Risk.Scale)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	col := map[string]int{}
	for i, c := range book.Risk.Columns {
		col[c.ID] = i + 1
	}
	fill := func(name string, values map[string]any) string {
		var b bytes.Buffer
		if err := xlsx.WriteFilled(&b, book, look, xlsx.Entries{Ledger: []map[string]any{values}}); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	row := map[string]any{"asset": "顧客名簿", "c": 3, "i": 2, "a": 1, "threat": 2, "vulnerability": 2}
	good := fill("good.xlsx", row)
	row["c"] = 1
	before := fill("before.xlsx", row)
	row["c"] = 5
	bad := fill("bad.xlsx", row)

	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr []string
	}{
		{"good", append(append([]string{"report"}, flags...), "-o", out, good), 0, filepath.Join(out, "report-good.pdf"), nil},
		{"bad value", append(append([]string{"report"}, flags...), "-o", out, bad), 1, "",
			[]string{bad + ":4:", ": 情報資産管理台帳!" + xlsx.CellName(col["c"], 4) + ": 機密性は 3・2・1 のどれかにしてください", "1 件の問題が見つかりました。"}},
		{"not a workbook", append(append([]string{"report"}, flags...), "-o", out, "report_test.go"), 1, "",
			[]string{"report_test.go: xlsx のブックとして開けません"}},
		{"no file", append([]string{"report"}, flags...), 2, "", []string{"記入したリスク分析シート（.xlsx）を 1 つ指定してください", "使い方:"}},
		{"compared with an earlier filling", append(append([]string{"report"}, flags...), "-o", out, before, good), 0, filepath.Join(out, "report-good.pdf"), nil},
		{"bad earlier filling", append(append([]string{"report"}, flags...), "-o", out, bad, good), 1, "",
			[]string{bad + ":4:", ": 情報資産管理台帳!" + xlsx.CellName(col["c"], 4) + ": 機密性は 3・2・1 のどれかにしてください"}},
		{"three files", []string{"report", before, good, bad}, 2, "", []string{"余分な引数があります: " + bad}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(c.args, &stdout, &stderr)
			if code != c.code {
				t.Errorf("exit %d, want %d\n%s", code, c.code, stderr.String())
			}
			if strings.TrimSpace(stdout.String()) != c.stdout {
				t.Errorf("stdout %q, want %q", stdout.String(), c.stdout)
			}
			for _, w := range c.stderr {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
				}
			}
		})
	}
	var got []string
	for n := range snapshot(out) {
		got = append(got, n)
	}
	sort.Strings(got)
	if strings.Join(got, " ") != ".sodan/manifest.json report-good.pdf" {
		t.Errorf("out holds %v, want only report-good.pdf and sodan's record", got)
	}
}
