package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"sodan/internal/model"
	"sodan/internal/testtool"
)

// row is a ledger row the test fills: ranks (3 high … 1 low, 0 = leave
// blank) for C/I/A, flags ("" = leave blank), threat and vulnerability
// (0 = leave blank).
type row struct {
	asset        string
	c, i, a      int
	flags        [3]string
	threat, vuln int
}

// full reports whether every input a result needs is there.
func (r row) full() bool { return r.c > 0 && r.i > 0 && r.a > 0 && r.threat > 0 && r.vuln > 0 }

var ledgerRows = []row{
	{asset: "顧客名簿", c: 3, i: 2, a: 2, flags: [3]string{yes, no, no}, threat: 3, vuln: 2},
	{asset: "従業員台帳", c: 1, i: 1, a: 1, flags: [3]string{no, no, yes}, threat: 3, vuln: 3},
	{asset: "通販サイト", c: 2, i: 1, a: 3, flags: [3]string{no, no, no}, threat: 2, vuln: 3},
	{asset: "=1+1", c: 1, i: 1, a: 1, threat: 1, vuln: 1},
	{asset: "健康診断の記録", c: 2, i: 2, a: 2, flags: [3]string{no, yes, no}, threat: 2, vuln: 2},
	{asset: "見積書", c: 2},             // one rating only: every result blank
	{asset: "設計図", c: 3, i: 3, a: 2}, // no threat yet: only 重要度
	{threat: 3, vuln: 1},             // no rating yet: only 被害発生可能性
	{},                               // empty
	{asset: "Webサイト", c: 1, i: 3, a: 3, threat: 3, vuln: 3}, // written on the last row
}

// variant is one copy of the workbook sent to LibreOffice.
type variant struct {
	answers   func(i int) int // index into SelfCheck.Answers for question i, -1 = blank
	raiseBand bool            // raise the top band's minimum by one on 評価基準
}

// TestLibreOfficeRecalc has LibreOffice recalculate the workbook for both
// scale editions and compares every result with what Go computes: the
// examples, filled ledger rows (full, partial and empty), the band counts,
// the self-diagnosis total and judgement, and a band boundary changed in
// its one cell on 評価基準. Gnumeric recalculates the same workbooks and
// must show the same on every sheet. The workbooks are filled in after
// they were built, so their cached values are those of the empty
// workbook: both engines must compute every result, not show the cache.
func TestLibreOfficeRecalc(t *testing.T) {
	testtool.Long(t)
	for _, id := range []string{"current", "old"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			book := loadBook(t)
			useScale(t, book, id)
			sc := &book.SelfCheck
			best, worst := 0, 0
			for i, a := range sc.Answers {
				if a.Points > sc.Answers[best].Points {
					best = i
				}
				if a.Points < sc.Answers[worst].Points {
					worst = i
				}
			}
			variants := map[string]variant{
				"mixed": {answers: func(i int) int { return (i*7 + 3) % len(sc.Answers) }},
				"best":  {answers: func(int) int { return best }, raiseBand: true},
				"worst": {answers: func(int) int { return worst }},
				"mostly": {answers: func(i int) int { // a few 一部実施している: 70–99 points
					if i%5 == 0 {
						return 1
					}
					return best
				}},
				"partial": {answers: func(i int) int {
					if i < 10 {
						return i % len(sc.Answers)
					}
					return -1
				}},
			}
			books := map[string][]byte{}
			var plan *writer
			for name, v := range variants {
				w := mustBuild(t, book)
				plan = w
				fillLedger(t, w)
				for i, a := range w.check.answers {
					if k := v.answers(i); k >= 0 {
						must(t, w.f.SetCellStr(sheetCheck, a, sc.Answers[k].Label.S))
					}
				}
				if v.raiseBand {
					min := bandMinCells(t, w)
					top := min[len(min)-1]
					must(t, w.f.SetCellInt(sheetCriteria, top, int64(book.Risk.Scale.Bands[0].Min+1)))
				}
				books[name] = save(t, w)
			}
			got := recalc(t, books)
			t.Logf("LibreOffice recalculation of %d workbooks: %v", len(books), time.Since(start).Round(time.Millisecond))
			start = time.Now()
			gn := gnumeric(t, books)
			t.Logf("Gnumeric recalculation of %d workbooks: %v", len(books), time.Since(start).Round(time.Millisecond))
			for name, v := range variants {
				t.Run(name, func(t *testing.T) {
					scale := book.Risk.Scale
					if v.raiseBand {
						s := *scale
						s.Bands = append([]model.Band(nil), scale.Bands...)
						s.Bands[0].Min++
						scale = &s
					}
					checkExamples(t, got[name], plan.example, book, scale)
					checkLedger(t, got[name], plan.ledger, book, scale)
					checkSelfDiagnosis(t, got[name], plan.check, sc, v.answers)
					checkDiagnosisResults(t, got[name], plan.check, sc, v.answers)
					sameSheets(t, "LibreOffice/Gnumeric", got[name], gn[name])
				})
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// bandMinCells finds the cells named 判定下限, lowest band first.
func bandMinCells(t *testing.T, w *writer) []string {
	t.Helper()
	for _, d := range w.f.GetDefinedName() {
		if d.Name != nameBandMin {
			continue
		}
		_, rng, _ := strings.Cut(d.RefersTo, "!")
		from, to, _ := strings.Cut(strings.ReplaceAll(rng, "$", ""), ":")
		var col string
		var r1, r2 int
		fmt.Sscanf(from, "%1s%d", &col, &r1)
		fmt.Sscanf(to, "%1s%d", &col, &r2)
		var cells []string
		for r := r1; r <= r2; r++ {
			cells = append(cells, col+strconv.Itoa(r))
		}
		return cells
	}
	t.Fatalf("no defined name %s", nameBandMin)
	return nil
}

// fillLedger writes ledgerRows into the ledger; the last one goes on the
// last row.
func fillLedger(t *testing.T, w *writer) {
	p := w.ledger
	s := w.scale
	for k, r := range ledgerRows {
		n := p.first + k
		if k == len(ledgerRows)-1 {
			n = p.last
		}
		set := func(id string, v int) {
			if v > 0 {
				must(t, w.f.SetCellInt(p.sheet, p.ref(id, n), int64(v)))
			}
		}
		if r.asset != "" {
			must(t, w.f.SetCellStr(p.sheet, p.ref("asset", n), r.asset))
		}
		for id, rank := range map[string]int{"c": r.c, "i": r.i, "a": r.a} {
			if rank > 0 {
				must(t, w.f.SetCellInt(p.sheet, p.ref(id, n), int64(s.FromRank(rank))))
			}
		}
		for i, f := range r.flags {
			if f != "" {
				must(t, w.f.SetCellStr(p.sheet, p.ref(flagIDs[i], n), f))
			}
		}
		set("threat", r.threat)
		set("vulnerability", r.vuln)
	}
}

// results reads the four computed columns of a row.
func results(got sheets, p *ledgerPlan, n int) [4]string {
	var r [4]string
	for i, id := range []string{"importance", "likelihood", "risk", "judgement"} {
		r[i] = got.at(p.sheet, p.byID[id], n)
	}
	return r
}

func want(a model.Assessment) [4]string {
	return [4]string{strconv.Itoa(a.Importance), strconv.Itoa(a.Likelihood), strconv.Itoa(a.Value), a.Band.Label.S}
}

func checkExamples(t *testing.T, got sheets, p *ledgerPlan, book *model.Book, scale *model.Scale) {
	t.Helper()
	if len(book.Risk.Examples) == 0 {
		t.Fatal("no examples in the sources")
	}
	for i, e := range book.Risk.Examples {
		n := p.first + i
		w := want(book.Risk.AssessExample(scale, e))
		if g := results(got, p, n); g != w {
			t.Errorf("記入例 row %d (%s): LibreOffice 重要度/被害発生可能性/リスク値/判定 = %q, Go = %q", n, e.Asset.S, g, w)
		}
		if g, w := got.at(p.sheet, p.byID["c"], n), strconv.Itoa(scale.FromRank(e.C)); g != w {
			t.Errorf("記入例 row %d: 機密性 = %q, want %q", n, g, w)
		}
	}
}

func checkLedger(t *testing.T, got sheets, p *ledgerPlan, book *model.Book, scale *model.Scale) {
	t.Helper()
	r := &book.Risk
	counts := map[string]int{}
	unjudged := 0
	for k, c := range ledgerRows {
		n := p.first + k
		if k == len(ledgerRows)-1 {
			n = p.last
		}
		var w [4]string
		pi := c.flags[0] == yes || c.flags[1] == yes || c.flags[2] == yes
		switch {
		case c.full():
			a := r.Assess(scale, scale.FromRank(c.c), scale.FromRank(c.i), scale.FromRank(c.a), pi, c.threat, c.vuln)
			w = want(a)
			counts[a.Band.Label.S]++
		default:
			if c.c > 0 && c.i > 0 && c.a > 0 {
				w[0] = strconv.Itoa(max(scale.FromRank(c.c), scale.FromRank(c.i), scale.FromRank(c.a)))
			}
			if c.threat > 0 && c.vuln > 0 {
				w[1] = strconv.Itoa(r.Likelihood[c.threat][c.vuln])
			}
			if c.asset != "" {
				unjudged++
			}
		}
		if g := results(got, p, n); g != w {
			t.Errorf("台帳 row %d %+v: LibreOffice = %q, Go = %q", n, c, g, w)
		}
	}
	if g := results(got, p, p.first+len(ledgerRows)); g != [4]string{} {
		t.Errorf("empty ledger row %d shows %q", p.first+len(ledgerRows), g)
	}
	// 集計: the count of each band, found by its label in column A.
	for _, b := range scale.Bands {
		found := false
		for _, line := range got[sheetSummary] {
			if len(line) > 1 && line[0] == b.Label.S {
				found = true
				if line[1] != strconv.Itoa(counts[b.Label.S]) {
					t.Errorf("集計 %s = %q, Go counts %d", b.Label.S, line[1], counts[b.Label.S])
				}
			}
		}
		if !found {
			t.Errorf("集計 has no row for band %s", b.Label.S)
		}
	}
	for _, line := range got[sheetSummary] {
		if len(line) > 1 && strings.HasPrefix(line[0], "名称はあるが") && line[1] != strconv.Itoa(unjudged) {
			t.Errorf("集計 %s = %q, want %d", line[0], line[1], unjudged)
		}
	}
}

func checkSelfDiagnosis(t *testing.T, got sheets, p *checkPlan, sc *model.SelfCheck, answer func(int) int) {
	t.Helper()
	total, answered := 0, 0
	parts := make([]int, len(sc.Parts))
	partAnswered := make([]int, len(sc.Parts))
	q := 0
	for pi, part := range sc.Parts {
		for range part.Items {
			if k := answer(q); k >= 0 {
				pts, ok := sc.Points(sc.Answers[k].Label.S)
				if !ok {
					t.Fatalf("answer %q has no points", sc.Answers[k].Label.S)
				}
				total += pts
				parts[pi] += pts
				partAnswered[pi]++
				answered++
			}
			q++
		}
	}
	at := func(col, row int) string { return got.at(sheetCheck, col, row) }
	if g := at(checkPoints, p.total); g != strconv.Itoa(total) {
		t.Errorf("自社診断 total = %q, Go = %d", g, total)
	}
	if g := at(checkPoints, p.count); g != strconv.Itoa(answered) {
		t.Errorf("自社診断 answered = %q, want %d", g, answered)
	}
	for i, r := range p.subtotal {
		w := strconv.Itoa(parts[i])
		if partAnswered[i] == 0 {
			w = "" // nothing answered in the part yet
		}
		if g := at(checkPoints, r); g != w {
			t.Errorf("自社診断 %s subtotal = %q, want %q", sc.Parts[i].Title.S, g, w)
		}
	}
	label, action := at(checkText, p.band), at(checkText, p.action)
	if answered < sc.ItemCount() {
		if !strings.Contains(label, "未回答") || action != "" {
			t.Errorf("自社診断 with %d answers: judgement %q / %q, want the unanswered note", answered, label, action)
		}
	} else if b := sc.Band(total); label != b.Label.S || action != b.Action.S {
		t.Errorf("自社診断 total %d: judgement %q / %q, Go = %q / %q", total, label, action, b.Label.S, b.Action.S)
	}
	// 集計 repeats the total and the judgement on its last two rows.
	sum := got[sheetSummary]
	if len(sum) < 2 {
		t.Fatalf("集計 has %d rows", len(sum))
	}
	if l := sum[len(sum)-2]; len(l) < 2 || l[0] != "合計" || l[1] != strconv.Itoa(total) {
		t.Errorf("集計 self-diagnosis total row = %q, want 合計 %d", l, total)
	}
	if l := sum[len(sum)-1]; len(l) < 2 || l[0] != "判定" || l[1] != label {
		t.Errorf("集計 self-diagnosis judgement row = %q, want 判定 %q", l, label)
	}
}

// checkDiagnosisResults compares what the writer would cache for the
// model's score of the answers with what LibreOffice computes, for any
// answers, not only the none of a generated workbook.
func checkDiagnosisResults(t *testing.T, got sheets, p *checkPlan, sc *model.SelfCheck, answer func(int) int) {
	t.Helper()
	f := &model.Filled{Answers: map[int]string{}}
	q := 0
	for _, part := range sc.Parts {
		for _, it := range part.Items {
			if k := answer(q); k >= 0 {
				f.Answers[it.No] = sc.Answers[k].Label.S
			}
			q++
		}
	}
	r := diagnosisResults(sc, f.Diagnosis(sc))
	cells := map[int]cached{p.total: r.total, p.count: r.count}
	for i, row := range p.subtotal {
		cells[row] = r.parts[i]
	}
	for row, want := range cells {
		if g := got.at(sheetCheck, checkPoints, row); g != show(want) {
			t.Errorf("自社診断 row %d: LibreOffice %q, the writer would cache %q", row, g, show(want))
		}
	}
	for row, want := range map[int]cached{p.band: r.band, p.action: r.action} {
		if g := got.at(sheetCheck, checkText, row); g != show(want) {
			t.Errorf("自社診断 row %d: LibreOffice %q, the writer would cache %q", row, g, show(want))
		}
	}
}
