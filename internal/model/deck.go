package model

import (
	"sort"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/source"
	"sodan/internal/yamlpos"
)

// SlideKind is the kind of a slide.
type SlideKind string

// The slide kinds.
const (
	SlideTitle    SlideKind = "title"
	SlideSection  SlideKind = "section"
	SlideBullets  SlideKind = "bullets"
	SlideColumns  SlideKind = "columns"
	SlideTable    SlideKind = "table"
	SlideContacts SlideKind = "contacts"
	SlideSteps    SlideKind = "steps"
	SlideFlow     SlideKind = "flow"
	SlideColumn   SlideKind = "column"
	SlideQuote    SlideKind = "quote"
)

// slideKeys lists, per kind, the keys it requires (first) and may use.
var slideKeys = map[SlideKind]struct{ required, optional []string }{
	SlideTitle:    {[]string{"title"}, []string{"subtitle"}},
	SlideSection:  {[]string{"title"}, []string{"subtitle"}},
	SlideBullets:  {nil, []string{"title", "items", "phase", "check", "guide"}},
	SlideColumns:  {[]string{"title", "columns"}, nil},
	SlideTable:    {nil, []string{"title", "check", "situations"}},
	SlideContacts: {[]string{"title"}, []string{"contacts", "situation"}},
	SlideSteps:    {[]string{"title"}, []string{"steps"}},
	SlideFlow:     {[]string{"title"}, []string{"node"}},
	SlideColumn:   {[]string{"column"}, []string{"title"}},
	SlideQuote:    {[]string{"title", "quote"}, []string{"source"}},
}

// Deck is a seminar slide deck.
type Deck struct {
	ID       string
	File     string // file name in sources/decks
	Title    Text
	Subtitle Text
	Slides   []Slide
	Loc      diag.Loc
}

// Slide is one slide with the content it quotes resolved.
type Slide struct {
	Kind       SlideKind
	Title      Text
	Subtitle   Text
	Items      []Item       // bullets: literal items, or the phase's
	Phase      *Phase       // bullets quoting a measures phase
	Panes      []Pane       // columns
	Situations []*Situation // table
	Contacts   []Ref        // contacts
	Steps      []Step       // steps
	Node       *FlowNode    // flow
	Column     *Column      // column
	Quote      Text
	Source     Text
	Notes      Text
	Loc        diag.Loc
}

// Pane is one column of a two-column slide.
type Pane struct {
	Title Text
	Items []Item
}

func (b *builder) decks() {
	seen := map[string]yamlpos.Str{}
	for _, rd := range b.raw.Decks {
		if !b.uniqueID(seen, rd.ID) {
			continue
		}
		d := Deck{ID: rd.ID.V, File: rd.File, Title: text(rd.Title), Subtitle: text(rd.Subtitle), Loc: rd.Loc}
		for i, rs := range rd.Slides {
			if s, ok := b.slide(rs, i); ok {
				d.Slides = append(d.Slides, s)
			}
		}
		b.book.Decks = append(b.book.Decks, d)
	}
}

func kindNames() string {
	var k []string
	for n := range slideKeys {
		k = append(k, string(n))
	}
	sort.Strings(k)
	return strings.Join(k, ", ")
}

func (b *builder) slide(rs source.Slide, index int) (Slide, bool) {
	s := Slide{Kind: SlideKind(rs.Kind.V), Title: text(rs.Title), Subtitle: text(rs.Subtitle),
		Quote: text(rs.Quote), Source: text(rs.Source), Notes: text(rs.Notes), Loc: rs.Loc}
	keys, ok := slideKeys[s.Kind]
	if !ok {
		if !rs.Kind.IsZero() {
			b.errorf(rs.Kind.Loc, "スライドの種類「%s」はありません（使える値: %s）", rs.Kind.V, kindNames())
		}
		return s, false
	}
	set := map[string]diag.Loc{}
	mark := func(key string, present bool, loc diag.Loc) {
		if present {
			set[key] = loc
		}
	}
	mark("title", !rs.Title.IsZero(), rs.Title.Loc)
	mark("subtitle", !rs.Subtitle.IsZero(), rs.Subtitle.Loc)
	mark("items", len(rs.Items) > 0, rs.Loc)
	mark("phase", !rs.Phase.IsZero(), rs.Phase.Loc)
	mark("guide", !rs.Guide.IsZero(), rs.Guide.Loc)
	mark("columns", len(rs.Columns) > 0, rs.Loc)
	mark("check", !rs.Check.IsZero(), rs.Check.Loc)
	mark("situations", len(rs.Situations) > 0, rs.Loc)
	mark("contacts", len(rs.Contacts) > 0, rs.Loc)
	mark("situation", !rs.Situation.IsZero(), rs.Situation.Loc)
	mark("steps", len(rs.Steps) > 0, rs.Loc)
	mark("node", !rs.Node.IsZero(), rs.Node.Loc)
	mark("column", !rs.Column.IsZero(), rs.Column.Loc)
	mark("quote", !rs.Quote.IsZero(), rs.Quote.Loc)
	mark("source", !rs.Source.IsZero(), rs.Source.Loc)
	allowed := map[string]bool{}
	good := true
	for _, k := range keys.required {
		allowed[k] = true
		if _, ok := set[k]; !ok {
			b.errorf(diag.Loc{Pos: rs.Loc.Pos, Field: rs.Loc.Field + "." + k}, "%s スライドには「%s」が必要です", s.Kind, k)
			good = false
		}
	}
	for _, k := range keys.optional {
		allowed[k] = true
	}
	for k, loc := range set {
		if !allowed[k] {
			if loc.Field == rs.Loc.Field {
				loc.Field += "." + k
			}
			b.errorf(loc, "%s スライドでは「%s」は使いません（使えるキー: %s）", s.Kind, k, strings.Join(append(append([]string{}, keys.required...), keys.optional...), ", "))
			good = false
		}
	}
	if !good {
		return s, false
	}
	switch s.Kind {
	case SlideBullets:
		b.slideBullets(&s, rs)
	case SlideColumns:
		if len(rs.Columns) != 2 {
			b.errorf(rs.Loc, "columns スライドの列は二つにしてください（いまは %d）", len(rs.Columns))
		}
		for _, p := range rs.Columns {
			s.Panes = append(s.Panes, Pane{Title: text(p.Title), Items: b.items(p.Items, 1)})
		}
	case SlideTable:
		b.slideTable(&s, rs)
	case SlideContacts:
		b.slideContacts(&s, rs)
	case SlideSteps:
		b.slideSteps(&s, rs)
	case SlideFlow:
		s.Node = b.book.Flow.Start
		if !rs.Node.IsZero() {
			s.Node = nil
			for _, n := range b.book.Flow.Nodes {
				if n.ID == rs.Node.V {
					s.Node = n
				}
			}
			if s.Node == nil {
				b.errorf(rs.Node.Loc, "質問「%s」は flow.yaml にありません", rs.Node.V)
			}
		}
	case SlideColumn:
		for i := range b.book.Columns {
			if b.book.Columns[i].ID == rs.Column.V {
				s.Column = &b.book.Columns[i]
			}
		}
		if s.Column == nil {
			b.errorf(rs.Column.Loc, "コラム「%s」は columns.yaml にありません", rs.Column.V)
		}
	}
	return s, true
}

func (b *builder) slideBullets(s *Slide, rs source.Slide) {
	n := 0
	for _, set := range []bool{len(rs.Items) > 0, !rs.Phase.IsZero(), !rs.Check.IsZero(), !rs.Guide.IsZero()} {
		if set {
			n++
		}
	}
	if n != 1 {
		b.errorf(rs.Loc, "bullets スライドには items・phase・check・guide のどれか一つを書いてください（いまは %d 個）", n)
		return
	}
	switch {
	case len(rs.Items) > 0:
		s.Items = b.items(rs.Items, 1)
		if s.Title.Empty() {
			b.errorf(rs.Loc, "items を書いた bullets スライドには title が必要です")
		}
	case !rs.Phase.IsZero():
		for i := range b.book.Measures.Phases {
			if b.book.Measures.Phases[i].ID == rs.Phase.V {
				s.Phase = &b.book.Measures.Phases[i]
				s.Items = s.Phase.Items
				s.defaultTitle(s.Phase.Title)
			}
		}
		if s.Phase == nil {
			b.errorf(rs.Phase.Loc, "対策の段階「%s」は measures.yaml の phases にありません", rs.Phase.V)
		}
	case !rs.Check.IsZero():
		c, label := b.check(rs.Check)
		if c == nil {
			return
		}
		for _, it := range c.Items {
			s.Items = append(s.Items, Item{Text: it.Text, Contact: it.Contact})
		}
		if len(s.Items) == 0 {
			b.errorf(rs.Check.Loc, "CHECK「%s」には items がありません", rs.Check.V)
		}
		s.defaultTitle(Text{S: label + " " + c.Title.S, Loc: c.Title.Loc})
	default:
		if rs.Guide.V != "persuasion" {
			b.errorf(rs.Guide.Loc, "guide に書けるのは persuasion（経営者の説得）です")
			return
		}
		p := b.book.Guide.Persuasion
		for _, it := range p.Items {
			item := Item{Text: it.Text}
			if c := it.Citation(); !c.Empty() {
				item.Children = []Item{{Text: c}}
			}
			s.Items = append(s.Items, item)
		}
		s.defaultTitle(p.Title)
	}
}

// defaultTitle sets the slide's title from the quoted content when the
// deck did not give one.
func (s *Slide) defaultTitle(t Text) {
	if s.Title.Empty() {
		s.Title = t
	}
}

// check finds a quick-list CHECK by id and returns it with its printed
// label (CHECK1, CHECK2, … by position).
func (b *builder) check(id yamlpos.Str) (*Check, string) {
	for i := range b.book.QuickList.Checks {
		if c := &b.book.QuickList.Checks[i]; c.ID == id.V {
			return c, CheckLabel(i)
		}
	}
	b.errorf(id.Loc, "CHECK「%s」は quicklist.yaml にありません", id.V)
	return nil, ""
}

func (b *builder) slideTable(s *Slide, rs source.Slide) {
	if (len(rs.Situations) > 0) == !rs.Check.IsZero() {
		b.errorf(rs.Loc, "table スライドには check か situations のどちらか一つを書いてください")
		return
	}
	if !rs.Check.IsZero() {
		c, label := b.check(rs.Check)
		if c == nil {
			return
		}
		s.Situations = c.Situations
		if len(c.Situations) == 0 {
			b.errorf(rs.Check.Loc, "CHECK「%s」には situations がありません", rs.Check.V)
		}
		s.defaultTitle(Text{S: label + " " + c.Title.S, Loc: c.Title.Loc})
		return
	}
	if s.Title.Empty() {
		b.errorf(rs.Loc, "situations を書いた table スライドには title が必要です")
	}
	for _, id := range rs.Situations {
		if sit := b.book.QuickList.Situation(id.V); sit != nil {
			s.Situations = append(s.Situations, sit)
		} else {
			b.errorf(id.Loc, "状況「%s」は quicklist.yaml の situations にありません", id.V)
		}
	}
}

func (b *builder) slideContacts(s *Slide, rs source.Slide) {
	if (len(rs.Contacts) > 0) == !rs.Situation.IsZero() {
		b.errorf(rs.Loc, "contacts スライドには contacts か situation のどちらか一つを書いてください")
		return
	}
	if len(rs.Contacts) > 0 {
		s.Contacts = b.refs(rs.Contacts, true)
		return
	}
	sit := b.book.QuickList.Situation(rs.Situation.V)
	if sit == nil {
		b.errorf(rs.Situation.Loc, "状況「%s」は quicklist.yaml の situations にありません", rs.Situation.V)
		return
	}
	s.Contacts = sit.Contacts
	if len(s.Contacts) == 0 {
		b.errorf(rs.Situation.Loc, "状況「%s」には連絡先がありません", rs.Situation.V)
	}
}

func (b *builder) slideSteps(s *Slide, rs source.Slide) {
	if len(rs.Steps) == 0 {
		s.Steps = b.book.Guide.Steps
		return
	}
	for _, id := range rs.Steps {
		found := false
		for _, st := range b.book.Guide.Steps {
			if st.ID == id.V {
				s.Steps = append(s.Steps, st)
				found = true
			}
		}
		if !found {
			b.errorf(id.Loc, "ステップ「%s」は guide.yaml にありません", id.V)
		}
	}
}
