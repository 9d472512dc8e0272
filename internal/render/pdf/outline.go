package pdf

import (
	"bytes"
	"fmt"
	"sodan/internal/layout"
)

// withAnnots adds /Annots with the references refs to a page object.
func withAnnots(page []byte, refs []int) ([]byte, error) {
	const at = "\n/Contents "
	if !bytes.HasPrefix(page, []byte("<</Type /Page\n")) || bytes.Count(page, []byte(at)) != 1 || bytes.Contains(page, []byte("/Annots")) {
		return nil, fmt.Errorf("fpdf wrote an unexpected page object:\n%s", page)
	}
	i := bytes.Index(page, []byte(at)) + 1
	var b bytes.Buffer
	b.Write(page[:i])
	b.WriteString("/Annots [")
	for j, r := range refs {
		if j > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d 0 R", r)
	}
	b.WriteString("]\n")
	b.Write(page[i:])
	return b.Bytes(), nil
}

// linkAnnot is the annotation of a link on a page h mm high: printable
// (/F 4, which PDF/A requires), no border, a URI action. Coordinates are
// computed and rounded as fpdf's LinkString does.
func linkAnnot(l layout.Link, h float64) []byte {
	x := l.X * ptPerMM
	top := h*ptPerMM - l.Y*ptPerMM
	return fmt.Appendf(nil, "<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /A <</S /URI /URI %s>>>>\n",
		x, top-l.H*ptPerMM, x+l.W*ptPerMM, top, literal(l.URL))
}

// addOutlines adds the outline items of x.marks and their root to objs and
// returns the root's number. Every item is open, so each /Count is the
// number of its descendants (ISO 32000-1 §12.3.3); items without children
// have none.
func addOutlines(o *objects, x *extra, pages []int) int {
	root := len(o.list)
	first := root + 1 // item i is object first+i
	n := len(x.marks)
	type item struct{ parent, first, last, prev, next, count int }
	items := make([]item, n)
	var stack []int // stack[l]: the latest item at level l
	topFirst, topLast := -1, -1
	for i, mk := range x.marks {
		// check made sure that levels start at 0 and go down at most one
		// at a time, so the stack is deep enough.
		stack = stack[:mk.Level]
		it := item{parent: -1, first: -1, last: -1, prev: -1, next: -1}
		if mk.Level > 0 {
			it.parent = stack[mk.Level-1]
			p := &items[it.parent]
			if p.last >= 0 {
				it.prev = p.last
				items[p.last].next = i
			} else {
				p.first = i
			}
			p.last = i
			for a := it.parent; a >= 0; a = items[a].parent {
				items[a].count++
			}
		} else {
			if topLast >= 0 {
				it.prev = topLast
				items[topLast].next = i
			} else {
				topFirst = i
			}
			topLast = i
		}
		items[i] = it
		stack = append(stack, i)
	}
	ref := func(i int) int { return first + i }
	o.add(nil) // the root, filled in below
	for i, mk := range x.marks {
		it := items[i]
		var b bytes.Buffer
		fmt.Fprintf(&b, "<</Title %s\n", textString(mk.Title))
		if it.parent >= 0 {
			fmt.Fprintf(&b, "/Parent %d 0 R\n", ref(it.parent))
		} else {
			fmt.Fprintf(&b, "/Parent %d 0 R\n", root)
		}
		for _, l := range []struct {
			key string
			i   int
		}{{"Prev", it.prev}, {"Next", it.next}, {"First", it.first}, {"Last", it.last}} {
			if l.i >= 0 {
				fmt.Fprintf(&b, "/%s %d 0 R\n", l.key, ref(l.i))
			}
		}
		h := x.pages[mk.page].h
		fmt.Fprintf(&b, "/Dest [%d 0 R /XYZ 0 %.2f null]", pages[mk.page], (h-mk.Y)*ptPerMM)
		if it.count > 0 {
			fmt.Fprintf(&b, "\n/Count %d", it.count)
		}
		b.WriteString(">>\n")
		o.add(b.Bytes())
	}
	o.list[root] = fmt.Appendf(nil, "<</Type /Outlines /First %d 0 R\n/Last %d 0 R\n/Count %d>>\n", ref(topFirst), ref(topLast), n)
	return root
}
