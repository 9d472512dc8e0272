package xlsx

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"sodan/internal/model"
)

// kind is what a ledger column holds, which decides its style, drop-down
// and formula.
type kind int

const (
	kindText kind = iota
	kindMedium
	kindFlag
	kindLevel // 機密性・完全性・可用性
	kindThreat
	kindVuln
	kindDate
	kindTreatment
	kindImportance
	kindLikelihood
	kindRisk
	kindJudgement
)

// flagIDs are the ledger columns of the personal-information flags, in the
// order of model.Risk.PersonalInfo.
var flagIDs = []string{"pi", "pi_sensitive", "pi_mynumber"}

var kinds = map[string]kind{
	"medium": kindMedium, "pi": kindFlag, "pi_sensitive": kindFlag, "pi_mynumber": kindFlag,
	"c": kindLevel, "i": kindLevel, "a": kindLevel, "threat": kindThreat, "vulnerability": kindVuln,
	"registered": kindDate, treatmentColumn: kindTreatment,
	"importance": kindImportance, "likelihood": kindLikelihood, "risk": kindRisk, "judgement": kindJudgement,
}

// groups label the heading row above the column titles; neighbouring
// columns of the same group share one merged cell.
var groups = map[string]string{
	"business": "情報資産", "asset": "情報資産", "note": "情報資産", "users": "情報資産", "owner": "情報資産", "medium": "情報資産",
	"pi": "個人情報の種類", "pi_sensitive": "個人情報の種類", "pi_mynumber": "個人情報の種類",
	"c": "評価値", "i": "評価値", "a": "評価値",
	"threat": "現状（選択）", "vulnerability": "現状（選択）",
	"importance": "リスク（自動計算）", "likelihood": "リスク（自動計算）", "risk": "リスク（自動計算）", "judgement": "リスク（自動計算）",
}

func (k kind) computed() bool { return k >= kindImportance }

// ledgerCol is one column of the ledger or the example sheet.
type ledgerCol struct {
	id, title, help string
	kind            kind
	col             int
	width           float64
}

// ledgerPlan records where a ledger-shaped sheet put its cells.
type ledgerPlan struct {
	sheet       string
	cols        []ledgerCol
	byID        map[string]int // column number by ledger column ID
	first, last int            // data rows
}

// Rows of a ledger-shaped sheet.
const (
	ledgerTitleRow  = 1
	ledgerGroupRow  = 2
	ledgerHeaderRow = 3
	ledgerFirstRow  = 4
)

// ref is the relative reference of column id in row r.
func (p *ledgerPlan) ref(id string, r int) string { return cell(p.byID[id], r) }

// columnArea is the absolute range of column id over the data rows.
func (p *ledgerPlan) columnArea(id string) string {
	c := p.byID[id]
	return area(p.sheet, c, p.first, c, p.last)
}

// plan lays out the columns: the ledger columns of the sources in their
// order, then the treatment column.
func (w *writer) plan(sheet string, rows int) *ledgerPlan {
	p := &ledgerPlan{sheet: sheet, byID: map[string]int{}, first: ledgerFirstRow, last: ledgerFirstRow + rows - 1}
	cols := make([]ledgerCol, 0, len(w.risk.Columns)+1)
	for _, c := range w.risk.Columns {
		cols = append(cols, ledgerCol{id: c.ID, title: c.Title.S, help: c.Help.S})
	}
	cols = append(cols, ledgerCol{id: treatmentColumn, title: "対応", help: "リスクへの対応を選びます（評価が終わってから）。"})
	for i := range cols {
		c := &cols[i]
		c.col = i + 1
		c.kind = kinds[c.id]
		c.width = max(units(c.title)+2, 6)
		if v, ok := w.spec.Widths[c.id]; ok {
			c.width = v
		}
		p.byID[c.id] = c.col
	}
	p.cols = cols
	return p
}

// ledgerSheet writes the asset ledger: examples filled in when examples is
// not nil, else spec.LedgerRows empty rows. Inputs are drop-downs where
// the method has fixed values; results are formulas.
func (w *writer) ledgerSheet(sheet string, examples []model.Example) *ledgerPlan {
	rows := w.spec.LedgerRows
	if examples != nil {
		rows = len(examples)
	}
	p := w.plan(sheet, rows)
	s := &w.st
	for _, c := range p.cols {
		w.width(sheet, c.col, c.width)
	}

	// Title, groups and column headings.
	title := sheetLedger
	intro := "評価の尺度：" + w.scale.Name.S + "。黄色のセルに書き込むか一覧から選ぶと、右の「自動計算」の列が埋まります。"
	if examples != nil {
		title = "記入例（情報資産管理台帳の書き方）"
		intro = "書き方の例です。黄色のセルを書き換えると、計算の動きを確かめられます。評価の尺度：" + w.scale.Name.S + "。"
	}
	w.str(sheet, 1, ledgerTitleRow, title)
	w.style(sheet, 1, ledgerTitleRow, 1, ledgerTitleRow, s.title)
	w.str(sheet, 4, ledgerTitleRow, intro)
	w.height(sheet, ledgerTitleRow, w.rowHeight(1)+8)
	w.groupRow(p)
	hl := 1
	for _, c := range p.cols {
		if _, grouped := groups[c.id]; grouped {
			w.str(sheet, c.col, ledgerHeaderRow, c.title) // else groupRow wrote it above, merged
		}
		st := s.header
		if c.kind.computed() {
			st = s.compHead
		}
		w.style(sheet, c.col, ledgerHeaderRow, c.col, ledgerHeaderRow, st)
		hl = max(hl, lines(c.title, c.width))
	}
	w.height(sheet, ledgerHeaderRow, w.rowHeight(hl))

	// Data rows.
	for r := p.first; r <= p.last; r++ {
		n := 1
		var res map[kind]cached // blank results on an empty row
		if examples != nil {
			res = w.exampleResults(examples[r-p.first])
		}
		for _, c := range p.cols {
			st := s.inputCenter
			switch c.kind {
			case kindText, kindMedium:
				st = s.input
			case kindDate:
				st = s.inputDate
			case kindImportance, kindLikelihood, kindRisk, kindJudgement:
				st = s.result
				w.formula(sheet, c.col, r, w.ledgerFormula(p, c.kind, r), res[c.kind])
			}
			w.style(sheet, c.col, r, c.col, r, st)
		}
		if examples != nil {
			n = w.exampleRow(p, r, examples[r-p.first])
		}
		w.height(sheet, r, w.rowHeight(n)+2)
	}

	// Drop-downs and input messages, then band colours on the results.
	for _, c := range p.cols {
		w.validate(sheet, cell(c.col, p.first)+":"+cell(c.col, p.last), c)
	}
	judge := p.byID["judgement"]
	for _, id := range []string{"risk", "judgement"} {
		c := p.byID[id]
		w.bandColours(sheet, cell(c, p.first)+":"+cell(c, p.last), judge, p.first)
	}

	// Freeze the headings and, when they come first, the asset's name.
	x := 0
	if a := p.byID["asset"]; a <= 3 {
		x = a
	}
	w.fail(w.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: x, YSplit: ledgerHeaderRow,
		TopLeftCell: cell(x+1, p.first), ActivePane: activePane(x),
		Selection: []excelize.Selection{{SQRef: cell(x+1, p.first), ActiveCell: cell(x+1, p.first), Pane: activePane(x)}},
	}))
	w.finish(sheet, fmt.Sprintf("$%d:$%d", ledgerGroupRow, ledgerHeaderRow))
	return p
}

func activePane(xsplit int) string {
	if xsplit > 0 {
		return "bottomRight"
	}
	return "bottomLeft"
}

// groupRow writes the group headings: neighbouring columns of one group
// share a merged cell; a column without a group has its title merged over
// both heading rows.
func (w *writer) groupRow(p *ledgerPlan) {
	s := &w.st
	for i := 0; i < len(p.cols); {
		c := p.cols[i]
		g, ok := groups[c.id]
		j := i
		for ok && j+1 < len(p.cols) && groups[p.cols[j+1].id] == g {
			j++
		}
		st := s.header
		if c.kind.computed() {
			st = s.compHead
		}
		if !ok {
			w.merge(p.sheet, c.col, ledgerGroupRow, c.col, ledgerHeaderRow)
			w.str(p.sheet, c.col, ledgerGroupRow, c.title)
		} else {
			w.str(p.sheet, c.col, ledgerGroupRow, g)
			w.merge(p.sheet, c.col, ledgerGroupRow, p.cols[j].col, ledgerGroupRow)
		}
		w.style(p.sheet, c.col, ledgerGroupRow, p.cols[j].col, ledgerGroupRow, st)
		i = j + 1
	}
	w.height(p.sheet, ledgerGroupRow, w.rowHeight(1)+2)
}

// ledgerFormula is the formula of a computed column in row r. Each result
// is "" until the inputs it needs are all there.
func (w *writer) ledgerFormula(p *ledgerPlan, k kind, r int) string {
	ref := func(id string) string { return p.ref(id, r) }
	blank := func(ids ...string) string {
		t := make([]string, len(ids))
		for i, id := range ids {
			t[i] = ref(id) + `=""`
		}
		return "OR(" + strings.Join(t, ",") + ")"
	}
	switch k {
	case kindImportance:
		flags := make([]string, 0, len(flagIDs))
		for i, id := range flagIDs {
			if i < len(w.risk.PersonalInfo) {
				flags = append(flags, ref(id)+`="`+yes+`"`)
			}
		}
		top := fmt.Sprintf("MAX(%s,%s,%s)", ref("c"), ref("i"), ref("a"))
		if len(flags) > 0 {
			top = fmt.Sprintf("IF(OR(%s),MAX(%s),%s)", strings.Join(flags, ","), nameLevels, top)
		}
		return fmt.Sprintf(`IF(%s,"",%s)`, blank("c", "i", "a"), top)
	case kindLikelihood:
		return fmt.Sprintf(`IF(%s,"",INDEX(%s,MATCH(%s,%s,0),MATCH(%s,%s,0)))`,
			blank("threat", "vulnerability"), nameTable, ref("threat"), nameTableThreat, ref("vulnerability"), nameTableVuln)
	case kindRisk:
		return fmt.Sprintf(`IF(%s,"",%s*%s)`, blank("importance", "likelihood"), ref("importance"), ref("likelihood"))
	case kindJudgement:
		return fmt.Sprintf(`IF(%s,"",LOOKUP(%s,%s,%s))`, blank("risk"), ref("risk"), nameBandMin, nameBandLabel)
	}
	return ""
}

// exampleResults are the values of the computed columns for example e:
// its assessment by the model.
func (w *writer) exampleResults(e model.Example) map[kind]cached {
	a := w.risk.AssessExample(w.scale, e)
	return map[kind]cached{
		kindImportance: cachedNumber(a.Importance),
		kindLikelihood: cachedNumber(a.Likelihood),
		kindRisk:       cachedNumber(a.Value),
		kindJudgement:  cachedText(a.Band.Label.S),
	}
}

// exampleRow fills the inputs of row r with example e and returns the
// number of lines its tallest cell needs.
func (w *writer) exampleRow(p *ledgerPlan, r int, e model.Example) int {
	sh := p.sheet
	texts := map[string]string{
		"business": e.Business.S, "asset": e.Asset.S, "note": e.Note.S, "users": e.Users.S,
		"owner": e.Owner.S, "medium": e.Medium.S, "retention": e.Retention.S, treatmentColumn: e.Treatment.S,
	}
	n := 1
	for _, c := range p.cols {
		switch c.kind {
		case kindText, kindMedium, kindTreatment:
			if t := texts[c.id]; t != "" {
				w.str(sh, c.col, r, t)
				n = max(n, lines(t, c.width))
			}
		case kindLevel:
			rank := map[string]int{"c": e.C, "i": e.I, "a": e.A}[c.id]
			w.num(sh, c.col, r, w.scale.FromRank(rank))
		case kindThreat:
			w.num(sh, c.col, r, e.Threat)
		case kindVuln:
			w.num(sh, c.col, r, e.Vulnerability)
		case kindDate:
			w.date(sh, c.col, r, e.Registered.S)
		}
	}
	for i, id := range flagIDs {
		if i < len(e.PersonalInfo) {
			v := no
			if e.PersonalInfo[i] {
				v = yes
			}
			w.str(sh, p.byID[id], r, v)
		}
	}
	return n
}

// date writes an ISO date as an Excel date serial, or as text when it is
// not one.
func (w *writer) date(sh string, col, row int, s string) {
	if s == "" {
		return
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		w.str(sh, col, row, s)
		return
	}
	serial := t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
	if w.err == nil {
		w.fail(w.f.SetCellFloat(sh, cell(col, row), serial, 0, 64))
	}
}
