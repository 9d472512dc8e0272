package report

import (
	"fmt"
	"strconv"
	"strings"

	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// diagnosis draws the self-diagnosis score: a box with the total and its
// judgement (or, with questions unanswered, the points so far), beside it
// one bar per part filled to the part's share of its best score, and the
// judgement's action below.
func (l *planner) diagnosis(sc *model.SelfCheck, d model.Diagnosis) {
	sp := l.sp
	n := sc.ItemCount()
	best := sc.MaxPoints() * n

	// The box's lines, top to bottom.
	type line struct {
		s  string
		st layout.Style
	}
	var lines []line
	var action model.Text
	label := sp.Cell
	label.Bold = true
	if d.Complete() {
		b := sc.Band(d.Total)
		lines = []line{{"合計", sp.Lead}, {fmt.Sprintf("%d 点", d.Total), sp.ScoreTotal}, {fmt.Sprintf("%d 点満点", best), sp.Lead}, {b.Label.S, label}}
		action = b.Action
	} else {
		lines = []line{{"回答した設問の合計", sp.Lead}, {fmt.Sprintf("%d 点", d.Total), sp.ScoreTotal}, {fmt.Sprintf("未回答 %d 問（全 %d 問）", d.Unanswered, n), label}}
		action = own("すべての設問に答えると、合計点の判定が出ます。")
	}
	pad := sp.PadX * 2
	var blocks []text.Block
	boxH := 2 * pad
	for _, ln := range lines {
		b, _ := l.set.Fit(own(ln.s), sp.ScoreBoxW-2*pad, ln.st, text.Rules{Balance: true})
		blocks = append(blocks, b)
		boxH += b.Height()
	}

	// The bars: label, bar, points, one row per part.
	type bar struct {
		label, value text.Block
		h            float64
	}
	gap := 4.0
	barX := l.x + sp.ScoreBoxW + gap + sp.ScoreLabelW
	barW := l.w - sp.ScoreBoxW - gap - sp.ScoreLabelW - sp.ScoreValueW - 2*sp.PadX
	var bars []bar
	barsH := 0.0
	for i, p := range sc.Parts {
		t := p.Title.S
		if left := len(p.Items) - d.PartCounts[i]; left > 0 {
			t += "\n（未回答 " + strconv.Itoa(left) + " 問）"
		}
		lb, _ := l.set.Fit(model.Text{S: t, Loc: p.Title.Loc}, sp.ScoreLabelW-sp.PadX, sp.Cell, text.Rules{})
		vb, _ := l.set.Fit(own(fmt.Sprintf("%d / %d 点", d.Parts[i], sc.PartMax(p))), sp.ScoreValueW, sp.Cell, one)
		h := maxf(lb.Height(), vb.Height(), sp.BarH)
		bars = append(bars, bar{lb, vb, h})
		barsH += h
	}
	barsH += float64(len(bars)-1) * sp.ScoreGap

	l.heading("自社診断の結果", maxf(boxH, barsH))
	h := maxf(boxH, barsH)
	l.add(layout.Rect{X: layout.Round(l.x), Y: layout.Round(l.y), W: sp.ScoreBoxW, H: layout.Round(h), Fill: &sp.HeaderFill, Stroke: &sp.Rule, LineWidth: sp.ScoreRule})
	y := l.y + (h-boxH)/2 + pad
	for _, b := range blocks {
		l.add(b.DrawCentred(l.m, l.x, y, sp.ScoreBoxW)...)
		y += b.Height()
	}
	y = l.y + (h-barsH)/2
	for i, b := range bars {
		p := sc.Parts[i]
		l.add(b.label.Draw(l.x+sp.ScoreBoxW+gap, y+(b.h-b.label.Height())/2)...)
		by := layout.Round(y + (b.h-sp.BarH)/2)
		l.add(layout.Rect{X: layout.Round(barX), Y: by, W: layout.Round(barW), H: sp.BarH, Fill: &sp.BarTrack, Stroke: &sp.Rule, LineWidth: sp.ScoreRule})
		if full := sc.PartMax(p); full > 0 && d.Parts[i] > 0 {
			l.add(layout.Rect{X: layout.Round(barX), Y: by, W: layout.Round(barW * float64(min(d.Parts[i], full)) / float64(full)), H: sp.BarH, Fill: &sp.Bar, Stroke: &sp.Rule, LineWidth: sp.ScoreRule})
		}
		l.add(b.value.DrawRight(l.m, barX+barW, y+(b.h-b.value.Height())/2, sp.ScoreValueW+2*sp.PadX)...)
		y += b.h + sp.ScoreGap
	}
	l.y += h + sp.ParagraphGap
	l.para(action, sp.Body)
}

// toDo draws the questions to work on, part by part: each with its
// number, text, the answer given and the advice for it; then the
// questions not yet answered.
func (l *planner) toDo(sc *model.SelfCheck, parts []model.ToDoPart, unanswered []int) {
	sp := l.sp
	var worth []string
	for _, a := range sc.Answers {
		if sc.NeedsWork(a.Label.S) {
			worth = append(worth, "「"+a.Label.S+"」")
		}
	}
	said := strings.Join(worth, "")
	l.heading("取り組む設問（自社診断で"+said+"と答えたもの）", 25)
	if len(parts) == 0 {
		l.para(own(said+"と答えた設問はありません。"), sp.Body)
	} else {
		l.para(own(said+"と答えた設問と、その取り組み方です。部ごとに設問の番号順に並べています。"), sp.Lead)
	}
	qx := l.x + sp.ToDoNumberW
	qw := l.w - sp.ToDoNumberW
	ax := qx + sp.ToDoAnswerW + sp.PadX
	for _, p := range parts {
		head, _ := l.set.Fit(model.Text{S: fmt.Sprintf("%s（%d 問）", p.Part.Title.S, len(p.Items)), Loc: p.Part.Title.Loc}, l.w, sp.Part, one)
		for k, it := range p.Items {
			// The number, the question; under the question the answer
			// given in a box, and beside it the advice.
			no, _ := l.set.Fit(own("No."+strconv.Itoa(it.Item.No)), sp.ToDoNumberW, sp.Question, one)
			q, _ := l.set.Fit(it.Item.Text, qw, sp.Question, text.Rules{})
			ans, _ := l.set.Fit(own(it.Answer), sp.ToDoAnswerW-2*sp.PadX, sp.Cell, one)
			var adv text.Block
			if it.Item.Advice.S != "" {
				adv, _ = l.set.Fit(it.Item.Advice, l.w-(ax-l.x), sp.Advice, text.Rules{})
			}
			ansH := ans.Height() + 2*sp.PadY
			h := q.Height() + 0.8 + maxf(ansH, adv.Height())
			if k == 0 {
				l.ensure(sp.SectionGap/2 + head.Height() + 1.5 + h)
				l.y += sp.SectionGap / 2
				l.add(head.Draw(l.x, l.y)...)
				l.y += head.Height()
				l.add(layout.Line{X1: l.x, Y1: layout.Round(l.y), X2: l.x + l.w, Y2: layout.Round(l.y), Color: sp.Rule, Width: sp.TableRule})
				l.y += 1.5
			} else {
				l.ensure(h)
			}
			l.add(no.Draw(l.x, l.y)...)
			l.add(q.Draw(qx, l.y)...)
			y := l.y + q.Height() + 0.8
			l.add(layout.Rect{X: layout.Round(qx), Y: layout.Round(y), W: sp.ToDoAnswerW, H: layout.Round(ansH), Fill: &sp.HeaderFill, Stroke: &sp.Rule, LineWidth: sp.TableRule})
			l.add(ans.DrawCentred(l.m, qx, y+sp.PadY, sp.ToDoAnswerW)...)
			// The advice's first line sits level with the answer.
			l.add(adv.Draw(ax, y+sp.PadY+(ans.LineH-adv.LineH)/2)...)
			l.y += h + sp.ToDoGap
		}
	}
	if len(unanswered) > 0 {
		nos := make([]string, len(unanswered))
		for i, no := range unanswered {
			nos[i] = strconv.Itoa(no)
		}
		l.y += sp.ParagraphGap
		l.para(own("未回答の設問：No."+strings.Join(nos, "・")+"。答えてからもう一度この報告書を作ると、この一覧にも載ります。"), sp.Body)
	}
}

// maxf is the largest of its arguments.
func maxf(v float64, more ...float64) float64 {
	for _, x := range more {
		v = max(v, x)
	}
	return v
}
