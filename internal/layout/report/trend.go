package report

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"sodan/internal/layout"
	"sodan/internal/model"
)

// trend draws what moved since the earlier filling: the assets per band,
// the assessed assets and the self-diagnosis points then and now; the
// assets whose risk value moved; and the assets added to and removed from
// the ledger.
func (l *planner) trend(t model.Trend) {
	sp := l.sp
	bands := l.book.Risk.Scale.Bands
	sc := &l.book.SelfCheck
	l.heading("前回からの変化", 30)
	when := ""
	if !t.Old.Saved.IsZero() {
		when = "（" + layout.DateLabel(t.Old.Saved) + "に保存）"
	}
	l.para(own("前回記入したリスク分析シート「"+path.Base(t.Old.File)+"」"+when+"と比べました。同じ"+l.colTitle("asset")+"と"+l.colTitle("medium")+"の行を同じ資産とみなしています。"), sp.Lead)

	diff := func(d int) cell { return cell{t: own(signed(d)), bold: d != 0} }
	var rows [][]cell
	for i, b := range bands {
		rows = append(rows, []cell{{t: own("判定が" + b.Label.S + "の資産（件）")}, numCell(t.OldCounts[i]), numCell(t.NewCounts[i]), diff(t.NewCounts[i] - t.OldCounts[i])})
	}
	rows = append(rows, []cell{{t: own("評価できた資産（件）")}, numCell(t.OldAssessed), numCell(t.NewAssessed), diff(t.NewAssessed - t.OldAssessed)})
	score := func(d model.Diagnosis) cell {
		s := strconv.Itoa(d.Total)
		if !d.Complete() {
			s += "（未回答 " + strconv.Itoa(d.Unanswered) + "）"
		}
		return cell{t: own(s)}
	}
	rows = append(rows, []cell{{t: own("自社診断の合計（点）"), bold: true}, score(t.OldDiag), score(t.NewDiag), diff(t.NewDiag.Total - t.OldDiag.Total)})
	for i, p := range sc.Parts {
		rows = append(rows, []cell{{t: model.Text{S: "　" + p.Title.S, Loc: p.Title.Loc}}, numCell(t.OldDiag.Parts[i]), numCell(t.NewDiag.Parts[i]), diff(t.NewDiag.Parts[i] - t.OldDiag.Parts[i])})
	}
	w := (l.w - 80) / 3
	l.table([]col{{title: "項目", w: 80}, {title: "前回", w: w, right: true}, {title: "今回", w: w, right: true}, {title: "増減", w: w, right: true}}, rows)

	l.y += sp.ParagraphGap
	if len(t.Changed) == 0 {
		l.para(own("リスク値が変わった資産はありません。"), sp.Body)
	} else {
		var changed [][]cell
		for _, c := range t.Changed {
			oldFill, newFill := sp.Bands[c.OldBand], sp.Bands[c.NewBand]
			what := "リスク値が上がりました"
			switch {
			case c.NewBand < c.OldBand:
				what = "判定が上がりました"
			case c.NewBand > c.OldBand:
				what = "判定が下がりました"
			case c.New.Result.Value < c.Old.Result.Value:
				what = "リスク値が下がりました"
			}
			changed = append(changed, []cell{
				{t: c.New.Asset},
				{t: own(bandValue(bands[c.OldBand], c.Old.Result.Value)), fill: &oldFill},
				{t: own(bandValue(bands[c.NewBand], c.New.Result.Value)), fill: &newFill, bold: true},
				{t: own(what), bold: c.BandMoved()},
			})
		}
		l.table([]col{{title: "リスク値が変わった資産", w: 80}, {title: "前回", w: 25, centre: true}, {title: "今回", w: 25, centre: true}, {title: "変化", w: l.w - 130}}, changed)
	}
	list := func(what string, rows []model.FilledRow) {
		if len(rows) == 0 {
			return
		}
		names := make([]string, len(rows))
		for i, r := range rows {
			names[i] = r.Asset.S
		}
		l.para(own(fmt.Sprintf("%s（%d 件）：%s", what, len(rows), strings.Join(names, "、"))), sp.Body)
	}
	list("新しく台帳に載った資産", t.Added)
	list("台帳からなくなった資産", t.Removed)
}

// signed is a difference with its sign: +2, -1, ±0.
func signed(d int) string {
	switch {
	case d > 0:
		return "+" + strconv.Itoa(d)
	case d < 0:
		return strconv.Itoa(d)
	}
	return "±0"
}

// bandValue is a band with a risk value: 大（9）.
func bandValue(b model.Band, v int) string { return b.Label.S + "（" + strconv.Itoa(v) + "）" }
