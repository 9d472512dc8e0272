package slides

import (
	"math"
	"strings"

	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// chunks splits n things into the fewest pages of at most per each, as
// evenly as possible; it returns the size of each page.
func chunks(n, per int) []int {
	if n == 0 {
		return nil
	}
	pages := (n + per - 1) / per
	out := make([]int, pages)
	for i := range out {
		out[i] = n / pages
		if i < n%pages {
			out[i]++
		}
	}
	return out
}

// fewestChunks splits n items into the fewest even chunks of at most per
// items for which fits(lo, hi) holds for every chunk [lo, hi); one item per
// chunk is the last resort.
//
// Fewer things on a slide fit more easily, so whether a number of chunks
// fits all but grows with the number: it is searched for, not counted up
// to one by one (a table of 270 cells needing 135 slides took 91 trials,
// now 15). The step doubles from the fewest chunks until a number fits,
// then halves back to the fewest that does.
func fewestChunks(n, per int, fits func(lo, hi int) bool) []int {
	// Numbers of chunks that give the same size of chunk give the same
	// chunks: each is tried once.
	known := map[[2]int]bool{}
	fit := func(lo, hi int) bool {
		ok, seen := known[[2]int{lo, hi}]
		if !seen {
			ok = fits(lo, hi)
			known[[2]int{lo, hi}] = ok
		}
		return ok
	}
	try := func(pages int) []int {
		c := chunks(n, (n+pages-1)/pages)
		at := 0
		for _, k := range c {
			if !fit(at, at+k) {
				return nil
			}
			at += k
		}
		return c
	}
	bad := (n+per-1)/per - 1 // the most chunks known not to fit
	if bad+1 >= n {
		return chunks(n, 1)
	}
	if c := try(bad + 1); c != nil {
		return c
	}
	bad++
	good, best := -1, []int(nil)
	for step := 1; good < 0 && bad+1 < n; step *= 2 {
		p := min(bad+step, n-1)
		if c := try(p); c != nil {
			good, best = p, c
		} else {
			bad = p
		}
	}
	if good < 0 {
		return chunks(n, 1)
	}
	for good-bad > 1 {
		mid := (bad + good) / 2
		if c := try(mid); c != nil {
			good, best = mid, c
		} else {
			bad = mid
		}
	}
	return best
}

// grid chooses rows and cols for n cells, at most maxCols wide, as
// square as the cols allow.
func grid(n, maxCols int) (rows, cols int) {
	rows = (n + maxCols - 1) / maxCols
	cols = (n + rows - 1) / rows
	return rows, cols
}

// continued is the title of a slide that continues the one before.
func continued(t model.Text, i int) model.Text {
	if i > 0 {
		t.S += layout.Continued
	}
	return t
}

// gridOptions lists the row × col arrangements for n cells, at most
// maxCols wide and maxRows high, the squarest first.
func gridOptions(n, maxCols, maxRows int) [][2]int {
	r0, c0 := grid(n, maxCols)
	out := [][2]int{{r0, c0}}
	for cols := min(n, maxCols); cols >= 1; cols-- {
		rows := (n + cols - 1) / cols
		if rows > maxRows || (rows-1)*cols >= n || (rows == r0 && cols == c0) {
			continue
		}
		out = append(out, [2]int{rows, cols})
	}
	return out
}

// cellFunc draws cell i of a grid at (x, y) in width w and height h, or only
// measures it when h is 0; it returns the items and the height it needs.
type cellFunc func(f *fit, i int, x, y, w, h float64) ([]layout.Item, float64)

// cellGrid lays out n cells in rows × cols inside r. Each row is as tall as
// its tallest cell, and the room left over is shared out evenly, so a row
// of short cells does not force small type on a row of long ones. A single
// col is no wider than half the area, and centred. over is called with
// the tallest cell when the rows do not fit.
func cellGrid(f *fit, r rect, n, rows, cols int, gap float64, cell cellFunc, over func(i int, need float64)) []layout.Item {
	cw := (r.w - float64(cols-1)*gap) / float64(cols)
	if cols == 1 && cw > (r.w-gap)/2 {
		cw = (r.w - gap) / 2
		r.x += (r.w - cw) / 2
	}
	probe := f.probe()
	rowH := make([]float64, rows)
	tallest, tallestH := 0, 0.0
	for i := range n {
		_, need := cell(probe, i, 0, 0, cw, 0)
		rowH[i/cols] = math.Max(rowH[i/cols], need)
		if need > tallestH {
			tallest, tallestH = i, need
		}
	}
	if !probe.ok {
		f.ok = false
	}
	total := float64(rows-1) * gap
	for _, h := range rowH {
		total += h
	}
	if total > r.h+1e-6 {
		over(tallest, total)
	}
	extra := math.Max(0, r.h-total) / float64(rows)
	var out []layout.Item
	y := r.y
	for row := range rows {
		h := rowH[row] + extra
		for c := range cols {
			i := row*cols + c
			if i >= n {
				break
			}
			items, _ := cell(f, i, r.x+float64(c)*(cw+gap), y, cw, h)
			out = append(out, items...)
		}
		y += h + gap
	}
	return out
}

// tableSlides draws the situations as a grid of cells, each with its
// contacts and their phone numbers. It uses the fewest slides (at most the
// layout's rows × cols cells each) on which every cell fits without the
// text going below the layout's split_below size. A situation whose
// contacts do not fit one cell even alone is cut into cells of a few
// contacts each, the later ones titled as continued; a single contact too
// long for a cell is reported.
func (p *planner) tableSlides(s *model.Slide) []slidePage {
	var parts []cellPart
	for _, sit := range s.Situations {
		parts = append(parts, p.cellParts(sit)...)
	}
	return p.chunked(s.Title, len(parts), p.sp.TableCols*p.sp.TableRows, p.sp.Type.CellText, p.sp.TableSplitBelow,
		func(lo, hi int) []arrangement { return p.gridOptions(parts[lo:hi]) })
}

// cellPart is a situation's cell, or the part of it with the contacts
// from..to-1: the first part has the examples, the last the advice.
type cellPart struct {
	sit      *model.Situation
	from, to int
}

// cellParts cuts sit into the fewest parts that each fit a cell of a
// slide of their own.
func (p *planner) cellParts(sit *model.Situation) []cellPart {
	n := len(sit.Contacts)
	fits := func(lo, hi int) bool {
		return p.fitsAbove(p.gridOptions([]cellPart{{sit, lo, hi}}), p.sp.Type.CellText, p.sp.TableSplitBelow)
	}
	if n < 2 || fits(0, n) {
		return []cellPart{{sit, 0, n}}
	}
	var parts []cellPart
	at := 0
	for _, c := range fewestChunks(n, n, fits) {
		parts = append(parts, cellPart{sit, at, at + c})
		at += c
	}
	return parts
}

// chunked lays n things out on the fewest slides of at most per each on
// which one of the arrangements of a slide's things, opts(lo, hi), keeps
// st at or above split points; every slide after the first is titled as
// continued.
//
// The step and arrangement at which each slide's things first fitted are
// kept, so the final run of a slide draws it at once: fitBest would find
// the same ones again (the fewest steps, then the first arrangement).
func (p *planner) chunked(title model.Text, n, per int, st layout.Style, split float64, opts func(lo, hi int) []arrangement) []slidePage {
	fitted := map[[2]int][2]int{}
	sizes := fewestChunks(n, per, func(lo, hi int) bool {
		k, i := p.firstFit(opts(lo, hi), int(math.Floor((st.Size-split)/text.Step)))
		if k >= 0 {
			fitted[[2]int{lo, hi}] = [2]int{k, i}
		}
		return k >= 0
	})
	var pages []slidePage
	at := 0
	for i, c := range sizes {
		o := opts(at, at+c)
		var items []layout.Item
		if ki, ok := fitted[[2]int{at, at + c}]; ok {
			items = o[ki[1]](p.newFit(ki[0], true))
		} else {
			items = p.fitBest(o...) // one thing that does not fit even alone
		}
		pages = append(pages, p.page(continued(title, i), items))
		at += c
	}
	return pages
}

func (p *planner) gridOptions(sits []cellPart) []arrangement {
	var opts []arrangement
	for _, rc := range gridOptions(len(sits), p.sp.TableCols, p.sp.TableRows) {
		opts = append(opts, func(f *fit) []layout.Item {
			cell := func(f *fit, i int, x, y, w, h float64) ([]layout.Item, float64) {
				return p.situationCell(f, sits[i], x, y, w, h)
			}
			return cellGrid(f, p.body, len(sits), rc[0], rc[1], p.sp.TableGap, cell, func(i int, need float64) {
				f.fail(sits[i].sit.Title, "状況「%s」の連絡先が表に収まりません（高さ %.0fmm に %.0fmm 必要）。連絡先を減らすか、layouts の table.max_rows を減らして次のスライドに送ってください",
					text.Excerpt(sits[i].sit.Title.S), p.body.h, need)
			})
		})
	}
	return opts
}

// situationCell draws one situation: its title on a tinted band, examples,
// each contact with its phone number (or a link for desks on the web), and
// the situation's advice.
func (p *planner) situationCell(f *fit, part cellPart, x, y, cw, ch float64) ([]layout.Item, float64) {
	sp := p.sp
	c := sp.Colors
	pad := sp.TablePadding
	sit := part.sit
	var out []layout.Item
	title := sit.Title
	if part.from > 0 {
		title.S += layout.Continued
	}
	hb := f.balanced(title, cw-2*pad, sp.Type.CellTitle)
	hh := hb.Height() + 2*pad*0.6
	out = append(out, layout.Rect{X: layout.Round(x), Y: layout.Round(y), W: layout.Round(cw), H: layout.Round(hh), Fill: &c.Panel})
	out = append(out, hb.Draw(x+pad, y+pad*0.6)...)
	st := &stack{f: f, x: x + pad, y: y + hh + pad*0.5, w: cw - 2*pad}
	text := sp.Type.CellText
	muted := text
	muted.Color = c.Muted
	if len(sit.Symptoms) > 0 && part.from == 0 {
		var syms []string
		for _, sy := range sit.Symptoms {
			syms = append(syms, sy.S)
		}
		st.plain(model.Text{S: "例：" + strings.Join(syms, "・"), Loc: sit.Symptoms[0].Loc}, muted, 0)
	}
	lineGap := f.size(text).LineHeight(f.size(text).Size) * 0.35
	for _, ref := range sit.Contacts[part.from:part.to] {
		con := ref.Contact
		d := p.desk(con)
		name := d.Name
		if !ref.Note.Empty() {
			name.S += "（" + ref.Note.S + "）"
		}
		if len(con.Phones) > 0 {
			st.plain(name, text, lineGap)
			for _, ph := range con.Phones {
				st.number(phone(ph), p.phoneStyle(con, sp.Type.CellPhone), 0)
			}
			continue
		}
		// Desks without a phone: the name links to the form or page.
		switch {
		case d.Link != "":
			name.S += "［Web］"
			link := text
			link.Color = c.Accent
			st.link(name, link, lineGap, d.Link)
		case d.Mail != "":
			name.S += "［メール］"
			st.link(name, text, lineGap, d.Mail)
		default:
			st.plain(name, text, lineGap)
		}
	}
	if !sit.Note.Empty() && part.to == len(sit.Contacts) {
		st.plain(sit.Note, muted, lineGap)
	}
	out = append(out, st.items...)
	need := st.y + pad*0.7 - y
	out = append(out, layout.Rect{X: layout.Round(x), Y: layout.Round(y), W: layout.Round(cw), H: layout.Round(math.Max(ch, need)), Stroke: &c.Accent, LineWidth: 0.4})
	return out, need
}
