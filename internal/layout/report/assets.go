package report

import (
	"fmt"
	"strconv"
	"strings"

	"sodan/internal/layout"
	"sodan/internal/model"
)

// counts draws one box per judgement band with its word and the number of
// assets, and a line on the assets not yet assessed.
func (l *planner) counts(scale *model.Scale, done []model.AssessedRow, incomplete []model.FilledRow) {
	sp := l.sp
	l.heading("判定ごとの資産の数", sp.CountH)
	n := len(scale.Bands)
	bw := (l.w - float64(n-1)*sp.CountGap) / float64(n)
	counts := model.BandCounts(scale, done)
	for i, b := range scale.Bands {
		count := counts[i]
		x := l.x + float64(i)*(bw+sp.CountGap)
		fill := sp.Bands[i]
		l.add(layout.Rect{X: layout.Round(x), Y: layout.Round(l.y), W: layout.Round(bw), H: sp.CountH, Fill: &fill, Stroke: &sp.Rule, LineWidth: sp.CountRule})
		blk, _ := l.set.Fit(own(fmt.Sprintf("%s　%d 件", b.Label.S, count)), bw-2*sp.PadX, sp.Count, one)
		l.add(blk.DrawCentred(l.m, x, l.y+(sp.CountH-blk.Height())/2, bw)...)
	}
	l.y += sp.CountH + sp.ParagraphGap
	var bounds []string
	for _, b := range scale.Bands {
		bounds = append(bounds, fmt.Sprintf("%s %d 以上", b.Label.S, b.Min))
	}
	l.para(own(fmt.Sprintf("評価できた資産 %d 件、未記入の項目がある資産 %d 件。リスク値＝重要度×被害発生可能性（尺度「%s」、判定は %s）。",
		len(done), len(incomplete), scale.Name.S, strings.Join(bounds, "・"))), sp.Lead)
}

// colTitle returns the ledger column's title as the sources spell it.
func colTitle(book *model.Book, id string) string {
	for _, c := range book.Risk.Columns {
		if c.ID == id {
			return c.Title.S
		}
	}
	return id
}

// assets draws the table of assessed assets, highest risk first.
func (l *planner) assets(book *model.Book, scale *model.Scale, done []model.AssessedRow) {
	sp := l.sp
	l.heading("リスク値の高い順の資産", 20)
	if len(done) == 0 {
		l.para(own("評価できた資産はありません（機密性・完全性・可用性・脅威・脆弱性をすべて記入した行がありません）。"), sp.Body)
		return
	}
	w := sp.Widths
	cols := []col{
		{title: colTitle(book, "asset"), w: w[0]}, {title: colTitle(book, "business"), w: w[1]}, {title: colTitle(book, "medium"), w: w[2]},
		{title: colTitle(book, "importance"), w: w[3], right: true}, {title: colTitle(book, "likelihood"), w: w[4], right: true},
		{title: colTitle(book, "risk"), w: w[5], right: true},
		{title: colTitle(book, "judgement"), w: w[6], centre: true}, {title: "対策の目安", w: w[7]},
	}
	index := map[string]int{}
	for i, b := range scale.Bands {
		index[b.Label.S] = i
	}
	var rows [][]cell
	for _, r := range done {
		fill := sp.Bands[index[r.Result.Band.Label.S]]
		rows = append(rows, []cell{
			{t: r.Asset}, {t: r.Business}, {t: r.Medium},
			numCell(r.Result.Importance), numCell(r.Result.Likelihood), {t: own(strconv.Itoa(r.Result.Value)), bold: true},
			{t: own(r.Result.Band.Label.S), fill: &fill, bold: true}, {t: r.Result.Band.Action},
		})
	}
	l.table(cols, rows)
}

// incomplete lists the assets that lack inputs, with what is missing.
func (l *planner) incomplete(book *model.Book, rows []model.FilledRow) {
	sp := l.sp
	l.heading("未記入の項目がある資産", 20)
	l.para(own("次の資産は評価に必要な項目が空いているため、リスク値を計算していません。台帳に記入してから、もう一度この報告書を作ってください。"), sp.Body)
	cols := []col{{title: "行", w: 12, right: true}, {title: colTitle(book, "asset"), w: sp.Widths[0] + sp.Widths[1]},
		{title: "未記入の項目", w: l.w - 12 - sp.Widths[0] - sp.Widths[1]}}
	var cells [][]cell
	for _, r := range rows {
		var miss []string
		for _, id := range r.Missing {
			miss = append(miss, colTitle(book, id))
		}
		cells = append(cells, []cell{{t: own(strconv.Itoa(r.Row))}, {t: r.Asset}, {t: own(strings.Join(miss, "、"))}})
	}
	l.table(cols, cells)
}
