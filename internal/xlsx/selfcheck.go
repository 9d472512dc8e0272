package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"sodan/internal/model"
)

// checkPlan records where the self-diagnosis sheet put its cells.
type checkPlan struct {
	answers  []string // answer cell of each question, in order
	points   []string // points cell of each question
	subtotal []int    // row of each part's subtotal
	total    int      // row of the total
	count    int      // row of the number of answered questions
	band     int      // row of the judgement label
	action   int      // row of the judgement's action
}

// Columns of the 自社診断 sheet.
const (
	checkNo     = 1
	checkText   = 2
	checkAnswer = 3
	checkPoints = 4
)

var checkWidths = []float64{6, 72, 18, 9}

// checkSheet writes the 25-question self-diagnosis: one drop-down answer
// per question, points, part subtotals, the total and its judgement, all
// by formula. The judgement reads the bands on the 評価基準 sheet.
func (w *writer) checkSheet() {
	const sh = sheetCheck
	sc, s := &w.book.SelfCheck, &w.st
	p := &checkPlan{}
	w.check = p
	for i, wd := range checkWidths {
		w.width(sh, i+1, wd)
	}
	last := len(checkWidths)
	w.str(sh, 1, 1, sc.Title.S)
	w.style(sh, 1, 1, 1, 1, s.title)
	w.height(sh, 1, w.rowHeight(1)+8)
	row := w.paragraph(sh, 2, last, sc.Lead.S, s.para)
	row = w.paragraph(sh, row, last, "黄色のセルで回答を選ぶと、点数と判定が出ます。"+sc.NotUsed.S, s.note)
	header := row
	w.headerRow(sh, header, s.header, "No.", "設問", "回答", "点数")
	w.height(sh, header, w.rowHeight(1)+2)

	n := sc.ItemCount()
	// The values the formulas show while nothing is answered: the model's
	// score of an empty diagnosis.
	res := diagnosisResults(sc, (&model.Filled{}).Diagnosis(sc))
	var parts []string // answer ranges, one per part
	for pi, part := range sc.Parts {
		row++
		w.str(sh, 1, row, part.Title.S)
		w.merge(sh, 1, row, last, row)
		w.style(sh, 1, row, last, row, s.bold)
		w.height(sh, row, w.rowHeight(1)+2)
		first := row + 1
		for _, it := range part.Items {
			row++
			w.num(sh, checkNo, row, it.No)
			w.str(sh, checkText, row, it.Text.S)
			a, pt := cell(checkAnswer, row), cell(checkPoints, row)
			w.formula(sh, checkPoints, row, fmt.Sprintf(`IF(%s="","",INDEX(%s,MATCH(%s,%s,0)))`, a, namePoints, a, nameAnswers), blank)
			w.style(sh, checkNo, row, checkNo, row, s.center)
			w.style(sh, checkText, row, checkText, row, s.text)
			w.style(sh, checkAnswer, row, checkAnswer, row, s.inputCenter)
			w.style(sh, checkPoints, row, checkPoints, row, s.result)
			w.height(sh, row, w.rowHeight(lines(it.Text.S, checkWidths[checkText-1]))+2)
			p.answers = append(p.answers, a)
			p.points = append(p.points, pt)
		}
		answers := cell(checkAnswer, first) + ":" + cell(checkAnswer, row)
		parts = append(parts, answers)
		row++
		w.str(sh, checkText, row, "小計（"+part.Title.S+"）")
		w.formula(sh, checkPoints, row, fmt.Sprintf(`IF(COUNTA(%s)=0,"",SUM(%s:%s))`, answers, cell(checkPoints, first), cell(checkPoints, row-1)), res.parts[pi])
		w.style(sh, checkNo, row, checkAnswer, row, s.bold)
		w.style(sh, checkPoints, row, checkPoints, row, s.result)
		w.height(sh, row, w.rowHeight(1)+2)
		p.subtotal = append(p.subtotal, row)
	}
	all := strings.Join(parts, ",")
	sub := make([]string, len(p.subtotal))
	for i, r := range p.subtotal {
		sub[i] = cell(checkPoints, r)
	}

	// Total, answered count and judgement.
	row += 2
	p.total, p.count, p.band, p.action = row, row+1, row+2, row+3
	w.formula(sh, checkPoints, p.total, fmt.Sprintf(`IF(COUNTA(%s)=0,"",SUM(%s))`, all, strings.Join(sub, ",")), res.total)
	w.formula(sh, checkPoints, p.count, fmt.Sprintf(`COUNTA(%s)`, all), res.count)
	total, count := cell(checkPoints, p.total), cell(checkPoints, p.count)
	w.str(sh, checkNo, p.band, "判定")
	w.formula(sh, checkText, p.band, fmt.Sprintf(`IF(%s<%d,"%s"&(%d-%s)&"%s",LOOKUP(%s,%s,%s))`,
		count, n, unansweredHead, n, count, unansweredTail, total, nameDiagMin, nameDiagLabel), res.band)
	w.str(sh, checkNo, p.action, "対策")
	w.formula(sh, checkText, p.action, fmt.Sprintf(`IF(%s<%d,"",LOOKUP(%s,%s,%s))`, count, n, total, nameDiagMin, nameDiagAction), res.action)
	w.str(sh, checkNo, p.total, fmt.Sprintf("合計点（%d 点満点）", sc.MaxPoints()*n))
	w.str(sh, checkNo, p.count, fmt.Sprintf("回答した設問の数（全 %d 問）", n))
	for _, r := range []int{p.total, p.count} {
		w.merge(sh, checkNo, r, checkAnswer, r)
		w.style(sh, checkNo, r, checkAnswer, r, s.bold)
		w.style(sh, checkPoints, r, checkPoints, r, s.result)
		w.height(sh, r, w.rowHeight(1)+4)
	}
	for _, r := range []int{p.band, p.action} {
		w.merge(sh, checkText, r, last, r)
		w.style(sh, checkNo, r, checkNo, r, s.header)
		w.style(sh, checkText, r, last, r, s.resultTxt)
		w.height(sh, r, w.rowHeight(1)+6)
	}

	w.paragraph(sh, p.action+1, last, "判定の目安（合計点の下限ごとの判定と取り組み）は「評価基準」シートの 7 にあります。", s.note)

	// One drop-down for every answer cell.
	if w.err == nil {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(parts, " ")
		dv.SetSqrefDropList(nameAnswers)
		choices := make([]string, len(sc.Answers))
		for i, a := range sc.Answers {
			choices[i] = fmt.Sprintf("%s（%d点）", a.Label.S, a.Points)
		}
		dv.SetInput("回答", clip("一覧から選びます。\n"+strings.Join(choices, "\n")+"\n"+sc.NotUsed.S, maxPrompt))
		dv.SetError(excelize.DataValidationErrorStyleStop, "入力できない値です", "回答は一覧から選んでください。")
		w.fail(w.f.AddDataValidation(sh, dv))
	}
	w.fail(w.f.SetPanes(sh, &excelize.Panes{
		Freeze: true, YSplit: header, TopLeftCell: cell(1, header+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cell(checkAnswer, header+2), ActiveCell: cell(checkAnswer, header+2), Pane: "bottomLeft"}},
	}))
	w.finish(sh, fmt.Sprintf("$%d:$%d", header, header))
}

// The judgement cell's text while questions are unanswered: the head, the
// number of unanswered questions and the tail.
const (
	unansweredHead = "未回答の設問が "
	unansweredTail = " 問あります。すべて答えると判定が出ます。"
)

// checkResults are the values the self-diagnosis formulas show.
type checkResults struct {
	parts                      []cached // subtotal of each part
	total, count, band, action cached
}

// diagnosisResults turns the model's score of the answers into what the
// sheet shows: a subtotal only for a part with an answer, a total only
// when something is answered, and a judgement only when everything is.
func diagnosisResults(sc *model.SelfCheck, d model.Diagnosis) checkResults {
	r := checkResults{parts: make([]cached, len(sc.Parts))}
	answered := 0
	for i := range sc.Parts {
		if d.PartCounts[i] > 0 {
			r.parts[i] = cachedNumber(d.Parts[i])
		}
		answered += d.PartCounts[i]
	}
	if answered > 0 {
		r.total = cachedNumber(d.Total)
	}
	r.count = cachedNumber(answered)
	if !d.Complete() {
		r.band = cachedText(unansweredHead + strconv.Itoa(d.Unanswered) + unansweredTail)
		return r
	}
	b := sc.Band(d.Total)
	r.band, r.action = cachedText(b.Label.S), cachedText(b.Action.S)
	return r
}
