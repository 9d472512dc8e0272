package layout

import (
	"fmt"
	"math"

	"sodan/internal/model"
)

// flNode is one box of the consultation flow diagram: a question, or a
// destination (a situation of the quick list or a contact desk).
type flNode struct {
	q     *model.FlowNode
	label model.Text // the answer that leads here; empty for the root
	sit   *model.Situation
	con   *model.Contact
	kids  []*flNode
	depth int
	// virtual marks the invisible root of a page that shows several
	// branches side by side; only its children are drawn.
	virtual bool
}

func flBuild(n *model.FlowNode, label model.Text, depth int) *flNode {
	node := &flNode{q: n, label: label, depth: depth}
	for _, a := range n.Answers {
		switch {
		case a.Next != nil:
			node.kids = append(node.kids, flBuild(a.Next, a.Label, depth+1))
		default:
			node.kids = append(node.kids, &flNode{label: a.Label, sit: a.Situation, con: a.Contact, depth: depth + 1})
		}
	}
	return node
}

// flTree is one page of the diagram: a subtree whose collapsed questions
// continue on later pages.
type flTree struct {
	root      *flNode
	collapsed map[*flNode]int // collapsed question → index of its tree
}

// open reports whether n's children are drawn in t.
func (t *flTree) open(n *flNode) bool {
	_, c := t.collapsed[n]
	return (n.q != nil || n.virtual) && !c && len(n.kids) > 0
}

// question is the text that names the tree in messages: the root's
// question, or the first branch's on a page of several branches.
func (t *flTree) question() model.Text {
	r := t.root
	for r.virtual {
		r = r.kids[0]
	}
	return r.q.Question
}

// flowSlides draws the decision tree top-down: each question a box, each
// answer a labelled arrow to the next box, destinations at the leaves.
// When the tree does not fit one slide even at the smallest type, the
// widest branches are folded into boxes that point to continuation slides,
// each laid out the same way.
func (p *slPlanner) flowSlides(s *model.Slide) []slPage {
	root := flBuild(s.Node, model.Text{}, 0)
	var trees []*flTree
	fits := func(t *flTree) bool {
		return p.fitsAbove([]func(f *slFit) []Item{func(f *slFit) []Item { return p.flowTree(f, t, 0) }},
			p.sp.Type.FlowBox, p.sp.FlowSplitBelow)
	}
	var plan func(t *flTree)
	plan = func(t *flTree) {
		trees = append(trees, t)
		for !fits(t) {
			c := t.candidate()
			if c == nil {
				break
			}
			t.collapsed[c] = -1
		}
		// The folded branches follow, each on its own slide, or side by
		// side with the next ones at the same depth when they fit
		// together without folding.
		pending := t.order()
		for i := 0; i < len(pending); {
			c := pending[i]
			solo := &flTree{root: c, collapsed: map[*flNode]int{}}
			j := i + 1
			if fits(solo) {
				group := []*flNode{c}
				for ; j < len(pending) && pending[j].depth == c.depth; j++ {
					try := &flTree{root: forest(append(group, pending[j])), collapsed: map[*flNode]int{}}
					if !fits(try) {
						break
					}
					group = append(group, pending[j])
				}
				if len(group) > 1 {
					solo.root = forest(group)
				}
				for _, g := range group {
					t.collapsed[g] = len(trees)
				}
			} else {
				t.collapsed[c] = len(trees)
			}
			plan(solo)
			i = j
		}
	}
	plan(&flTree{root: root, collapsed: map[*flNode]int{}})
	first := len(p.pages) + 1
	var pages []slPage
	for i, t := range trees {
		body := p.fitSlide(func(f *slFit) []Item { return p.flowTree(f, t, first) })
		pages = append(pages, p.page(continued(s.Title, i), body))
	}
	return pages
}

// forest is an invisible root over several branches of the same depth.
func forest(kids []*flNode) *flNode {
	return &flNode{kids: kids, depth: kids[0].depth - 1, virtual: true}
}

// candidate is the open question, other than the root, with the most
// leaves below it (the shallowest and first on ties): folding it narrows
// the diagram most.
func (t *flTree) candidate() *flNode {
	var best *flNode
	bestLeaves := 0
	var walk func(n *flNode)
	walk = func(n *flNode) {
		if !t.open(n) {
			return
		}
		if n != t.root {
			l := t.leaves(n)
			if l > bestLeaves || (l == bestLeaves && best != nil && n.depth < best.depth) {
				best, bestLeaves = n, l
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(t.root)
	return best
}

// order lists the collapsed questions in reading order.
func (t *flTree) order() []*flNode {
	var out []*flNode
	var walk func(n *flNode)
	walk = func(n *flNode) {
		if _, c := t.collapsed[n]; c && n != t.root {
			out = append(out, n)
			return
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(t.root)
	return out
}

// leaves counts the boxes on the bottom of n's drawn subtree.
func (t *flTree) leaves(n *flNode) int {
	if !t.open(n) {
		return 1
	}
	c := 0
	for _, k := range n.kids {
		c += t.leaves(k)
	}
	return c
}

// flBox is the laid-out box of one node.
type flBox struct {
	n            *flNode
	first, last  int     // leaf columns spanned
	cx           float64 // centre
	spanL, spanR float64
	w            float64
	lines        []Block
	label        Block
	labelW       float64
}

// flowTree lays out one page of the diagram. first is the page number of
// the first diagram page (0 in trial runs: references then print a
// placeholder number as wide as a real one). A diagram that does not fit
// even at the smallest type is reported once, at the question whose
// answers are too many or too long, not text by text.
func (p *slPlanner) flowTree(f *slFit, t *flTree, first int) []Item {
	if !f.final {
		items, _, _ := p.flowLayout(f, t, first)
		return items
	}
	probe := f.probe()
	items, colW, rows := p.flowLayout(probe, t, first)
	if probe.ok {
		items, _, _ = p.flowLayout(f, t, first)
		return items
	}
	p.flowCheck(f, t.root)
	var wide *flNode
	var walk func(n *flNode)
	walk = func(n *flNode) {
		if !t.open(n) {
			return
		}
		if !n.virtual && (wide == nil || len(n.kids) > len(wide.kids)) {
			wide = n
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(t.root)
	q := t.question()
	if wide != nil {
		q = wide.q.Question
	}
	f.fail(q, "相談対応フローの図がスライドに収まりません（箱が横に %d 個・縦に %d 段並び、箱の幅は %.0fmm。%.1fpt まで縮めました）。この質問の回答を減らすか、質問と回答の文を短くしてください",
		t.leaves(t.root), rows, colW, f.size(p.sp.Type.FlowBox).Size)
	return items
}

// flowCheck checks the glyphs of every text of the diagram.
func (p *slPlanner) flowCheck(f *slFit, n *flNode) {
	check := func(t model.Text) { f.set.Check(f.at(t)) }
	check(n.label)
	switch {
	case n.q != nil || n.virtual:
		if n.q != nil {
			check(n.q.Question)
		}
		for _, k := range n.kids {
			p.flowCheck(f, k)
		}
	case n.sit != nil:
		check(n.sit.Title)
	case n.con != nil:
		check(n.con.Org)
		check(n.con.Desk)
	}
}

// flowLayout lays out the diagram; it also returns the width of a column
// and the number of rows.
func (p *slPlanner) flowLayout(f *slFit, t *flTree, first int) ([]Item, float64, int) {
	sp := p.sp
	c := sp.Colors
	b := p.body
	// Columns.
	var boxes []*flBox
	byNode := map[*flNode]*flBox{}
	col := 0
	var assign func(n *flNode) *flBox
	assign = func(n *flNode) *flBox {
		bx := &flBox{n: n}
		boxes = append(boxes, bx)
		byNode[n] = bx
		if !t.open(n) {
			bx.first, bx.last = col, col
			col++
			return bx
		}
		for i, k := range n.kids {
			kb := assign(k)
			if i == 0 {
				bx.first = kb.first
			}
			bx.last = kb.last
		}
		return bx
	}
	assign(t.root)
	n := col
	gap := sp.FlowGapX
	colW := math.Min(sp.FlowBoxMaxW, (b.w-float64(n-1)*gap)/float64(n))
	total := float64(n)*colW + float64(n-1)*gap
	left := b.x + (b.w-total)/2
	colX := func(i int) float64 { return left + float64(i)*(colW+gap) }
	var centre func(n *flNode) float64
	centre = func(n *flNode) float64 {
		bx := byNode[n]
		bx.spanL, bx.spanR = colX(bx.first), colX(bx.last)+colW
		if !t.open(n) {
			bx.cx = colX(bx.first) + colW/2
		} else {
			cs := make([]float64, len(n.kids))
			for i, k := range n.kids {
				cs[i] = centre(k)
			}
			bx.cx = (cs[0] + cs[len(cs)-1]) / 2
		}
		room := 2 * math.Min(bx.cx-bx.spanL, bx.spanR-bx.cx)
		bx.w = colW
		if t.open(n) {
			bx.w = math.Min(math.Max(sp.FlowBoxMaxW, colW), room)
		}
		return bx.cx
	}
	centre(t.root)

	// Text, box heights per row and label heights per row.
	pad := sp.FlowBoxPadding
	lp := sp.FlowLabelPadding
	depth0 := t.root.depth
	rows := 0
	for _, bx := range boxes {
		rows = max(rows, bx.n.depth-depth0+1)
	}
	rowH := make([]float64, rows)
	labelH := make([]float64, rows)
	for _, bx := range boxes {
		p.flowText(f, t, bx, first, bx.w-2*pad)
		h := 2 * pad
		for _, l := range bx.lines {
			h += l.Height()
		}
		d := bx.n.depth - depth0
		if bx.n.virtual {
			h = 0
		}
		rowH[d] = math.Max(rowH[d], h)
		if d > 0 && !bx.n.label.Empty() {
			room := 2 * math.Min(bx.cx-bx.spanL, bx.spanR-bx.cx)
			bx.label = f.balanced(bx.n.label, room-2*lp, sp.Type.FlowLabel)
			for _, l := range bx.label.Lines {
				bx.labelW = math.Max(bx.labelW, f.m.Width(l, bx.label.Style.Bold, bx.label.Size))
			}
			labelH[d] = math.Max(labelH[d], bx.label.Height()+2*lp)
		}
	}
	rowTop := make([]float64, rows)
	busY := make([]float64, rows)
	y := 0.0
	for d := range rows {
		if d > 0 {
			busY[d] = y + sp.FlowBusGap
			if d == 1 && t.root.virtual {
				busY[d] = -1.5 // the labels head the page
			}
			y = busY[d] + 1.5 + labelH[d] + sp.FlowArrowGap
		}
		rowTop[d] = y
		y += rowH[d]
	}
	if y > b.h+1e-6 {
		f.fail(t.question(), "相談対応フローの図がスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。質問や回答の文を短くしてください", b.h, y)
	}
	off := b.y + math.Max(0, (b.h-y)/2)

	// Draw: lines first, then the labels over them, then the boxes.
	var lines, labels, rects []Item
	for _, bx := range boxes {
		d := bx.n.depth - depth0
		top := off + rowTop[d]
		if t.open(bx.n) {
			bus := off + busY[d+1]
			if !bx.n.virtual {
				lines = append(lines, Line{X1: round2(bx.cx), Y1: round2(top + rowH[d]), X2: round2(bx.cx), Y2: round2(bus), Color: c.Accent, Width: 0.5})
			}
			a, z := byNode[bx.n.kids[0]].cx, byNode[bx.n.kids[len(bx.n.kids)-1]].cx
			if len(bx.n.kids) > 1 && !bx.n.virtual {
				lines = append(lines, Line{X1: round2(a), Y1: round2(bus), X2: round2(z), Y2: round2(bus), Color: c.Accent, Width: 0.5})
			}
			for _, k := range bx.n.kids {
				kb := byNode[k]
				kt := off + rowTop[d+1]
				from := bus
				if bx.n.virtual {
					from = bus + 1.5
				}
				lines = append(lines, Line{X1: round2(kb.cx), Y1: round2(from), X2: round2(kb.cx), Y2: round2(kt - 2.4), Color: c.Accent, Width: 0.5})
				lines = append(lines, Polygon{Points: []Point{{round2(kb.cx - 1.7), round2(kt - 2.8)}, {round2(kb.cx + 1.7), round2(kt - 2.8)}, {round2(kb.cx), round2(kt)}}, Fill: &c.Accent})
				if len(kb.label.Lines) > 0 {
					lw := kb.labelW + 2*lp
					ly := bus + 1.5
					labels = append(labels, Rect{X: round2(kb.cx - lw/2), Y: round2(ly), W: round2(lw), H: round2(kb.label.Height() + 2*lp),
						Fill: &Color{255, 255, 255}, Stroke: &c.Rule, LineWidth: 0.25, Radius: 1})
					labels = append(labels, kb.label.DrawCentred(f.m, kb.cx-lw/2, ly+lp, lw)...)
				}
			}
		}
		if bx.n.virtual {
			continue
		}
		x := bx.cx - bx.w/2
		r := Rect{X: round2(x), Y: round2(top), W: round2(bx.w), H: round2(rowH[d]), Stroke: &c.Accent}
		switch {
		case bx.n.q != nil:
			r.Fill, r.LineWidth, r.Radius = &c.Panel, 0.5, 1.5
			if _, folded := t.collapsed[bx.n]; folded && bx.n != t.root {
				r.Dash = true
			}
		default:
			r.Fill, r.LineWidth, r.Radius = &Color{255, 255, 255}, 0.9, 3
		}
		rects = append(rects, r)
		th := 0.0
		for _, l := range bx.lines {
			th += l.Height()
		}
		ty := top + (rowH[d]-th)/2
		for _, l := range bx.lines {
			rects = append(rects, l.DrawCentred(f.m, x, ty, bx.w)...)
			ty += l.Height()
		}
	}
	out := append(lines, labels...)
	return append(out, rects...), colW, rows
}

// flowText breaks the text of a box: the question, with where a folded
// question continues; the situation's title; or the desk and its phone
// (addresses are left to the contact slides: they would crowd the box).
func (p *slPlanner) flowText(f *slFit, t *flTree, bx *flBox, first int, w float64) {
	sp := p.sp
	n := bx.n
	switch {
	case n.q != nil:
		bx.lines = []Block{f.balanced(n.q.Question, w, sp.Type.FlowBox)}
		if i, folded := t.collapsed[n]; folded && n != t.root {
			page := "99"
			if first > 0 && i >= 0 {
				page = fmt.Sprint(first + i)
			}
			bx.lines = append(bx.lines, f.balanced(Plain("→ "+page+" 枚目へ"), w, sp.Type.FlowDetail))
		}
	case n.sit != nil:
		st := sp.Type.FlowBox
		st.Bold = false
		bx.lines = []Block{f.balanced(n.sit.Title, w, st)}
	case n.con != nil:
		st := sp.Type.FlowBox
		st.Bold = false
		bx.lines = []Block{f.balanced(model.Text{S: n.con.Name(), Loc: n.con.Org.Loc}, w, st)}
		for _, ph := range n.con.Phones {
			bx.lines = append(bx.lines, f.shrunk(phone(ph), w, sp.Type.FlowDetail, 1))
		}
	}
}
