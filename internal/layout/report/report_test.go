package report_test

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/report"
	"sodan/internal/layout/spec"
	"sodan/internal/model"
)

// reportText is a workbook cell's text with its position.
func reportText(s string, row, col int) model.Text {
	return model.Text{S: s, Loc: diag.Loc{Pos: diag.Pos{File: "filled.xlsx", Line: row, Col: col}, Field: fmt.Sprintf("情報資産管理台帳!B%d", row)}}
}

// reportFilled is a small filled workbook: n complete rows with C/I/A,
// threat and vulnerability cycling, one row lacking inputs, and the first
// answered questions answered with the first label.
func reportFilled(n, answered int, book *model.Book) *model.Filled {
	f := &model.Filled{File: "filled.xlsx", Answers: map[int]string{}}
	for k := range n {
		r := 4 + k
		f.Rows = append(f.Rows, model.FilledRow{
			Row: r, Asset: reportText(fmt.Sprintf("資産%d・取引先とのやり取りの記録", k+1), r, 2),
			Business: reportText("営業", r, 1), Medium: reportText("社内サーバー", r, 6),
			PersonalInfo: []bool{k%5 == 0, false, false},
			C:            1 + k%3, I: 1 + (k/3)%3, A: 1, Threat: 1 + k%3, Vulnerability: 1 + (k/2)%3,
			Treatment: model.Text{S: []string{"", "低減", "保有", "移転"}[k%4]},
		})
	}
	r := 4 + n
	f.Rows = append(f.Rows, model.FilledRow{Row: r, Asset: reportText("書きかけの資産", r, 2), C: 2, Missing: []string{"i", "a", "threat", "vulnerability"},
		PersonalInfo: []bool{false, false, false}})
	for no := 1; no <= answered; no++ {
		f.Answers[no] = book.SelfCheck.Answers[0].Label.S
	}
	return f
}

// TestReportGolden compares the plan of a small report with
// testdata/report.golden; run with -update after an intended change, and
// look at the PDF.
func TestReportGolden(t *testing.T) {
	book := layouttest.Bundled(t)
	doc, errs := report.Plan(book, reportFilled(6, 20, book), nil, layouttest.Report(t, book), layouttest.Fonts(t), book.Edition.Date)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	layouttest.GoldenPlan(t, filepath.Join("testdata", "report.golden"), doc)
}

// TestReportTrendGolden compares the plan of a report with an earlier
// filling to compare with against testdata/report-trend.golden.
func TestReportTrendGolden(t *testing.T) {
	book := layouttest.Bundled(t)
	now := reportFilled(6, 25, book)
	prev := reportFilled(5, 10, book)
	prev.File = "filled-2025.xlsx"
	prev.Rows[1].Vulnerability = 3 // a risk value that moved: 中 then, 小 now
	prev.Rows[2].Asset.S = "前回だけの資産"
	doc, errs := report.Plan(book, now, prev, layouttest.Report(t, book), layouttest.Fonts(t), book.Edition.Date)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	layouttest.GoldenPlan(t, filepath.Join("testdata", "report-trend.golden"), doc)
}

// TestReportFlows lays out many rows: the table goes on over pages, each
// with the heading row, every row once, and nothing leaves the margins.
func TestReportFlows(t *testing.T) {
	book := layouttest.Bundled(t)
	sp := layouttest.Report(t, book)
	f := layouttest.Fonts(t)
	doc, errs := report.Plan(book, reportFilled(90, 25, book), nil, sp, f, book.Edition.Date)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(doc.Pages) < 3 {
		t.Fatalf("%d pages", len(doc.Pages))
	}
	// Assets are named in the matrix and the treatment plan too; the
	// table of all assets names each once.
	seen := map[string]int{}
	inTable := false
	for pi, p := range doc.Pages {
		// An asset's name may be drawn in runs (資産 and 12, with the
		// space between Japanese and digits): a name is what runs on one
		// baseline in the name column say together.
		names := map[float64]string{}
		header := false
		for _, it := range p.Items {
			switch v := it.(type) {
			case layout.Text:
				if v.Str == "情報資産名称" {
					header = true
				}
				switch v.Str {
				case "リスク値の高い順の資産":
					inTable = true
				case "未記入の項目がある資産", "自社診断の結果":
					inTable = false
				}
				if inTable && (strings.HasPrefix(v.Str, "資産") || names[v.Y] != "") && v.X < sp.Left+40 {
					names[v.Y] += v.Str
				}
				size := v.Size * layout.PtToMM
				if v.X < sp.Left-0.01 || v.X+f.Width(v.Str, v.Bold, v.Size) > sp.W-sp.Right+0.01 || v.Y-0.88*size < sp.Top-0.01 || v.Y > sp.H-sp.Bottom+0.01 {
					t.Errorf("page %d: text %q at %.1f,%.1f leaves the margins", pi+1, v.Str, v.X, v.Y)
				}
			case layout.Rect:
				if v.Y+v.H > sp.H-sp.Bottom+0.01 || v.X < sp.Left-0.01 || v.X+v.W > sp.W-sp.Right+0.01 {
					t.Errorf("page %d: a box at %.1f,%.1f %.1fx%.1f leaves the margins", pi+1, v.X, v.Y, v.W, v.H)
				}
			}
		}
		for _, n := range names {
			seen[n]++
		}
		if pi < len(doc.Pages)-1 && !header {
			t.Errorf("page %d has no heading row", pi+1)
		}
	}
	if len(seen) == 0 {
		t.Fatal("no asset rows")
	}
	for s, n := range seen {
		if n != 1 && !strings.Contains(s, "…") {
			t.Errorf("%q drawn %d times", s, n)
		}
	}
}

// TestReportProblems: a character the fonts lack in a workbook cell is
// reported at that cell; a layout with too few band colours names the key.
func TestReportProblems(t *testing.T) {
	book := layouttest.Bundled(t)
	filled := reportFilled(2, 0, book)
	filled.Rows[1].Asset.S = "顧客名簿🐱"
	_, errs := report.Plan(book, filled, nil, layouttest.Report(t, book), layouttest.Fonts(t), book.Edition.Date)
	if got := errs.Error(); !strings.HasPrefix(got, "filled.xlsx:5:2: 情報資産管理台帳!B5: ") {
		t.Errorf("got %s", got)
	}

	data, err := fs.ReadFile(layouttest.Layouts(t), spec.ReportFile)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, r := range []struct{ old, new string }{
		{`bands: ["#EFA79E", "#F7D98C", "#EAF4E4"]`, `bands: ["#EFA79E", "#F7D98C"]`},
	} {
		if !strings.Contains(s, r.old) {
			t.Fatalf("layout has no %q; update this test", r.old)
		}
		s = strings.Replace(s, r.old, r.new, 1)
	}
	_, errs = spec.ReadReport(fstest.MapFS{spec.ReportFile: {Data: []byte(s)}}, "layouts", book.Risk.Scale)
	if got := errs.Error(); !strings.Contains(got, "layouts/report-a4.yaml:") || !strings.Contains(got, "判定の色が 2 個しかありません") {
		t.Errorf("got %s", got)
	}
}

// TestReportEdges lays out a workbook with no assessed asset and no
// answer, and one on the old scale (importance 2–0, risk values from 0):
// no problem, and the matrix has the scale's levels.
func TestReportEdges(t *testing.T) {
	book := layouttest.Bundled(t)
	texts := func(doc *layout.Doc) string {
		var b strings.Builder
		for _, p := range doc.Pages {
			for _, it := range p.Items {
				if v, ok := it.(layout.Text); ok {
					b.WriteString(v.Str + "\n")
				}
			}
		}
		return b.String()
	}
	doc, errs := report.Plan(book, reportFilled(0, 0, book), nil, layouttest.Report(t, book), layouttest.Fonts(t), book.Edition.Date)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := texts(doc)
	for _, want := range []string{"判定が大・中の資産はありません。", "「実施していない」「わからない」と答えた設問はありません。", "未回答の設問：No.1・2・3"} {
		if !strings.Contains(got, want) {
			t.Errorf("empty workbook: no %q", want)
		}
	}

	for _, s := range book.Risk.Scales {
		if s.ID == "old" {
			book.Risk.Scale = s
		}
	}
	f := reportFilled(9, 25, book)
	for i := range f.Rows {
		f.Rows[i].C, f.Rows[i].I, f.Rows[i].A = f.Rows[i].C-1, f.Rows[i].I-1, 0
	}
	doc, errs = report.Plan(book, f, nil, layouttest.Report(t, book), layouttest.Fonts(t), book.Edition.Date)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got = texts(doc)
	for _, want := range []string{"0（低）", "2（高）", "小（0）", "大（6）"} {
		if !strings.Contains(got, want) {
			t.Errorf("old scale: no %q", want)
		}
	}
}
