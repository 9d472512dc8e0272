package slides

import (
	"fmt"
	"math"

	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// node is one box of the consultation flow diagram: a question, or a
// destination (a situation of the quick list or a contact desk).
type node struct {
	q     *model.FlowNode
	label model.Text // the answer that leads here; empty for the root
	sit   *model.Situation
	con   *model.Contact
	kids  []*node
	depth int
	// virtual marks the invisible root of a page that shows several
	// branches side by side; only its children are drawn.
	virtual bool
}

func buildNode(n *model.FlowNode, label model.Text, depth int) *node {
	nd := &node{q: n, label: label, depth: depth}
	for _, a := range n.Answers {
		switch {
		case a.Next != nil:
			nd.kids = append(nd.kids, buildNode(a.Next, a.Label, depth+1))
		default:
			nd.kids = append(nd.kids, &node{label: a.Label, sit: a.Situation, con: a.Contact, depth: depth + 1})
		}
	}
	return nd
}

// tree is one page of the diagram: a subtree whose collapsed questions
// continue on later pages.
type tree struct {
	root      *node
	collapsed map[*node]int // collapsed question → index of its tree
}

// open reports whether n's children are drawn in t.
func (t *tree) open(n *node) bool {
	_, c := t.collapsed[n]
	return (n.q != nil || n.virtual) && !c && len(n.kids) > 0
}

// question is the text that names the tree in messages: the root's
// question, or the first branch's on a page of several branches.
func (t *tree) question() model.Text {
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
func (p *planner) flowSlides(s *model.Slide) []slidePage {
	root := buildNode(s.Node, model.Text{}, 0)
	var trees []*tree
	fits := func(t *tree) bool {
		return p.fitsAbove([]arrangement{func(f *fit) []layout.Item { return p.flowTree(f, t, 0) }},
			p.sp.Type.FlowBox, p.sp.FlowSplitBelow)
	}
	var plan func(t *tree)
	plan = func(t *tree) {
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
			solo := &tree{root: c, collapsed: map[*node]int{}}
			j := i + 1
			if fits(solo) {
				group := []*node{c}
				for ; j < len(pending) && pending[j].depth == c.depth; j++ {
					try := &tree{root: forest(append(group, pending[j])), collapsed: map[*node]int{}}
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
	plan(&tree{root: root, collapsed: map[*node]int{}})
	first := len(p.pages) + 1
	var pages []slidePage
	for i, t := range trees {
		body := p.fitSlide(func(f *fit) []layout.Item { return p.flowTree(f, t, first) })
		pages = append(pages, p.page(continued(s.Title, i), body))
	}
	return pages
}

// forest is an invisible root over several branches of the same depth.
func forest(kids []*node) *node {
	return &node{kids: kids, depth: kids[0].depth - 1, virtual: true}
}

// candidate is the open question, other than the root, with the most
// leaves below it (the shallowest and first on ties): folding it narrows
// the diagram most.
func (t *tree) candidate() *node {
	var best *node
	bestLeaves := 0
	var walk func(n *node)
	walk = func(n *node) {
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
func (t *tree) order() []*node {
	var out []*node
	var walk func(n *node)
	walk = func(n *node) {
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
func (t *tree) leaves(n *node) int {
	if !t.open(n) {
		return 1
	}
	c := 0
	for _, k := range n.kids {
		c += t.leaves(k)
	}
	return c
}

// box is the laid-out box of one node.
type box struct {
	n            *node
	first, last  int     // leaf cols spanned
	cx           float64 // centre
	spanL, spanR float64
	w            float64
	lines        []text.Block
	label        text.Block
	labelW       float64
}

// flowTree lays out one page of the diagram. first is the page number of
// the first diagram page (0 in trial runs: references then print a
// placeholder number as wide as a real one). A diagram that does not fit
// even at the smallest type is reported once, at the question whose
// answers are too many or too long, not text by text.
func (p *planner) flowTree(f *fit, t *tree, first int) []layout.Item {
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
	var wide *node
	var walk func(n *node)
	walk = func(n *node) {
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

// flowLayout lays out the diagram; it also returns the width of a col
// and the number of rows.
func (p *planner) flowLayout(f *fit, t *tree, first int) ([]layout.Item, float64, int) {
	sp := p.sp
	c := sp.Colors
	b := p.body
	// Cols.
	var boxes []*box
	byNode := map[*node]*box{}
	col := 0
	var assign func(n *node) *box
	assign = func(n *node) *box {
		bx := &box{n: n}
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
	var centre func(n *node) float64
	centre = func(n *node) float64 {
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
			bx.labelW = bx.label.Width(f.m)
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
	var lines, labels, rects []layout.Item
	for _, bx := range boxes {
		d := bx.n.depth - depth0
		top := off + rowTop[d]
		if t.open(bx.n) {
			bus := off + busY[d+1]
			if !bx.n.virtual {
				lines = append(lines, layout.Line{X1: layout.Round(bx.cx), Y1: layout.Round(top + rowH[d]), X2: layout.Round(bx.cx), Y2: layout.Round(bus), Color: c.Accent, Width: 0.5})
			}
			a, z := byNode[bx.n.kids[0]].cx, byNode[bx.n.kids[len(bx.n.kids)-1]].cx
			if len(bx.n.kids) > 1 && !bx.n.virtual {
				lines = append(lines, layout.Line{X1: layout.Round(a), Y1: layout.Round(bus), X2: layout.Round(z), Y2: layout.Round(bus), Color: c.Accent, Width: 0.5})
			}
			for _, k := range bx.n.kids {
				kb := byNode[k]
				kt := off + rowTop[d+1]
				from := bus
				if bx.n.virtual {
					from = bus + 1.5
				}
				lines = append(lines, layout.Line{X1: layout.Round(kb.cx), Y1: layout.Round(from), X2: layout.Round(kb.cx), Y2: layout.Round(kt - 2.4), Color: c.Accent, Width: 0.5})
				lines = append(lines, layout.Polygon{Points: []layout.Point{{X: layout.Round(kb.cx - 1.7), Y: layout.Round(kt - 2.8)}, {X: layout.Round(kb.cx + 1.7), Y: layout.Round(kt - 2.8)}, {X: layout.Round(kb.cx), Y: layout.Round(kt)}}, Fill: &c.Accent})
				if len(kb.label.Lines) > 0 {
					lw := kb.labelW + 2*lp
					ly := bus + 1.5
					labels = append(labels, layout.Rect{X: layout.Round(kb.cx - lw/2), Y: layout.Round(ly), W: layout.Round(lw), H: layout.Round(kb.label.Height() + 2*lp),
						Fill: &layout.Color{R: 255, G: 255, B: 255}, Stroke: &c.Rule, LineWidth: 0.25, Radius: 1})
					labels = append(labels, kb.label.DrawCentred(f.m, kb.cx-lw/2, ly+lp, lw)...)
				}
			}
		}
		if bx.n.virtual {
			continue
		}
		x := bx.cx - bx.w/2
		r := layout.Rect{X: layout.Round(x), Y: layout.Round(top), W: layout.Round(bx.w), H: layout.Round(rowH[d]), Stroke: &c.Accent}
		switch {
		case bx.n.q != nil:
			r.Fill, r.LineWidth, r.Radius = &c.Panel, 0.5, 1.5
			if _, folded := t.collapsed[bx.n]; folded && bx.n != t.root {
				r.Dash = true
			}
		default:
			r.Fill, r.LineWidth, r.Radius = &layout.Color{R: 255, G: 255, B: 255}, 0.9, 3
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
func (p *planner) flowText(f *fit, t *tree, bx *box, first int, w float64) {
	sp := p.sp
	n := bx.n
	switch {
	case n.q != nil:
		bx.lines = []text.Block{f.balanced(n.q.Question, w, sp.Type.FlowBox)}
		if i, folded := t.collapsed[n]; folded && n != t.root {
			page := "99"
			if first > 0 && i >= 0 {
				page = fmt.Sprint(first + i)
			}
			bx.lines = append(bx.lines, f.balanced(own("→ "+page+" 枚目へ"), w, sp.Type.FlowDetail))
		}
	case n.sit != nil:
		st := sp.Type.FlowBox
		st.Bold = false
		bx.lines = []text.Block{f.balanced(n.sit.Title, w, st)}
	case n.con != nil:
		st := sp.Type.FlowBox
		st.Bold = false
		bx.lines = []text.Block{f.balanced(layout.DeskOf(n.con).Name, w, st)}
		for _, ph := range n.con.Phones {
			bx.lines = append(bx.lines, f.shrunk(phone(ph), w, sp.Type.FlowPhone, 1))
		}
	}
}
