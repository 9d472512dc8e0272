package report

import (
	"fmt"
	"strconv"
	"strings"

	"sodan/internal/model"
)

// colTitle returns the ledger column's title as the sources spell it.
func (l *planner) colTitle(id string) string { return colTitle(l.book, id) }

// treatments draws the treatment plan: each asset of every band but the
// lowest, the higher band and risk first, with the treatment chosen in the
// ledger's 対応 column and its one-line explanation from the sources, or
// 未選択. An asset in the top band with 保有 chosen is marked ※ and said
// again under the table.
func (l *planner) treatments(plan []model.PlanItem) {
	sp := l.sp
	risk := &l.book.Risk
	bands := risk.Scale.Bands
	var upper []string
	for _, b := range bands[:len(bands)-1] {
		upper = append(upper, b.Label.S)
	}
	l.heading("リスクへの対応（判定が"+strings.Join(upper, "・")+"の資産）", 20)
	var names, others []string
	for _, t := range risk.Treatments {
		names = append(names, t.Name.S)
		if t.Name.S != model.RetainTreatment {
			others = append(others, t.Name.S)
		}
	}
	if len(plan) == 0 {
		l.para(own("判定が"+strings.Join(upper, "・")+"の資産はありません。"), sp.Body)
		return
	}
	l.para(own(fmt.Sprintf("台帳の「対応」の列で選んだリスク対応（%s）です。判定の高い順、同じ判定ではリスク値の高い順に並べています。", strings.Join(names, "・"))), sp.Lead)
	w := sp.PlanWidths
	cols := []col{
		{title: l.colTitle("asset"), w: w[0]}, {title: l.colTitle("judgement"), w: w[1], centre: true},
		{title: l.colTitle("risk"), w: w[2], right: true}, {title: "対応", w: w[3], centre: true},
		{title: "対応の内容", w: l.w - w[0] - w[1] - w[2] - w[3]},
	}
	var rows [][]cell
	retained, unchosen := 0, 0
	for _, p := range plan {
		fill := sp.Bands[p.Band]
		choice, about := cell{t: own("未選択"), color: &sp.Muted}, cell{t: own("台帳の「対応」の列で選んでください"), color: &sp.Muted}
		switch {
		case p.Treatment == nil:
			unchosen++
		case p.Retained:
			retained++
			choice = cell{t: own(p.Treatment.Name.S + " ※"), bold: true, color: &sp.Attention}
			about = cell{t: own(p.Treatment.Text.S + "\n※ 判定が" + bands[0].Label.S + "です。受け入れてよいか確かめてください"), bold: true, color: &sp.Attention}
		default:
			choice = cell{t: p.Treatment.Name, bold: true}
			about = cell{t: p.Treatment.Text}
		}
		rows = append(rows, []cell{
			{t: p.Asset}, {t: own(bands[p.Band].Label.S), fill: &fill, bold: true},
			{t: own(strconv.Itoa(p.Result.Value)), bold: true}, choice, about,
		})
	}
	l.table(cols, rows)
	if retained > 0 {
		why := ""
		for _, t := range risk.Treatments {
			if t.Name.S == model.RetainTreatment && t.Example.S != "" {
				why = "「" + model.RetainTreatment + "」は、" + t.Example.S + "などに選ぶ対応です。"
			}
		}
		st := sp.Body
		st.Bold, st.Color = true, sp.Attention
		l.para(own(fmt.Sprintf("※ 判定が%sなのに「%s」を選んだ資産が %d 件あります。%s%sができないか、経営者と確かめてください。",
			bands[0].Label.S, model.RetainTreatment, retained, why, strings.Join(others, "・"))), st)
	}
	if unchosen > 0 {
		l.para(own(fmt.Sprintf("対応が未選択の資産が %d 件あります。", unchosen)), sp.Body)
	}
}
