package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"sodan/internal/model"
)

var summaryWidths = []float64{30, 10, 10, 34}

// chartFill is the colour of the bars: one dark grey for every band, as
// excelize colours single bars only on pie charts; the categories name the
// bands.
const chartFill = "#595959"

// summarySheet writes the counts of each judgement on the ledger with a
// column chart of them, and the self-diagnosis points per part.
func (w *writer) summarySheet() {
	const sh = sheetSummary
	s, sc, led := &w.st, &w.book.SelfCheck, w.ledger
	for i, wd := range summaryWidths {
		w.width(sh, i+1, wd)
	}
	last := len(summaryWidths)
	w.str(sh, 1, 1, "集計")
	w.style(sh, 1, 1, 1, 1, s.title)
	w.height(sh, 1, w.rowHeight(1)+8)
	row := w.paragraph(sh, 2, last, "「情報資産管理台帳」の判定ごとの件数と、「自社診断」の点数です。どちらも自動で計算されます。", s.note)

	// 1. Counts per band, high to low.
	row = w.heading(sh, row+1, "1. 情報資産管理台帳の判定")
	header := row
	w.headerRow(sh, row, s.header, "判定", "件数", "対応")
	w.merge(sh, 3, row, last, row)
	w.style(sh, 3, row, last, row, s.header)
	n := len(w.scale.Bands)
	judge := led.columnArea("judgement")
	// The counts the model makes of the ledger as written: no rows yet.
	done, incomplete := (&model.Filled{}).Assessed(w.risk, w.scale)
	counts := map[string]int{}
	for _, a := range done {
		counts[a.Result.Band.Label.S]++
	}
	first := row + 1
	for i, b := range w.scale.Bands {
		row++
		k := n - i
		w.formula(sh, 1, row, fmt.Sprintf("INDEX(%s,%d)", nameBandLabel, k), cachedText(b.Label.S))
		w.formula(sh, 2, row, fmt.Sprintf("COUNTIF(%s,%s)", judge, cell(1, row)), cachedNumber(counts[b.Label.S]))
		w.formula(sh, 3, row, fmt.Sprintf("INDEX(%s,%d)", nameBandAction, k), cachedText(b.Action.S))
		w.merge(sh, 3, row, last, row)
		w.style(sh, 1, row, 1, row, s.result)
		w.style(sh, 2, row, 2, row, s.center)
		w.style(sh, 3, row, last, row, s.text)
		w.height(sh, row, w.rowHeight(1)+4)
	}
	lastBand := row
	w.bandColours(sh, cell(1, first)+":"+cell(1, lastBand), 1, first)
	row++
	w.str(sh, 1, row, "合計（判定が出た情報資産）")
	w.formula(sh, 2, row, fmt.Sprintf("SUM(%s:%s)", cell(2, first), cell(2, lastBand)), cachedNumber(len(done)))
	w.style(sh, 1, row, 1, row, s.bold)
	w.style(sh, 2, row, 2, row, s.result)
	row++
	w.str(sh, 1, row, "名称はあるが判定がまだ出ていない情報資産")
	w.formula(sh, 2, row, fmt.Sprintf(`SUMPRODUCT((%s<>"")*(%s=""))`, led.columnArea("asset"), judge), cachedNumber(len(incomplete)))
	w.style(sh, 1, row, 1, row, s.text)
	w.style(sh, 2, row, 2, row, s.center)
	w.height(sh, row, w.rowHeight(2))

	// The chart of the counts, to the right of the tables.
	if w.err == nil {
		font := &excelize.Font{Family: w.spec.Font, Size: w.spec.FontSize + 2, Bold: true}
		axisFont := excelize.Font{Family: w.spec.Font, Size: w.spec.FontSize, Color: "#000000"}
		zero := 0.0
		gap := uint(80)
		w.fail(w.f.AddChart(sh, cell(last+2, 3), &excelize.Chart{
			Type: excelize.Col,
			Series: []excelize.ChartSeries{{
				Name:       quote(sh) + "!" + abs(2, header),
				Categories: area(sh, 1, first, 1, lastBand),
				Values:     area(sh, 2, first, 2, lastBand),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartFill}},
			}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "判定ごとの情報資産の件数", Font: font}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			XAxis:     excelize.ChartAxis{Font: axisFont},
			YAxis:     excelize.ChartAxis{Font: axisFont, MajorGridLines: true, Minimum: &zero, MajorUnit: 1},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
			Dimension: excelize.ChartDimension{Width: 400, Height: 260},
			GapWidth:  &gap,
			Format:    excelize.GraphicOptions{AltText: "判定ごとの情報資産の件数を示す縦棒グラフ", OffsetX: 4},
		}))
	}

	// 2. Self-diagnosis points per part.
	row = w.heading(sh, row+2, "2. 自社診断の点数")
	w.headerRow(sh, row, s.header, "区分", "点数", "満点")
	best := sc.MaxPoints()
	for i, part := range sc.Parts {
		row++
		w.str(sh, 1, row, part.Title.S)
		w.formula(sh, 2, row, quote(sheetCheck)+"!"+cell(checkPoints, w.check.subtotal[i]), w.cachedAt(sheetCheck, checkPoints, w.check.subtotal[i]))
		w.num(sh, 3, row, best*len(part.Items))
		w.style(sh, 1, row, 1, row, s.text)
		w.style(sh, 2, row, 3, row, s.center)
	}
	row++
	w.str(sh, 1, row, "合計")
	w.formula(sh, 2, row, quote(sheetCheck)+"!"+cell(checkPoints, w.check.total), w.cachedAt(sheetCheck, checkPoints, w.check.total))
	w.num(sh, 3, row, best*sc.ItemCount())
	w.style(sh, 1, row, 1, row, s.bold)
	w.style(sh, 2, row, 3, row, s.result)
	row++
	w.str(sh, 1, row, "判定")
	w.formula(sh, 2, row, quote(sheetCheck)+"!"+cell(checkText, w.check.band), w.cachedAt(sheetCheck, checkText, w.check.band))
	w.merge(sh, 2, row, last, row)
	w.style(sh, 1, row, 1, row, s.bold)
	w.style(sh, 2, row, last, row, s.resultTxt)
	w.height(sh, row, w.rowHeight(1)+4)
	w.finish(sh, "")
}
