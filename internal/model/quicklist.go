package model

import (
	"fmt"
	"sodan/internal/yamlpos"
)

// QuickList is the 相談・届出先クイックリスト: the emergency strip, the
// CHECK steps and the situations with their contacts.
type QuickList struct {
	Emergency  []Emergency
	Checks     []Check
	Situations []*Situation // in file order
	byID       map[string]*Situation
}

// CheckLabel is the printed label of the i-th CHECK (0-based): CHECK1, …
func CheckLabel(i int) string { return fmt.Sprintf("CHECK%d", i+1) }

// Situation returns the situation with the given id, or nil.
func (q *QuickList) Situation(id string) *Situation { return q.byID[id] }

// Emergency is one number of the emergency strip.
type Emergency struct {
	Contact *Contact
	Label   Text
}

// Check is one CHECK step: items to read or gather, or situations.
type Check struct {
	ID         string
	Title      Text
	Lead       Text
	Items      []CheckItem
	Situations []*Situation
}

// CheckItem is one line of a CHECK step.
type CheckItem struct {
	Text    Text
	Contact *Contact
}

// Situation is one "what is happening" entry with its ordered contacts.
type Situation struct {
	ID       string
	Title    Text
	Symptoms []Text
	Contacts []Ref
	Note     Text
}

func (b *builder) quickList() {
	raw := b.raw.QuickList
	q := &b.book.QuickList
	q.byID = map[string]*Situation{}
	for _, e := range raw.Emergency {
		c := b.ref(e.Contact, true)
		if c != nil && len(c.Phones) == 0 {
			b.errorf(e.Contact.Loc, "緊急連絡先「%s」に電話番号がありません", c.ID)
		}
		q.Emergency = append(q.Emergency, Emergency{Contact: c, Label: text(e.Label)})
	}
	seen := map[string]yamlpos.Str{}
	for _, rs := range raw.Situations {
		if !b.uniqueID(seen, rs.ID) {
			continue
		}
		s := &Situation{ID: rs.ID.V, Title: text(rs.Title), Symptoms: texts(rs.Symptoms), Note: text(rs.Note),
			Contacts: b.refs(rs.Contacts, true)}
		if len(rs.Contacts) == 0 && rs.Note.IsZero() {
			b.errorf(rs.Loc, "状況には contacts（連絡先）か note（案内）を書いてください")
		}
		q.Situations = append(q.Situations, s)
		q.byID[s.ID] = s
	}
	seenCheck := map[string]yamlpos.Str{}
	used := map[string]bool{}
	for _, rc := range raw.Checks {
		b.uniqueID(seenCheck, rc.ID)
		c := Check{ID: rc.ID.V, Title: text(rc.Title), Lead: text(rc.Lead)}
		for _, it := range rc.Items {
			c.Items = append(c.Items, CheckItem{Text: text(it.Text), Contact: b.ref(it.Contact, true)})
		}
		for _, id := range rc.Situations {
			s := q.byID[id.V]
			if s == nil {
				b.errorf(id.Loc, "状況「%s」は situations にありません", id.V)
				continue
			}
			if used[id.V] {
				b.errorf(id.Loc, "状況「%s」が二つの CHECK に載っています", id.V)
			}
			used[id.V] = true
			c.Situations = append(c.Situations, s)
		}
		if len(rc.Items) == 0 && len(rc.Situations) == 0 {
			b.errorf(rc.Loc, "CHECK には items か situations のどちらかを書いてください")
		}
		q.Checks = append(q.Checks, c)
	}
	for _, rs := range raw.Situations {
		if !used[rs.ID.V] && q.byID[rs.ID.V] != nil && len(raw.Checks) > 0 {
			b.errorf(rs.ID.Loc, "状況「%s」はどの CHECK の situations にも載っていないため、印刷されません", rs.ID.V)
		}
	}
}
