package report

import (
	"fmt"
	"strconv"
	"strings"

	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// heatMap draws the risk matrix: 重要度 down the left, high at the top,
// 被害発生可能性 along the top, low at the left. Each cell is tinted with
// the colour of its band and says the band's word and the risk value (so
// that it reads in black and white), the number of assets in it, and
// their names when they fit (else the first few and how many more).
func (l *planner) heatMap(h model.HeatMap) {
	sp := l.sp
	scale := l.book.Risk.Scale
	rows, cols := len(h.Importance), len(h.Likelihood)
	headH := 2 * sp.HeatAxisH
	l.heading("リスクの分布（"+l.colTitle("importance")+"×"+l.colTitle("likelihood")+"）", headH+float64(rows)*sp.HeatCellH)
	cw := (l.w - sp.HeatAxisW) / float64(cols)
	x0, y0 := l.x, l.y
	box := func(x, y, w, h float64, fill *layout.Color) {
		l.add(layout.Rect{X: layout.Round(x), Y: layout.Round(y), W: layout.Round(w), H: layout.Round(h), Fill: fill, Stroke: &sp.Rule, LineWidth: sp.HeatRule})
	}
	centred := func(s string, x, y, w, h float64, st layout.Style) {
		b, _ := l.set.Fit(own(s), w-2*sp.HeatPad, st, text.Rules{})
		l.add(b.DrawCentred(l.m, x, y+(h-b.Height())/2, w)...)
	}
	// The heading: the importance title in the corner over both heading
	// rows, the likelihood title over the columns, then each column's level.
	// The axes are left white: grey would read like a band's tint.
	box(x0, y0, sp.HeatAxisW, headH, nil)
	centred(l.colTitle("importance"), x0, y0, sp.HeatAxisW, headH, sp.HeatAxis)
	box(x0+sp.HeatAxisW, y0, cw*float64(cols), sp.HeatAxisH, nil)
	centred(l.colTitle("likelihood")+"（右ほど高い）", x0+sp.HeatAxisW, y0, cw*float64(cols), sp.HeatAxisH, sp.HeatAxis)
	for j, v := range h.Likelihood {
		x := x0 + sp.HeatAxisW + float64(j)*cw
		box(x, y0+sp.HeatAxisH, cw, sp.HeatAxisH, nil)
		centred(levelLabel(v, l.book.Risk.LikelihoodLevels), x, y0+sp.HeatAxisH, cw, sp.HeatAxisH, sp.HeatAxis)
	}
	levels := make([]model.Level, len(scale.Levels))
	for i, lv := range scale.Levels {
		levels[i] = model.Level{Value: lv.Value, Label: lv.Label}
	}
	for i, row := range h.Cells {
		y := y0 + headH + float64(i)*sp.HeatCellH
		box(x0, y, sp.HeatAxisW, sp.HeatCellH, nil)
		centred(levelLabel(h.Importance[i], levels), x0, y, sp.HeatAxisW, sp.HeatCellH, sp.HeatAxis)
		for j, c := range row {
			l.heatCell(c, x0+sp.HeatAxisW+float64(j)*cw, y, cw)
		}
	}
	l.y = y0 + headH + float64(rows)*sp.HeatCellH + sp.ParagraphGap
	var words []string
	for _, b := range scale.Bands {
		words = append(words, b.Label.S)
	}
	names := fmt.Sprintf("資産名は 1 マス %d 件まで書き、多いときは「ほか」の件数を書いています。", sp.HeatMaxNames)
	if sp.HeatMaxNames == 0 {
		names = ""
	}
	l.para(own(fmt.Sprintf("マスの「件」は資産の数です。マスの色と文字（%s）は判定、括弧の数はリスク値（%s×%s）で、右上ほどリスクが高くなります。%s",
		strings.Join(words, "・"), l.colTitle("importance"), l.colTitle("likelihood"), names)), sp.Lead)
}

// heatCell draws one cell of the risk matrix at (x, y), w wide.
func (l *planner) heatCell(c model.HeatCell, x, y, w float64) {
	sp := l.sp
	band := l.book.Risk.Scale.Bands[c.Band]
	fill := sp.Bands[c.Band]
	l.add(layout.Rect{X: layout.Round(x), Y: layout.Round(y), W: layout.Round(w), H: sp.HeatCellH, Fill: &fill, Stroke: &sp.Rule, LineWidth: sp.HeatRule})
	in := w - 2*sp.HeatPad
	word, _ := l.set.Fit(own(bandValue(band, c.Value)), in/2, sp.HeatBand, one)
	cst := sp.HeatCount
	if len(c.Assets) == 0 {
		cst.Color = sp.Muted
	}
	count, _ := l.set.Fit(own(fmt.Sprintf("%d 件", len(c.Assets))), in/2, cst, one)
	// Both on one baseline, the larger count's line at the top.
	top := max(word.Height(), count.Height())
	l.add(word.Draw(x+sp.HeatPad, y+sp.HeatPad+baseline(count)-baseline(word))...)
	l.add(count.DrawRight(l.m, x, y+sp.HeatPad, w-sp.HeatPad)...)
	lineH := sp.HeatNames.LineHeight(sp.HeatNames.Size)
	fit := min(sp.HeatMaxNames, int((sp.HeatCellH-2*sp.HeatPad-top)/lineH))
	if fit <= 0 || len(c.Assets) == 0 {
		return
	}
	shown := c.Assets
	more := 0
	if len(shown) > fit {
		shown, more = shown[:fit-1], len(shown)-(fit-1)
	}
	ny := y + sp.HeatPad + top
	for _, a := range shown {
		b := l.oneLine(a.Asset, in, sp.HeatNames)
		l.add(b.Draw(x+sp.HeatPad, ny)...)
		ny += b.Height()
	}
	if more > 0 {
		b, _ := l.set.Fit(own(fmt.Sprintf("ほか %d 件", more)), in, sp.HeatNames, one)
		l.add(b.Draw(x+sp.HeatPad, ny)...)
	}
}

// levelLabel is a level as the matrix's axes print it: 3（高）.
func levelLabel(v int, levels []model.Level) string {
	for _, lv := range levels {
		if lv.Value == v && lv.Label.S != "" {
			return strconv.Itoa(v) + "（" + lv.Label.S + "）"
		}
	}
	return strconv.Itoa(v)
}

// oneLine sets t on one line of width w in st, cutting it short with …
// when it is too long: for names that are printed in full elsewhere.
func (l *planner) oneLine(t model.Text, w float64, st layout.Style) text.Block {
	b, ok := l.set.Try(t, w, st, one)
	if ok {
		return b
	}
	r := []rune(t.S)
	lo, hi := 0, len(r) // r[:lo]+"…" fits (lo = 0: just "…"); r[:hi]+"…" may not
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if _, ok := l.set.Try(model.Text{S: string(r[:mid]) + "…", Loc: t.Loc}, w, st, one); ok {
			lo = mid
		} else {
			hi = mid
		}
	}
	b, _ = l.set.Try(model.Text{S: string(r[:lo]) + "…", Loc: t.Loc}, w, st, one)
	return b
}

// baseline is how far below its top a block's first baseline lies, as
// the block draws it.
func baseline(b text.Block) float64 {
	for _, it := range b.Draw(0, 0) {
		if t, ok := it.(layout.Text); ok {
			return t.Y
		}
	}
	return 0
}
