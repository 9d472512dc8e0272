package xlsx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"sodan/internal/model"
)

// Excel's limits for the texts of a data validation, in UTF-16 units.
const (
	maxPromptTitle = 32
	maxPrompt      = 255
	maxErrorText   = 225
)

// validate adds the input message and, for fixed choices, the drop-down
// list and error alert of a ledger column over sqref.
func (w *writer) validate(sheet, sqref string, c ledgerCol) {
	if c.kind.computed() || w.err != nil {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	stop := func(msg string) {
		dv.SetError(excelize.DataValidationErrorStyleStop, "入力できない値です", clip(msg, maxErrorText))
	}
	input := c.help
	switch c.kind {
	case kindMedium:
		dv.SetSqrefDropList(nameMedia)
		input = c.help + "\n一覧から選ぶか、直接書き込みます。"
		dv.SetError(excelize.DataValidationErrorStyleInformation, "一覧にない保存先です",
			"一覧にない保存先です。このままでよければ「OK」を押してください。")
	case kindFlag:
		dv.SetSqrefDropList(nameYesNo)
		input = c.help + "\n「" + yes + "」か「" + no + "」を一覧から選びます。"
		stop(c.title + "は「" + yes + "」か「" + no + "」を一覧から選んでください。")
	case kindLevel:
		dv.SetSqrefDropList(nameLevels)
		input = prompt(c.help, scaleLevels(w.scale.Levels))
		stop(c.title + "は " + w.valueList() + " のどれかを一覧から選んでください。基準は「評価基準」シートにあります。")
	case kindThreat, kindVuln:
		levels := w.risk.Threat
		dv.SetSqrefDropList(nameThreat)
		if c.kind == kindVuln {
			levels = w.risk.Vulnerability
			dv.SetSqrefDropList(nameVuln)
		}
		input = prompt(c.help, plainLevels(levels))
		stop(c.title + "は 3・2・1 のどれかを一覧から選んでください。")
	case kindDate:
		w.fail(dv.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
		input = c.help + "\n例：2026/4/1"
		stop(c.title + "は日付で入力してください（例：2026/4/1）。")
	case kindTreatment:
		dv.SetSqrefDropList(nameTreatments)
		t := make([]string, len(w.risk.Treatments))
		for i, tr := range w.risk.Treatments {
			t[i] = tr.Name.S + "：" + tr.Text.S
		}
		input = prompt(c.help, t)
		stop("対応は一覧から選んでください。")
	}
	dv.SetInput(clip(c.title, maxPromptTitle), clip(input, maxPrompt))
	w.fail(w.f.AddDataValidation(sheet, dv))
}

// valueList is the scale's values, "3・2・1".
func (w *writer) valueList() string {
	v := make([]string, len(w.scale.Levels))
	for i, l := range w.scale.Levels {
		v[i] = strconv.Itoa(l.Value)
	}
	return strings.Join(v, "・")
}

// scaleLevels describes C/I/A levels, one line each: "3 高：…".
func scaleLevels(levels []model.ScaleLevel) []string {
	out := make([]string, len(levels))
	for i, l := range levels {
		out[i] = fmt.Sprintf("%d %s：%s", l.Value, l.Label.S, l.Meaning.S)
	}
	return out
}

// plainLevels describes threat or vulnerability levels, one line each.
func plainLevels(levels []model.Level) []string {
	out := make([]string, len(levels))
	for i, l := range levels {
		out[i] = fmt.Sprintf("%d %s：%s", l.Value, l.Label.S, l.Meaning.S)
	}
	return out
}

// prompt joins a help text and one line per choice, dropping the
// explanations after the first "：" when the whole would not fit Excel's
// limit.
func prompt(help string, choices []string) string {
	full := help + "\n" + strings.Join(choices, "\n")
	if utf16Len(full) <= maxPrompt {
		return full
	}
	short := make([]string, len(choices))
	for i, c := range choices {
		short[i], _, _ = strings.Cut(c, "：")
	}
	return help + "\n" + strings.Join(short, "　")
}

// clip shortens s to at most n UTF-16 units, ending it with "…" when cut.
func clip(s string, n int) string {
	if utf16Len(s) <= n {
		return s
	}
	r := []rune(s)
	for utf16Len(string(r))+1 > n {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// bandValidation lets the band minimums on the criteria sheet take whole
// numbers only, and explains what they do.
func (w *writer) bandValidation(sheet string, first, last int) {
	if w.err != nil {
		return
	}
	dv := excelize.NewDataValidation(false)
	dv.Sqref = cell(1, first) + ":" + cell(1, last)
	w.fail(dv.SetRange(-100, 100, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
	dv.SetInput("判定の下限", "リスク値がこの値以上で、下の行の下限より小さいとき、この判定になります。下限は小さい順に並べてください。")
	dv.SetError(excelize.DataValidationErrorStyleStop, "入力できない値です", "下限は -100〜100 の整数で入力してください。")
	w.fail(w.f.AddDataValidation(sheet, dv))
}

// bandColours colours the cells of sqref by the judgement in column
// keyCol of the same row (firstRow is the first row of sqref). The rules
// compare with the band labels on the criteria sheet, so renaming a band
// there keeps the colours.
func (w *writer) bandColours(sheet, sqref string, keyCol, firstRow int) {
	if w.err != nil {
		return
	}
	n := len(w.scale.Bands)
	rules := make([]excelize.ConditionalFormatOptions, 0, n)
	for i := range w.scale.Bands { // high to low; the named labels are ascending
		format := w.st.bands[i]
		rules = append(rules, excelize.ConditionalFormatOptions{
			Type:     "formula",
			Criteria: fmt.Sprintf("$%s%d=INDEX(%s,%d)", colName(keyCol), firstRow, nameBandLabel, n-i),
			Format:   &format,
		})
	}
	w.fail(w.f.SetConditionalFormat(sheet, sqref, rules))
}
