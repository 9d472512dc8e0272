package build

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"sodan/internal/layout/spec"
	"sodan/internal/model"
	"sodan/internal/testtool"
	"sodan/internal/xlsx"
)

// reportAsset is one ledger row a test fills in: C/I/A as scale values,
// 0 for a blank cell.
type reportAsset struct {
	business, asset, medium string
	flags                   []string // 有/無 per personal-information flag
	c, i, a, threat, vuln   int
	treatment               string            // 対応, "" for none chosen
	text                    map[string]string // raw overrides by column ID
}

// reportAssets are the rows the tests fill in, from sheet row 4.
var reportAssets = []reportAsset{
	{business: "営業", asset: "顧客名簿", medium: "社内サーバー", flags: []string{"有", "無", "無"}, c: 2, i: 2, a: 1, threat: 2, vuln: 3, treatment: "保有"},
	{business: "経理", asset: "見積書の控え", medium: "紙", flags: []string{"無", "無", "無"}, c: 2, i: 2, a: 1, threat: 1, vuln: 1},
	{business: "人事", asset: "給与台帳", medium: "クラウド", flags: []string{"有", "有", "有"}, c: 3, i: 3, a: 2, threat: 3, vuln: 3, treatment: "低減"},
	{business: "総務", asset: "社内規程", medium: "紙", c: 1, i: 1, a: 1, threat: 1, vuln: 2},
	{business: "広報", asset: "ホームページの原稿", medium: "PC", c: 1, i: 2},
	{business: "営業", asset: "商談メモ", medium: "PC", flags: []string{"無", "無", "無"}, c: 2, i: 2, a: 2, threat: 2, vuln: 2, treatment: "移転"},
	{business: "製造", asset: "受注データ", medium: "社内サーバー", flags: []string{"無", "無", "無"}, c: 2, i: 2, a: 1, threat: 3, vuln: 2},
	{business: "経理", asset: "振込先の口座一覧", medium: "クラウド", flags: []string{"無", "無", "無"}, c: 3, i: 3, a: 1, threat: 3, vuln: 2, treatment: "回避"},
}

// filledWorkbook writes the bundled workbook with rows typed into the
// ledger and the first answered questions answered (cycling through the
// answer labels), as dir/name. It returns the path and the book.
func filledWorkbook(t *testing.T, dir, name string, rows []reportAsset, answered int) (string, *model.Book) {
	t.Helper()
	book := bundledBook(t)
	look, errs := spec.ReadWorkbook(os.DirFS("../../layouts"), "layouts", book.Risk.Scale)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var e xlsx.Entries
	for _, a := range rows {
		row := map[string]any{"business": a.business, "asset": a.asset, "medium": a.medium}
		for i, fl := range a.flags {
			row[[]string{"pi", "pi_sensitive", "pi_mynumber"}[i]] = fl
		}
		for id, v := range map[string]int{"c": a.c, "i": a.i, "a": a.a, "threat": a.threat, "vulnerability": a.vuln} {
			if v != 0 {
				row[id] = v
			}
		}
		if a.treatment != "" {
			row[spec.TreatmentColumn] = a.treatment
		}
		for id, v := range a.text {
			row[id] = v
		}
		e.Ledger = append(e.Ledger, row)
	}
	e.Answers = map[int]string{}
	labels := book.SelfCheck.Answers
	for no := 1; no <= answered; no++ {
		e.Answers[no] = labels[(no-1)%len(labels)].Label.S
	}
	var buf bytes.Buffer
	if err := xlsx.WriteFilled(&buf, book, look, e); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, book
}

func runReport(t *testing.T, wb, out string) (string, error) {
	t.Helper()
	return Report(ReportOptions{Sources: "../../sources", Layouts: "../../layouts", Out: out, Workbook: wb})
}

func TestReport(t *testing.T) {
	testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	wb, book := filledWorkbook(t, dir, "yamada.xlsx", reportAssets, 20)
	out := filepath.Join(dir, "out")
	start := time.Now()
	path, err := runReport(t, wb, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("report in %v", time.Since(start))
	if filepath.Base(path) != "report-yamada.pdf" {
		t.Fatalf("wrote %s", path)
	}
	keep(t, path, "report-yamada.pdf")
	text := testtool.Run(t, "pdftotext", "-layout", path, "-")
	flat := squeeze(text)

	// The complete rows, by risk value from Risk.Assess, highest first
	// (ties in sheet-row order), each with its value and band word.
	r, s := &book.Risk, book.Risk.Scale
	type want struct {
		asset string
		model.Assessment
	}
	var wants []want
	for _, a := range reportAssets {
		if a.a == 0 {
			continue
		}
		pi := strings.Contains(strings.Join(a.flags, ""), "有")
		wants = append(wants, want{a.asset, r.Assess(s, a.c, a.i, a.a, pi, a.threat, a.vuln)})
	}
	for i := 1; i < len(wants); i++ {
		for j := i; j > 0 && wants[j].Value > wants[j-1].Value; j-- {
			wants[j], wants[j-1] = wants[j-1], wants[j]
		}
	}
	// The table of all assets; the matrix and the treatment plan above it
	// name some of them too.
	table := flat[strings.Index(flat, "リスク値の高い順の資産"):]
	last := -1
	for _, w := range wants {
		re := regexp.MustCompile(regexp.QuoteMeta(w.asset) + `.*?` + strconv.Itoa(w.Importance) + strconv.Itoa(w.Likelihood) + strconv.Itoa(w.Value) + regexp.QuoteMeta(w.Band.Label.S+w.Band.Action.S))
		loc := re.FindStringIndex(table)
		if loc == nil {
			t.Errorf("no row %s %d×%d=%d %s in:\n%s", w.asset, w.Importance, w.Likelihood, w.Value, w.Band.Label.S, text)
			continue
		}
		if loc[0] < last {
			t.Errorf("%s (risk %d) is out of order", w.asset, w.Value)
		}
		last = loc[0]
	}
	// Counts per band: word and number.
	for _, b := range s.Bands {
		n := 0
		for _, w := range wants {
			if w.Band.Label.S == b.Label.S {
				n++
			}
		}
		if !strings.Contains(flat, b.Label.S+strconv.Itoa(n)+"件") {
			t.Errorf("no count %s %d 件", b.Label.S, n)
		}
	}
	// The incomplete row, after the table, with what is missing.
	i := strings.Index(flat, "未記入の項目がある資産")
	j := strings.LastIndex(flat, "ホームページの原稿")
	if i < 0 || j < i || !strings.Contains(flat[j:], "可用性、脅威の発生頻度、脆弱性") {
		t.Errorf("no incomplete section with ホームページの原稿:\n%s", text)
	}
	// Self-diagnosis: 20 answered, 5 not.
	total := 0
	for no := 1; no <= 20; no++ {
		total += book.SelfCheck.Answers[(no-1)%len(book.SelfCheck.Answers)].Points
	}
	if !strings.Contains(flat, "未回答5問（全25問）") || !scoreLine(total).MatchString(text) {
		t.Errorf("no self-diagnosis total %d with 未回答 5 問:\n%s", total, text)
	}

	// Same bytes twice.
	first, _ := os.ReadFile(path)
	if _, err := runReport(t, wb, out); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(path)
	if !bytes.Equal(first, second) {
		t.Error("two reports of the same workbook differ")
	}
	pages := testtool.Run(t, "pdfinfo", path)
	t.Logf("%d bytes; %s", len(first), regexp.MustCompile(`Pages:\s+\d+`).FindString(pages))
}

// TestReportComplete answers every question: the total has its judgement.
func TestReportComplete(t *testing.T) {
	testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	wb, book := filledWorkbook(t, dir, "all.xlsx", reportAssets[:2], 25)
	path, err := runReport(t, wb, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	keep(t, path, "report-complete.pdf")
	// In reading order, the total's box comes whole before the bars.
	text := testtool.Run(t, "pdftotext", path, "-")
	flat := squeeze(text)
	sc := &book.SelfCheck
	total := 0
	for no := 1; no <= sc.ItemCount(); no++ {
		total += sc.Answers[(no-1)%len(sc.Answers)].Points
	}
	b := sc.Band(total)
	if !scoreLine(total).MatchString(text) {
		t.Errorf("report lacks the total %d", total)
	}
	for _, s := range []string{b.Label.S, b.Action.S} {
		if !strings.Contains(flat, squeeze(s)) {
			t.Errorf("report lacks %q", s)
		}
	}
	if strings.Contains(flat, "評価に必要な項目が空いている") || strings.Contains(flat, "未回答") {
		t.Error("a complete workbook has an incomplete section")
	}
}

// scoreLine matches the self-diagnosis total as its box prints it, at
// the start of a line of pdftotext -layout (the bars are to its right).
func scoreLine(total int) *regexp.Regexp {
	return regexp.MustCompile(`(?m)^\s*` + strconv.Itoa(total) + ` 点(\s|$)`)
}

// TestReportManyRows makes the asset table flow onto further pages with
// the heading row repeated.
func TestReportManyRows(t *testing.T) {
	testtool.Need(t, "pdftotext")
	dir := t.TempDir()
	var rows []reportAsset
	for k := range 60 {
		a := reportAssets[k%4]
		a.asset = "資産" + strconv.Itoa(k+1) + "（" + a.asset + "）"
		rows = append(rows, a)
	}
	wb, _ := filledWorkbook(t, dir, "many.xlsx", rows, 25)
	start := time.Now()
	path, err := runReport(t, wb, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("report of 60 assets in %v", time.Since(start))
	keep(t, path, "report-60.pdf")
	text := joinLatin(testtool.Run(t, "pdftotext", path, "-"))
	pages := strings.Split(text, "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages, want the table to flow", len(pages))
	}
	withHeader := 0
	for _, p := range pages {
		if strings.Contains(p, "情報資産名称") {
			withHeader++
		}
	}
	if withHeader < 2 {
		t.Errorf("the heading row is on %d pages", withHeader)
	}
	for k := range 60 {
		if !strings.Contains(text, "資産"+strconv.Itoa(k+1)+"（") {
			t.Errorf("資産%d is missing", k+1)
		}
	}
}

func TestReportBadValues(t *testing.T) {
	dir := t.TempDir()
	rows := append([]reportAsset(nil), reportAssets[:3]...)
	rows[0].text = map[string]string{"c": "5", "vulnerability": "高い"}
	rows[1].text = map[string]string{spec.TreatmentColumn: "様子見"}
	rows[2].text = map[string]string{"pi": "はい"}
	wb, book := filledWorkbook(t, dir, "bad.xlsx", rows, 3)
	out := filepath.Join(dir, "out")
	_, err := runReport(t, wb, out)
	if err == nil {
		t.Fatal("no error")
	}
	col := map[string]int{}
	for i, c := range book.Risk.Columns {
		col[c.ID] = i + 1
	}
	col[spec.TreatmentColumn] = len(book.Risk.Columns) + 1 // the workbook adds it after the ledger's columns
	cref := func(id string, r int) string { return xlsx.CellName(col[id], r) }
	msg := err.Error()
	for _, w := range []string{
		wb + ":4:" + strconv.Itoa(col["c"]) + ": 情報資産管理台帳!" + cref("c", 4) + ": 機密性は 3・2・1 のどれかにしてください（尺度「",
		"。いまは「5」）",
		// The same row's second bad cell is reported too.
		wb + ":4:" + strconv.Itoa(col["vulnerability"]) + ": 情報資産管理台帳!" + cref("vulnerability", 4) + ": 脆弱性は 3・2・1 のどれかにしてください（いまは「高い」）",
		wb + ":5:" + strconv.Itoa(col[spec.TreatmentColumn]) + ": 情報資産管理台帳!" + cref(spec.TreatmentColumn, 5) + ": 対応は「低減」・「回避」・「移転」・「保有」のどれかを選んでください（いまは「様子見」）",
		wb + ":6:" + strconv.Itoa(col["pi"]) + ": 情報資産管理台帳!" + cref("pi", 6) + ": 個人情報は「有」か「無」で選んでください（いまは「はい」）",
	} {
		if !strings.Contains(msg, w) {
			t.Errorf("error lacks %q:\n%s", w, msg)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a failed report wrote %d files", len(entries))
	}
}

func TestReportNotWorkbook(t *testing.T) {
	dir := t.TempDir()
	wb := filepath.Join(dir, "memo.xlsx")
	os.WriteFile(wb, []byte("これは表計算のファイルではありません\n"), 0o644)
	_, err := runReport(t, wb, filepath.Join(dir, "out"))
	if err == nil || !strings.Contains(err.Error(), wb+": xlsx のブックとして開けません") {
		t.Errorf("got %v", err)
	}
	_, err = runReport(t, filepath.Join(dir, "none.xlsx"), filepath.Join(dir, "out"))
	if err == nil || !strings.Contains(err.Error(), "none.xlsx: ファイルがありません") {
		t.Errorf("got %v", err)
	}
}

// latinGap is the space pdftotext reads where the layout puts 和欧間
// between Japanese and Latin letters or digits.
var latinGap = regexp.MustCompile(`([^\x00-\x7F]) ([0-9A-Za-z])|([0-9A-Za-z]) ([^\x00-\x7F])`)

// joinLatin takes the 和欧間 out of extracted text, so it can be matched
// as the sources write it.
func joinLatin(s string) string {
	return latinGap.ReplaceAllString(s, "$1$3$2$4")
}
