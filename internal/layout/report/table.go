package report

import (
	"strconv"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// col is one column of a table.
type col struct {
	title  string
	w      float64
	right  bool // numbers: aligned right
	centre bool // judgement words: centred
}

// cell is one cell: its text, an optional fill and an optional colour
// for the text.
type cell struct {
	t     model.Text
	fill  *layout.Color
	bold  bool
	color *layout.Color
}

// numCell is a cell that holds the number n.
func numCell(n int) cell { return cell{t: own(strconv.Itoa(n))} }

// table draws a table across the body, starting a new page (with the
// heading row again) whenever the next row does not fit.
func (l *planner) table(cols []col, rows [][]cell) {
	sp := l.sp
	header := func() {
		var blocks []text.Block
		h := 0.0
		for _, c := range cols {
			b, _ := l.set.Fit(own(c.title), c.w-2*sp.PadX, sp.TableHeader, text.Rules{})
			blocks = append(blocks, b)
			h = max(h, b.Height())
		}
		h += 2 * sp.PadY
		x := l.x
		for i, c := range cols {
			l.add(layout.Rect{X: layout.Round(x), Y: layout.Round(l.y), W: layout.Round(c.w), H: layout.Round(h), Fill: &sp.HeaderFill, Stroke: &sp.Rule, LineWidth: sp.TableRule})
			l.add(blocks[i].DrawCentred(l.m, x, l.y+(h-blocks[i].Height())/2, c.w)...)
			x += c.w
		}
		l.y += h
	}
	headerH := func() float64 {
		h := 0.0
		for _, c := range cols {
			b, _ := l.set.Try(own(c.title), c.w-2*sp.PadX, sp.TableHeader, text.Rules{})
			h = max(h, b.Height())
		}
		return h + 2*sp.PadY
	}()
	for i, row := range rows {
		var blocks []text.Block
		h := 0.0
		for j, c := range row {
			st := sp.Cell
			st.Bold = c.bold
			if c.color != nil {
				st.Color = *c.color
			}
			b, _ := l.set.Fit(c.t, cols[j].w-2*sp.PadX, st, text.Rules{})
			blocks = append(blocks, b)
			h = max(h, b.Height())
		}
		h += 2 * sp.PadY
		if full := l.bottom() - sp.Top - headerH; h > full {
			l.set.Errs.Add(diag.At(row[0].t.Loc, "表の 1 行が 1 ページ（高さ %.0fmm）に収まりません。文を短くしてください", full))
		}
		if i == 0 {
			l.ensure(headerH + h)
			header()
		} else if l.y+h > l.bottom()+1e-6 {
			l.newPage()
			header()
		}
		x := l.x
		for j, c := range cols {
			l.add(layout.Rect{X: layout.Round(x), Y: layout.Round(l.y), W: layout.Round(c.w), H: layout.Round(h), Fill: row[j].fill, Stroke: &sp.Rule, LineWidth: sp.TableRule})
			if c.centre {
				l.add(blocks[j].DrawCentred(l.m, x, l.y+sp.PadY, c.w)...)
			} else if c.right {
				l.add(blocks[j].DrawRight(l.m, x, l.y+sp.PadY, c.w-sp.PadX)...)
			} else {
				l.add(blocks[j].Draw(x+sp.PadX, l.y+sp.PadY)...)
			}
			x += c.w
		}
		l.y += h
	}
	l.y += sp.ParagraphGap
}
