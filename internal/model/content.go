package model

import (
	"strings"

	"sodan/internal/source"
	"sodan/internal/yamlpos"
)

// Resources are the prevention and support resources.
type Resources struct {
	Title  Text
	Lead   Text
	Groups []ResourceGroup
}

// ResourceGroup is one heading with its contacts.
type ResourceGroup struct {
	ID       string
	Title    Text
	Contacts []Ref
}

// Measures are the main measures against malware.
type Measures struct {
	Title   Text
	Lead    Text
	Basis   Text
	Formula Text
	Phases  []Phase
}

// Phase is 事前対応策, 事後対応策 or 恒久的対策.
type Phase struct {
	ID    string
	Title Text
	Lead  Text
	Items []Item
}

// Item is a bullet with optional children, contact, URL or formula (the
// risk formula of the measures, shown under the bullet).
type Item struct {
	Text     Text
	Contact  *Contact
	URL      Text
	Formula  Text
	Children []Item
}

// Guide is the four-step guide for management.
type Guide struct {
	Title      Text
	Lead       Text
	Question   Text
	Steps      []Step
	Persuasion Persuasion
}

// Step is one STEP of the guide.
type Step struct {
	ID    string
	Label Text
	Title Text
	Items []GuideItem
}

// GuideItem is a recommendation and the material it points to.
type GuideItem struct {
	Text, Ref, Page, Publisher, URL Text
}

// Citation names the material an item points to, as printed under it:
// 「ref」 followed by the page or publisher.
func (g GuideItem) Citation() Text {
	if g.Ref.Empty() {
		return Text{}
	}
	c := "「" + g.Ref.S + "」"
	for _, extra := range []Text{g.Page, g.Publisher} {
		if !extra.Empty() {
			c += " " + extra.S
		}
	}
	return Text{S: c, Loc: g.Ref.Loc}
}

// Persuasion is the section on winning management's understanding.
type Persuasion struct {
	Title Text
	Items []GuideItem
}

// Column is a short essay.
type Column struct {
	ID         string
	Title      Text
	Paragraphs []Text
	Points     []Text
}

func (b *builder) resources() {
	raw := b.raw.Resources
	r := &b.book.Resources
	r.Title, r.Lead = text(raw.Title), text(raw.Lead)
	seen := map[string]yamlpos.Str{}
	for _, g := range raw.Groups {
		b.uniqueID(seen, g.ID)
		r.Groups = append(r.Groups, ResourceGroup{ID: g.ID.V, Title: text(g.Title), Contacts: b.refs(g.Contacts, true)})
	}
}

func (b *builder) measures() {
	raw := b.raw.Measures
	m := &b.book.Measures
	m.Title, m.Lead, m.Basis, m.Formula = text(raw.Title), text(raw.Lead), text(raw.Basis), text(raw.Formula)
	seen := map[string]yamlpos.Str{}
	for _, p := range raw.Phases {
		b.uniqueID(seen, p.ID)
		m.Phases = append(m.Phases, Phase{ID: p.ID.V, Title: text(p.Title), Lead: text(p.Lead), Items: b.items(p.Items, 1)})
	}
}

// maxItemDepth is how deep bullets may nest (the seed's measures use three
// levels below a phase heading).
const maxItemDepth = 4

func (b *builder) items(raw []source.Item, depth int) []Item {
	var out []Item
	for _, it := range raw {
		if depth > maxItemDepth {
			b.errorf(it.Text.Loc, "箇条書きの入れ子が深すぎます（%d 段まで）", maxItemDepth)
			return out
		}
		if !it.URL.IsZero() {
			if msg := checkURL(it.URL.V); msg != "" {
				b.errorf(it.URL.Loc, "%s", msg)
			}
		}
		var formula Text
		switch strings.TrimSpace(it.Formula.V) {
		case "", "false":
		case "true":
			formula = b.book.Measures.Formula
		default:
			b.errorf(it.Formula.Loc, "formula には true と書いてください（式そのものは measures.yaml の formula に一度だけ書きます）")
		}
		out = append(out, Item{Text: text(it.Text), Contact: b.ref(it.Contact, true), URL: text(it.URL),
			Formula: formula, Children: b.items(it.Children, depth+1)})
	}
	return out
}

func (b *builder) guideItems(raw []source.GuideItem) []GuideItem {
	var out []GuideItem
	for _, it := range raw {
		if !it.URL.IsZero() {
			if msg := checkURL(it.URL.V); msg != "" {
				b.errorf(it.URL.Loc, "%s", msg)
			}
		}
		out = append(out, GuideItem{text(it.Text), text(it.Ref), text(it.Page), text(it.Publisher), text(it.URL)})
	}
	return out
}

func (b *builder) guide() {
	raw := b.raw.Guide
	g := &b.book.Guide
	g.Title, g.Lead, g.Question = text(raw.Title), text(raw.Lead), text(raw.Question)
	seen := map[string]yamlpos.Str{}
	for _, s := range raw.Steps {
		b.uniqueID(seen, s.ID)
		g.Steps = append(g.Steps, Step{ID: s.ID.V, Label: text(s.Label), Title: text(s.Title), Items: b.guideItems(s.Items)})
	}
	g.Persuasion = Persuasion{Title: text(raw.Persuasion.Title), Items: b.guideItems(raw.Persuasion.Items)}
}

func (b *builder) columns() {
	seen := map[string]yamlpos.Str{}
	for _, c := range b.raw.Columns.Columns {
		b.uniqueID(seen, c.ID)
		b.book.Columns = append(b.book.Columns, Column{ID: c.ID.V, Title: text(c.Title), Paragraphs: texts(c.Paragraphs), Points: texts(c.Points)})
	}
}
