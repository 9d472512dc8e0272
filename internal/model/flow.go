package model

import (
	"sodan/internal/diag"
	"sodan/internal/source"
	"sodan/internal/yamlpos"
)

// Flow is the consultation decision tree (相談対応フロー).
type Flow struct {
	Title Text
	Start *FlowNode
	Nodes []*FlowNode // in file order
}

// FlowNode is one question.
type FlowNode struct {
	ID       string
	Question Text
	Answers  []FlowAnswer
}

// FlowAnswer is one answer and where it leads: exactly one of Next,
// Situation and Contact is set.
type FlowAnswer struct {
	Label     Text
	Next      *FlowNode
	Situation *Situation
	Contact   *Contact

	nextLoc diag.Loc // where next: was written, for loop messages
}

func (b *builder) flow() {
	raw := b.raw.Flow
	f := &b.book.Flow
	f.Title = text(raw.Title)
	byID := map[string]*FlowNode{}
	seen := map[string]yamlpos.Str{}
	for _, rn := range raw.Nodes {
		if !b.uniqueID(seen, rn.ID) {
			continue
		}
		n := &FlowNode{ID: rn.ID.V, Question: text(rn.Question)}
		byID[n.ID] = n
		f.Nodes = append(f.Nodes, n)
	}
	for _, rn := range raw.Nodes {
		n := byID[rn.ID.V]
		if n == nil {
			continue
		}
		for _, ra := range rn.Answers {
			a := FlowAnswer{Label: text(ra.Label), nextLoc: ra.Next.Loc}
			if set := countSet(ra.Next, ra.Situation, ra.Contact); set != 1 {
				b.errorf(ra.Loc, "回答の行き先は next・situation・contact のどれか一つだけを書いてください（いまは %d 個）", set)
				continue
			}
			switch {
			case !ra.Next.IsZero():
				a.Next = byID[ra.Next.V]
				if a.Next == nil {
					b.errorf(ra.Next.Loc, "質問「%s」は nodes にありません", ra.Next.V)
					continue
				}
			case !ra.Situation.IsZero():
				a.Situation = b.book.QuickList.Situation(ra.Situation.V)
				if a.Situation == nil {
					b.errorf(ra.Situation.Loc, "状況「%s」は quicklist.yaml の situations にありません", ra.Situation.V)
					continue
				}
			default:
				a.Contact = b.ref(ra.Contact, true)
				if a.Contact == nil {
					continue
				}
			}
			n.Answers = append(n.Answers, a)
		}
	}
	f.Start = byID[raw.Start.V]
	if f.Start == nil {
		if !raw.Start.IsZero() {
			b.errorf(raw.Start.Loc, "最初の質問「%s」は nodes にありません", raw.Start.V)
		}
		return
	}
	b.flowShape(raw, byID)
}

// flowShape checks that the flow is a tree walk without loops in which every
// question can be reached from the start.
func (b *builder) flowShape(raw source.Flow, byID map[string]*FlowNode) {
	state := map[*FlowNode]int{} // 1 visiting, 2 done
	var visit func(n *FlowNode)
	visit = func(n *FlowNode) {
		state[n] = 1
		for i := range n.Answers {
			a := &n.Answers[i]
			if a.Next == nil {
				continue
			}
			switch state[a.Next] {
			case 1:
				b.errorf(a.nextLoc, "相談対応フローが輪になっています。質問「%s」の回答「%s」から、前の質問「%s」に戻ります", n.ID, a.Label.S, a.Next.ID)
			case 0:
				visit(a.Next)
			}
		}
		state[n] = 2
	}
	visit(b.book.Flow.Start)
	for _, rn := range raw.Nodes {
		if n := byID[rn.ID.V]; n != nil && state[n] == 0 {
			b.errorf(rn.ID.Loc, "質問「%s」には start からたどり着けません", rn.ID.V)
		}
	}
}
