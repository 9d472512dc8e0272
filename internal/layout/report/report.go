// Package report lays out the report of a filled-in リスク分析シート on A4
// pages: the judgement counts, the risk matrix, what moved since an
// earlier filling, the treatment plan, the assets by risk value, the
// assets that lack inputs, the self-diagnosis score and its to-do list.
package report

import (
	"fmt"
	"path"
	"time"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// Plan lays out the risk-analysis report of a filled-in workbook on A4
// portrait pages: the title and date; the number of assets in each
// judgement band; the risk matrix of 重要度 × 被害発生可能性 with the
// assets in each cell, shaded and labelled with the band of its risk
// value; when prev (an earlier filling of the same workbook) is not nil,
// what moved since (model.Risk.Compare); the treatment chosen for each asset in every
// band but the lowest; the assets by risk value with their judgement and
// its action; the assets that lack inputs; the self-diagnosis total with
// its judgement and a bar per part; and the questions answered with an
// answer worth no points, part by part, with their advice. Every result
// is computed in model from the inputs. A table that does not fit flows
// onto further pages with its heading row repeated. date is printed in
// the header.
func Plan(book *model.Book, filled, prev *model.Filled, sp *spec.Report, m layout.Measurer, date time.Time) (*layout.Doc, diag.List) {
	scale := book.Risk.Scale
	sc := &book.SelfCheck
	l := &planner{sp: sp, set: text.New(m, sp.Composition), m: m, x: sp.Left, w: sp.BodyW(), book: book}
	done, incomplete := filled.Assessed(&book.Risk, scale)
	l.newPage()
	l.header(filled, date)
	l.counts(scale, done, incomplete)
	l.heatMap(book.Risk.HeatMap(scale, done))
	if prev != nil {
		l.trend(book.Risk.Compare(scale, sc, prev, filled))
	}
	l.treatments(book.Risk.TreatmentPlan(scale, done))
	l.assets(book, scale, done)
	if len(incomplete) > 0 {
		l.incomplete(book, incomplete)
	}
	l.diagnosis(sc, filled.Diagnosis(sc))
	l.toDo(sc, filled.ToDo(sc), filled.Unanswered(sc))
	l.footers(filled)
	if len(l.set.Errs) > 0 {
		return nil, l.set.Errs
	}
	return &layout.Doc{
		Meta: layout.Meta{
			Title:   reportTitle,
			Author:  book.Edition.Publisher.S,
			Subject: "リスク分析の結果（" + path.Base(filled.File) + "）",
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
	book  *model.Book
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
