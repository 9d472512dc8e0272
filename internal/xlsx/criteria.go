package xlsx

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"sodan/internal/model"
)

// Defined names on the 評価基準 sheet that formulas and drop-downs read.
const (
	nameLevels      = "評価値"     // C/I/A levels, high to low
	nameThreat      = "脅威値"     // threat levels
	nameVuln        = "脆弱性値"    // vulnerability levels
	nameTable       = "可能性表"    // 被害発生可能性, rows threat, columns vulnerability
	nameTableThreat = "可能性_脅威"  // the row headings of the table
	nameTableVuln   = "可能性_脆弱性" // the column headings of the table
	nameBandMin     = "判定下限"    // lowest risk value of each band, ascending
	nameBandLabel   = "判定ラベル"   // the band labels, same order
	nameBandAction  = "判定対応"    // what to do, same order
	nameYesNo       = "有無"
	nameMedia       = "媒体"
	nameTreatments  = "対応"
	nameAnswers     = "回答"
	namePoints      = "回答点"
	nameDiagMin     = "診断下限" // self-diagnosis bands, ascending
	nameDiagLabel   = "診断ラベル"
	nameDiagAction  = "診断対応"
)

// Columns of the 評価基準 sheet.
var criteriaWidths = []float64{10, 9, 30, 34, 34, 34}

// criteriaSheet writes the scale, the threat and vulnerability levels, the
// likelihood table, the judgement bands of the risk value and of the
// self-diagnosis, and the drop-down lists, and names the cells the other
// sheets read.
func (w *writer) criteriaSheet() {
	const sh = sheetCriteria
	r, s := w.risk, &w.st
	for i, wd := range criteriaWidths {
		w.width(sh, i+1, wd)
	}
	last := len(criteriaWidths)
	w.str(sh, 1, 1, "評価基準　"+w.scale.Name.S)
	w.style(sh, 1, 1, 1, 1, s.title)
	w.height(sh, 1, w.rowHeight(1)+8)
	row := 2
	row = w.paragraph(sh, row, last, w.scale.Note.S+" 黄色のセル（判定の下限）は書き換えられます。書き換えると、記入例・台帳・集計の判定がすべて変わります。", s.para)

	// 1. C/I/A and 重要度.
	row = w.heading(sh, row+1, "1. 機密性・完全性・可用性と重要度の基準")
	w.headerRow(sh, row, s.header, "値", "区分", "重要度の意味", "機密性", "完全性", "可用性")
	first := row + 1
	for _, l := range w.scale.Levels {
		row++
		w.num(sh, 1, row, l.Value)
		w.str(sh, 2, row, l.Label.S)
		w.str(sh, 3, row, l.Meaning.S)
		w.str(sh, 4, row, l.Confidentiality.S)
		w.str(sh, 5, row, l.Integrity.S)
		w.str(sh, 6, row, l.Availability.S)
		w.style(sh, 1, row, 2, row, s.center)
		w.style(sh, 3, row, 6, row, s.text)
		w.fitRow(sh, row, l.Meaning.S, l.Confidentiality.S, l.Integrity.S, l.Availability.S)
	}
	w.name(nameLevels, area(sh, 1, first, 1, row))
	row = w.paragraph(sh, row+1, last, "重要度は機密性・完全性・可用性のうち最も高い値です。"+r.PersonalInfoNote.S, s.note)

	// 2–4. Threat, vulnerability and likelihood levels.
	row = w.levelTable(sh, row+1, "2. 脅威の発生頻度", r.Threat, nameThreat)
	row = w.levelTable(sh, row+1, "3. 脆弱性", r.Vulnerability, nameVuln)
	row = w.levelTable(sh, row+1, "4. 被害発生可能性", r.LikelihoodLevels, "")

	// 5. The likelihood lookup table.
	row = w.heading(sh, row+1, "5. 被害発生可能性の表")
	w.str(sh, 1, row, "脅威＼脆弱性")
	w.style(sh, 1, row, 1, row, s.header)
	w.height(sh, row, w.rowHeight(2))
	vulns := []int{3, 2, 1}
	for j, v := range vulns {
		w.num(sh, 2+j, row, v)
		w.style(sh, 2+j, row, 2+j, row, s.header)
	}
	w.name(nameTableVuln, area(sh, 2, row, 1+len(vulns), row))
	head := row
	for _, t := range []int{3, 2, 1} {
		row++
		w.num(sh, 1, row, t)
		w.style(sh, 1, row, 1, row, s.header)
		for j, v := range vulns {
			w.num(sh, 2+j, row, r.Likelihood[t][v])
			w.style(sh, 2+j, row, 2+j, row, s.center)
		}
	}
	w.name(nameTableThreat, area(sh, 1, head+1, 1, row))
	w.name(nameTable, area(sh, 2, head+1, 1+len(vulns), row))
	row = w.paragraph(sh, row+1, last, "行が脅威の発生頻度、列が脆弱性です。交わるセルの値が被害発生可能性になります（脅威と脆弱性の積ではありません）。", s.note)

	// 6. Judgement bands, ascending so LOOKUP can read them. They start a
	// page, so the tables a consultant may change print whole.
	if w.err == nil {
		w.fail(w.f.InsertPageBreak(sh, cell(1, row+1)))
	}
	row = w.heading(sh, row+1, "6. リスク値の判定")
	row = w.paragraph(sh, row, last, fmt.Sprintf("リスク値 ＝ 重要度 × 被害発生可能性。この尺度でとりうるリスク値は %s です。リスク値が「下限」以上になる判定のうち、下限がいちばん大きいものが判定になります。下限は小さい順に並べてください。", w.riskValues()), s.note)
	w.headerRow(sh, row, s.header, "下限", "判定", "意味", "対応")
	w.merge(sh, 4, row, last, row)
	w.style(sh, 4, row, last, row, s.header)
	first = row + 1
	for i := len(w.scale.Bands) - 1; i >= 0; i-- {
		b := w.scale.Bands[i]
		row++
		w.num(sh, 1, row, b.Min)
		w.str(sh, 2, row, b.Label.S)
		w.str(sh, 3, row, b.Meaning.S)
		w.str(sh, 4, row, b.Action.S)
		w.merge(sh, 4, row, last, row)
		w.style(sh, 1, row, 1, row, s.inputNum)
		w.style(sh, 2, row, 2, row, s.result)
		w.style(sh, 3, row, last, row, s.text)
		w.fitRow(sh, row, b.Meaning.S)
	}
	w.name(nameBandMin, area(sh, 1, first, 1, row))
	w.name(nameBandLabel, area(sh, 2, first, 2, row))
	w.name(nameBandAction, area(sh, 4, first, 4, row))
	w.bandValidation(sh, first, row)
	w.bandColours(sh, cell(2, first)+":"+cell(2, row), 2, first)

	// 7. Self-diagnosis bands, ascending.
	row = w.heading(sh, row+2, "7. 自社診断の判定")
	row = w.paragraph(sh, row, last, "合計点がその行の「下限」以上で、次の行の下限に届かないとき、その判定になります。下限は小さい順に並べてください。", s.note)
	w.headerRow(sh, row, s.header, "下限", "", "判定", "取り組み")
	w.merge(sh, 1, row, 2, row)
	w.merge(sh, 4, row, last, row)
	w.style(sh, 4, row, last, row, s.header)
	first = row + 1
	sc := &w.book.SelfCheck
	for i := len(sc.Bands) - 1; i >= 0; i-- {
		b := sc.Bands[i]
		row++
		w.num(sh, 1, row, b.Min)
		w.str(sh, 3, row, b.Label.S)
		w.str(sh, 4, row, b.Action.S)
		w.merge(sh, 1, row, 2, row)
		w.merge(sh, 4, row, last, row)
		w.style(sh, 1, row, 2, row, s.center)
		w.style(sh, 3, row, 3, row, s.bold)
		w.style(sh, 4, row, last, row, s.text)
		w.fitRow(sh, row, b.Label.S)
	}
	w.name(nameDiagMin, area(sh, 1, first, 1, row))
	w.name(nameDiagLabel, area(sh, 3, first, 3, row))
	w.name(nameDiagAction, area(sh, 4, first, 4, row))

	// 8. The drop-down lists.
	row = w.heading(sh, row+2, "8. 入力の選択肢")
	w.str(sh, 1, row, "有無")
	w.str(sh, 3, row, "媒体・保存先")
	w.str(sh, 4, row, "リスク対応")
	w.str(sh, 5, row, "自社診断の回答")
	w.str(sh, 6, row, "点数")
	w.style(sh, 1, row, 1, row, s.header)
	w.style(sh, 3, row, last, row, s.header)
	treatments := make([]string, len(r.Treatments))
	for i, t := range r.Treatments {
		treatments[i] = t.Name.S
	}
	media := make([]string, len(r.Media))
	for i, m := range r.Media {
		media[i] = m.S
	}
	answers := make([]string, len(w.book.SelfCheck.Answers))
	points := make([]int, len(answers))
	for i, a := range w.book.SelfCheck.Answers {
		answers[i], points[i] = a.Label.S, a.Points
	}
	w.list(sh, 1, row+1, nameYesNo, []string{yes, no}, s.center)
	w.list(sh, 3, row+1, nameMedia, media, s.text)
	w.list(sh, 4, row+1, nameTreatments, treatments, s.text)
	w.list(sh, 5, row+1, nameAnswers, answers, s.text)
	for i, p := range points {
		w.num(sh, 6, row+1+i, p)
		w.style(sh, 6, row+1+i, 6, row+1+i, s.center)
	}
	if len(points) > 0 {
		w.name(namePoints, area(sh, 6, row+1, 6, row+len(points)))
	}
	w.finish(sh, "")
}

// riskValues lists the risk values the scale can give, ascending.
func (w *writer) riskValues() string {
	seen := map[int]bool{}
	for _, imp := range w.scale.Values() {
		for l := 1; l <= 3; l++ {
			seen[imp*l] = true
		}
	}
	v := make([]int, 0, len(seen))
	for k := range seen {
		v = append(v, k)
	}
	sort.Ints(v)
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, "・")
}

// levelTable writes a heading and a value/label/meaning table, naming the
// value cells when name is not empty. It returns the last row.
func (w *writer) levelTable(sh string, row int, title string, levels []model.Level, name string) int {
	s := &w.st
	row = w.heading(sh, row, title)
	last := len(criteriaWidths)
	w.headerRow(sh, row, s.header, "値", "区分", "意味")
	w.merge(sh, 3, row, last, row)
	w.style(sh, 3, row, last, row, s.header)
	first := row + 1
	for _, l := range levels {
		row++
		w.num(sh, 1, row, l.Value)
		w.str(sh, 2, row, l.Label.S)
		w.str(sh, 3, row, l.Meaning.S)
		w.merge(sh, 3, row, last, row)
		w.style(sh, 1, row, 2, row, s.center)
		w.style(sh, 3, row, last, row, s.text)
	}
	if name != "" && len(levels) > 0 {
		w.name(name, area(sh, 1, first, 1, row))
	}
	return row
}

// list writes the values of a drop-down list down a column and names them.
func (w *writer) list(sh string, col, row int, name string, values []string, style int) {
	for i, v := range values {
		w.str(sh, col, row+i, v)
		w.style(sh, col, row+i, col, row+i, style)
	}
	if len(values) > 0 {
		w.name(name, area(sh, col, row, col, row+len(values)-1))
	}
}

// heading writes a section heading at row and returns the next row.
func (w *writer) heading(sh string, row int, title string) int {
	w.str(sh, 1, row, title)
	w.style(sh, 1, row, 1, row, w.st.heading)
	w.height(sh, row, w.rowHeight(1)+6)
	return row + 1
}

// headerRow writes column headings from column 1 with the given style.
func (w *writer) headerRow(sh string, row, style int, titles ...string) {
	for i, t := range titles {
		w.str(sh, i+1, row, t)
	}
	w.style(sh, 1, row, len(titles), row, style)
}

// paragraph writes wrapped text across columns 1..last at row and returns
// the next row.
func (w *writer) paragraph(sh string, row, last int, text string, style int) int {
	w.str(sh, 1, row, text)
	w.merge(sh, 1, row, last, row)
	w.style(sh, 1, row, last, row, style)
	total := 0.0
	for c := 1; c <= last; c++ {
		total += w.colWidth(sh, c)
	}
	w.height(sh, row, w.rowHeight(lines(text, total)))
	return row + 1
}

// colWidth reads back a column width set earlier.
func (w *writer) colWidth(sh string, col int) float64 {
	if w.err != nil {
		return 10
	}
	v, err := w.f.GetColWidth(sh, colName(col))
	w.fail(err)
	return v
}

// fitRow sets the height of a criteria row from its wrapped texts, which
// sit in columns 3 onwards.
func (w *writer) fitRow(sh string, row int, texts ...string) {
	n := 1
	for i, t := range texts {
		n = max(n, lines(t, criteriaWidths[2+i]))
	}
	w.height(sh, row, w.rowHeight(n))
}
