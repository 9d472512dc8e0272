package build

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sodan/internal/model"
	"sodan/internal/testtool"
)

var keepReports = flag.String("report-out", "", "also copy the reports the tests make into this folder, to look at")

// keep copies a report into the -report-out folder as name.
func keep(t *testing.T, path, name string) {
	t.Helper()
	if *keepReports == "" {
		return
	}
	data, err := os.ReadFile(path)
	if err == nil {
		err = os.WriteFile(filepath.Join(*keepReports, name), data, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// findingsAnswered is how many questions the findings tests answer,
// cycling through the answer labels.
const findingsAnswered = 22

// TestReportFindings fills in a workbook (ratings, treatments,
// self-diagnosis answers) and finds in the report's text the risk
// matrix's counts, every 大 and 中 asset's treatment line and every
// question to work on.
func TestReportFindings(t *testing.T) {
	testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	wb, book := filledWorkbook(t, dir, "findings.xlsx", reportAssets, findingsAnswered)
	path, err := runReport(t, wb, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	keep(t, path, "report-findings.pdf")
	checkFindings(t, path, book, reportAssets, findingsAnswered)
}

// TestReportAfterLibreOffice saves the filled-in workbook with
// LibreOffice, as a user would (xlsx to xlsx), and reports on the saved
// file: the report has the same findings, and with the date fixed it is
// the same file as the report of the workbook before the save.
func TestReportAfterLibreOffice(t *testing.T) {
	testtool.Long(t)
	testtool.Need(t, "soffice")
	testtool.Need(t, "pdftotext")
	t.Setenv("SOURCE_DATE_EPOCH", "1795000000")
	dir := t.TempDir()
	wb, book := filledWorkbook(t, dir, "findings.xlsx", reportAssets, findingsAnswered)
	// A fresh profile with LibreOffice's defaults: it keeps the cached
	// values of formulas it finds rather than recalculating, which does not
	// matter here, as the report reads only the input cells.
	saved := filepath.Join(dir, "saved")
	profile := filepath.Join(dir, "profile")
	testtool.Run(t, "soffice", "-env:UserInstallation=file://"+profile, "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", saved, wb)
	resaved := filepath.Join(saved, "findings.xlsx")
	if a, b := mustRead(t, wb), mustRead(t, resaved); bytes.Equal(a, b) {
		t.Fatal("LibreOffice wrote the workbook unchanged")
	}
	before, err := runReport(t, wb, filepath.Join(dir, "out-before"))
	if err != nil {
		t.Fatal(err)
	}
	after, err := runReport(t, resaved, filepath.Join(dir, "out-after"))
	if err != nil {
		t.Fatalf("report of the workbook saved by LibreOffice: %v", err)
	}
	keep(t, after, "report-libreoffice.pdf")
	checkFindings(t, after, book, reportAssets, findingsAnswered)
	if !bytes.Equal(mustRead(t, before), mustRead(t, after)) {
		t.Error("the report changed when LibreOffice saved the workbook")
	}
}

// checkFindings finds in the report at path, made from a workbook with
// rows and the first answered questions answered as filledWorkbook does,
// the risk matrix, the treatment plan and the to-do list, each worked out
// here from the inputs.
func checkFindings(t *testing.T, path string, book *model.Book, rows []reportAsset, answered int) {
	t.Helper()
	text := testtool.Run(t, "pdftotext", "-layout", path, "-")
	flat := squeeze(text)
	r, s := &book.Risk, book.Risk.Scale

	type assessed struct {
		reportAsset
		model.Assessment
		row int
	}
	var done []assessed
	for k, a := range rows {
		if a.a == 0 || a.threat == 0 || a.vuln == 0 {
			continue
		}
		pi := strings.Contains(strings.Join(a.flags, ""), "有")
		done = append(done, assessed{a, r.Assess(s, a.c, a.i, a.a, pi, a.threat, a.vuln), k})
	}

	// The matrix: rows by importance high to low, columns by likelihood
	// low to high; each cell's band word, risk value and count, in
	// reading order.
	var cells []string
	for _, imp := range s.Values() {
		for l := 1; l <= 3; l++ {
			n := 0
			for _, d := range done {
				if d.Importance == imp && d.Likelihood == l {
					n++
				}
			}
			cells = append(cells, s.Band(imp*l).Label.S+"（"+strconv.Itoa(imp*l)+"）"+strconv.Itoa(n)+"件")
		}
	}
	at := strings.Index(flat, "リスクの分布")
	if at < 0 {
		t.Fatalf("no risk matrix in:\n%s", text)
	}
	for _, c := range cells {
		i := strings.Index(flat[at:], c)
		if i < 0 {
			t.Errorf("risk matrix: no cell %q after the previous one", c)
			continue
		}
		at += i + len(c)
	}

	// The treatment plan: every asset but the lowest band's, with the
	// treatment chosen and its explanation.
	low := s.Bands[len(s.Bands)-1].Label.S
	retained := 0
	planned := 0
	for _, d := range done {
		if d.Band.Label.S == low {
			continue
		}
		planned++
		line := regexp.QuoteMeta(d.asset+d.Band.Label.S+strconv.Itoa(d.Value)) + `[^。]*?`
		if d.treatment == "" {
			line += regexp.QuoteMeta("未選択台帳の「対応」の列で選んでください")
		} else {
			var tr *model.Treatment
			for k := range r.Treatments {
				if r.Treatments[k].Name.S == d.treatment {
					tr = &r.Treatments[k]
				}
			}
			mark := ""
			if d.Band.Label.S == s.Bands[0].Label.S && d.treatment == model.RetainTreatment {
				mark = "※"
				retained++
			}
			line += regexp.QuoteMeta(d.treatment + mark + tr.Text.S)
		}
		if !regexp.MustCompile(line).MatchString(flat) {
			t.Errorf("treatment plan: no line %s", line)
		}
	}
	if planned < 3 || retained != 1 {
		t.Fatalf("the rows give %d assets to treat and %d retained; the test wants at least 3 and 1", planned, retained)
	}
	if want := "※判定が" + s.Bands[0].Label.S + "なのに「保有」を選んだ資産が1件あります"; !strings.Contains(flat, want) {
		t.Errorf("treatment plan: no %q", want)
	}

	// The to-do list: the questions answered with an answer worth no
	// points, with the answer and the advice; none of the others.
	sc := &book.SelfCheck
	todo := 0
	for _, p := range sc.Parts {
		for _, it := range p.Items {
			entry := "No." + strconv.Itoa(it.No) + squeeze(it.Text.S)
			label := ""
			if it.No <= answered {
				label = sc.Answers[(it.No-1)%len(sc.Answers)].Label.S
			}
			if label == "" || !sc.NeedsWork(label) {
				if strings.Contains(flat, entry) {
					t.Errorf("to-do list has question %d, answered %q", it.No, label)
				}
				continue
			}
			todo++
			if want := entry + label + squeeze(it.Advice.S); !strings.Contains(flat, want) {
				t.Errorf("to-do list: no %q", want)
			}
		}
	}
	if todo < 5 {
		t.Fatalf("only %d questions to do; answer more", todo)
	}
}

// TestReportTrend reports on a workbook compared with an earlier filling
// of it: the assets added and removed, the risk values that moved and the
// self-diagnosis points then and now.
func TestReportTrend(t *testing.T) {
	testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	then := append([]reportAsset(nil), reportAssets[:4]...)
	then[0].vuln = 1 // 顧客名簿: 3 × 1 = 3 then, 3 × 2 = 6 now
	then = append(then, reportAsset{business: "総務", asset: "古い名刺", medium: "紙", c: 1, i: 1, a: 1, threat: 1, vuln: 1})
	old, book := filledWorkbook(t, dir, "2025.xlsx", then, 8)
	now, _ := filledWorkbook(t, dir, "2026.xlsx", reportAssets, findingsAnswered)
	path, err := Report(ReportOptions{Sources: "../../sources", Layouts: "../../layouts", Out: filepath.Join(dir, "out"), Workbook: now, Previous: old})
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "report-2026.pdf" {
		t.Errorf("wrote %s", path)
	}
	keep(t, path, "report-trend.pdf")
	flat := squeeze(testtool.Run(t, "pdftotext", "-layout", path, "-"))
	sc := &book.SelfCheck
	points := func(answered int) int {
		total := 0
		for no := 1; no <= answered; no++ {
			total += sc.Answers[(no-1)%len(sc.Answers)].Points
		}
		return total
	}
	s := book.Risk.Scale
	for _, want := range []string{
		"前回記入したリスク分析シート「2025.xlsx」",
		// 大: 給与台帳 then; 給与台帳, 顧客名簿, 振込先の口座一覧 now.
		"判定が" + s.Bands[0].Label.S + "の資産（件）13+2",
		"自社診断の合計（点）" + strconv.Itoa(points(8)) + "（未回答17）" + strconv.Itoa(points(findingsAnswered)) + "（未回答3）+" + strconv.Itoa(points(findingsAnswered)-points(8)),
		"顧客名簿小（3）大（6）判定が上がりました",
		"新しく台帳に載った資産（4件）：ホームページの原稿、商談メモ、受注データ、振込先の口座一覧",
		"台帳からなくなった資産（1件）：古い名刺",
	} {
		if !strings.Contains(flat, squeeze(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
	// What moved comes after the risk matrix, before what to do.
	if i, j, k := strings.Index(flat, "リスクの分布"), strings.Index(flat, "前回からの変化"), strings.Index(flat, "リスクへの対応"); i < 0 || j < i || k < j {
		t.Error("what moved is not between the risk matrix and the treatment plan")
	}
}
