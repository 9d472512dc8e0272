// Package report lays out the report of a filled-in リスク分析シート: the
// judgement counts, the assets by risk value, the assets that lack inputs
// and the self-diagnosis total, on A4 pages.
package report

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Plan lays out the risk-analysis report of a filled-in workbook on A4
// portrait pages: the title and date, the number of assets in each
// judgement band (word and count), the assets by risk value (highest
// first, ties in sheet-row order) with their judgement and its action, the
// assets that lack inputs, and the self-diagnosis total with its judgement
// and the points of each part. Every result is computed from the inputs
// with model.Risk.Assess and model.SelfCheck. A table that does not fit
// flows onto further pages with its heading row repeated. date is printed
// and written into the document information.
func Plan(book *model.Book, filled *model.Filled, sp *spec.Report, m layout.Measurer, date time.Time) (*layout.Doc, diag.List) {
	scale := book.Risk.Scale
	l := &planner{sp: sp, set: text.NewSetter(m), m: m, x: sp.Left, w: sp.BodyW()}
	done, incomplete := filled.Assessed(&book.Risk, scale)
	l.newPage()
	l.header(filled, date)
	l.counts(scale, done, incomplete)
	l.assets(book, scale, done)
	if len(incomplete) > 0 {
		l.incomplete(book, incomplete)
	}
	l.diagnosis(&book.SelfCheck, filled.Diagnosis(&book.SelfCheck))
	l.footers(filled)
	if len(l.set.Errs) > 0 {
		return nil, l.set.Errs
	}
	return &layout.Doc{
		Meta: layout.Meta{
			Title:   reportTitle,
			Author:  book.Edition.Publisher.S,
			Subject: "リスク分析の結果（" + path.Base(filled.File) + "）",
			Creator: "sodan",
			Lang:    "ja-JP",
			Date:    date,
		},
		Pages: l.pages,
	}, nil
}

const reportTitle = "リスク分析の結果"

// one keeps a text on one line.
var one = text.Rules{MaxLines: 1}

// own is a text the report writes itself: a problem with it points at the
// style it is set in.
func own(s string) model.Text { return model.Text{S: s} }

// planner carries the report being laid out: the pages so far and the
// top of the free space on the last one.
type planner struct {
	sp    *spec.Report
	set   *text.Setter
	m     layout.Measurer
	pages []layout.Page
	x, w  float64 // body left and width
	y     float64
}

func (l *planner) newPage() {
	l.pages = append(l.pages, layout.Page{W: l.sp.W, H: l.sp.H})
	l.y = l.sp.Top
}

func (l *planner) add(items ...layout.Item) {
	p := &l.pages[len(l.pages)-1]
	p.Items = append(p.Items, items...)
}

// footerH is the height kept free at the bottom for the footer.
func (l *planner) footerH() float64 { return l.sp.Footer.LineHeight(l.sp.Footer.Size) + 2 }

// bottom is the lowest y the body may reach.
func (l *planner) bottom() float64 { return l.sp.H - l.sp.Bottom - l.footerH() }

// ensure starts a new page unless h mm fit below y.
func (l *planner) ensure(h float64) {
	if l.y+h > l.bottom()+1e-6 && l.y > l.sp.Top {
		l.newPage()
	}
}

// para sets t across the body width in st and moves y below it.
func (l *planner) para(t model.Text, st layout.Style) {
	b, _ := l.set.Fit(t, l.w, st, text.Rules{})
	l.ensure(b.Height())
	l.add(b.Draw(l.x, l.y)...)
	l.y += b.Height() + l.sp.ParagraphGap
}

// heading starts a section, keeping it with at least keep mm of what
// follows.
func (l *planner) heading(s string, keep float64) {
	b, _ := l.set.Fit(own(s), l.w, l.sp.Heading, one)
	l.y += l.sp.SectionGap
	l.ensure(b.Height() + l.sp.HeadingGap + keep)
	l.add(b.Draw(l.x, l.y)...)
	l.y += b.Height()
	l.add(layout.Line{X1: l.x, Y1: layout.Round(l.y), X2: l.x + l.w, Y2: layout.Round(l.y), Color: l.sp.Rule, Width: l.sp.TableRule * 2})
	l.y += l.sp.HeadingGap
}

// header draws the title with the date at its right, and the workbook it
// was made from.
func (l *planner) header(f *model.Filled, date time.Time) {
	sp := l.sp
	d, _ := l.set.Fit(own(layout.DateLabel(date)), l.w/3, sp.Date, one)
	t, _ := l.set.Fit(own(reportTitle), l.w-l.w/3, sp.Title, one)
	l.add(t.Draw(l.x, l.y)...)
	l.add(d.DrawRight(l.m, l.x, l.y+t.Height()-d.Height(), l.w)...)
	l.y += t.Height() + 1
	l.add(layout.Line{X1: l.x, Y1: layout.Round(l.y), X2: l.x + l.w, Y2: layout.Round(l.y), Color: sp.Text, Width: 0.6})
	l.y += sp.AfterTitle
	l.para(own("記入したリスク分析シート「"+path.Base(f.File)+"」の情報資産管理台帳と自社診断から計算しました。"), sp.Lead)
}

// counts draws one box per judgement band with its word and the number of
// assets, and a line on the assets not yet assessed.
func (l *planner) counts(scale *model.Scale, done []model.AssessedRow, incomplete []model.FilledRow) {
	sp := l.sp
	l.heading("判定ごとの資産の数", sp.CountH)
	n := len(scale.Bands)
	bw := (l.w - float64(n-1)*sp.CountGap) / float64(n)
	for i, b := range scale.Bands {
		count := 0
		for _, r := range done {
			if r.Result.Band.Label.S == b.Label.S {
				count++
			}
		}
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

// col is one column of a table.
type col struct {
	title  string
	w      float64
	right  bool // numbers: aligned right
	centre bool // judgement words: centred
}

// cell is one cell: its text and an optional fill.
type cell struct {
	t    model.Text
	fill *layout.Color
	bold bool
}

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
		num := func(n int) cell { return cell{t: own(strconv.Itoa(n))} }
		rows = append(rows, []cell{
			{t: r.Asset}, {t: r.Business}, {t: r.Medium},
			num(r.Result.Importance), num(r.Result.Likelihood), {t: own(strconv.Itoa(r.Result.Value)), bold: true},
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

// diagnosis draws the self-diagnosis total with its judgement (or the
// number of unanswered questions) and the points of each part.
func (l *planner) diagnosis(sc *model.SelfCheck, d model.Diagnosis) {
	sp := l.sp
	l.heading("自社診断の結果", 30)
	n := sc.ItemCount()
	if d.Complete() {
		b := sc.Band(d.Total)
		l.para(own(fmt.Sprintf("合計 %d 点（%d 点満点）　判定：%s", d.Total, sc.MaxPoints()*n, b.Label.S)), sp.Total)
		l.para(b.Action, sp.Body)
	} else {
		l.para(own(fmt.Sprintf("未回答 %d 問（全 %d 問）　回答した設問の合計 %d 点", d.Unanswered, n, d.Total)), sp.Total)
		l.para(own("すべての設問に答えると、合計点の判定が出ます。"), sp.Body)
	}
	cols := []col{{title: "部", w: l.w - 60}, {title: "回答した設問", w: 30, right: true}, {title: "小計", w: 30, right: true}}
	var rows [][]cell
	for i, p := range sc.Parts {
		rows = append(rows, []cell{{t: p.Title}, {t: own(fmt.Sprintf("%d / %d 問", d.PartCounts[i], len(p.Items)))},
			{t: own(fmt.Sprintf("%d 点", d.Parts[i])), bold: true}})
	}
	l.table(cols, rows)
}

// footers puts the report's name, the workbook and the page number at the
// foot of every page.
func (l *planner) footers(f *model.Filled) {
	sp := l.sp
	for i := range l.pages {
		y := sp.H - sp.Bottom - sp.Footer.LineHeight(sp.Footer.Size)
		left, _ := l.set.Fit(own(reportTitle+"　"+path.Base(f.File)), l.w*0.7, sp.Footer, one)
		right, _ := l.set.Fit(own(fmt.Sprintf("%d / %d ページ", i+1, len(l.pages))), l.w*0.3, sp.Footer, one)
		p := &l.pages[i]
		p.Items = append(p.Items, layout.Line{X1: l.x, Y1: layout.Round(y - 1), X2: l.x + l.w, Y2: layout.Round(y - 1), Color: sp.Rule, Width: 0.2})
		p.Items = append(p.Items, left.Draw(l.x, y)...)
		p.Items = append(p.Items, right.DrawRight(l.m, l.x, y, l.w)...)
	}
}
