// Package model is the validated, typed content of the sources: contacts,
// the quick list, measures, the guide, columns, the consultation flow, the
// risk method and the self-diagnosis, with every reference resolved. Build
// returns either a complete Book or the list of problems, never both.
package model

import (
	"time"

	"sodan/internal/diag"
	"sodan/internal/source"
	"sodan/internal/yamlpos"
)

// Text is a piece of text from the sources with the place it was written,
// so later stages (line breaking, fitting, glyph checks) can name it.
type Text struct {
	S   string
	Loc diag.Loc
}

// String returns the text itself.
func (t Text) String() string { return t.S }

// Empty reports whether the text is blank.
func (t Text) Empty() bool { return t.S == "" }

// Book is the whole validated content.
type Book struct {
	Edition     Edition
	Contacts    []*Contact // in file order
	Corrections []Correction
	QuickList   QuickList
	Resources   Resources
	Measures    Measures
	Guide       Guide
	Columns     []Column
	Flow        Flow
	Risk        Risk
	SelfCheck   SelfCheck
	Decks       []Deck
	Events      []Event // sources/events, in file-name order

	contactByID map[string]*Contact
}

// Contact returns the contact with the given id, or nil.
func (b *Book) Contact(id string) *Contact { return b.contactByID[id] }

// Edition is the 版 of the material.
type Edition struct {
	Title      Text
	Subtitle   Text
	Purpose    Text
	Publisher  Text
	Date       time.Time
	Keywords   []string
	Revisions  []Revision // newest first
	FactsNote  Text
	Disclaimer Text
	// VerifiedFrom and VerifiedTo span the verified_on dates of the live
	// contacts the material prints.
	VerifiedFrom, VerifiedTo time.Time
	// StaleAfter is how old a contact's verified_on may be before a build
	// says it should be checked again; zero when not set.
	StaleAfter Age
}

// Revision is one entry of the revision history.
type Revision struct {
	Date time.Time
	Text Text
}

// builder carries the state of one Build: the raw records, the book being
// made and the problems found so far.
type builder struct {
	raw  *source.Raw
	book *Book
	errs diag.List
}

// Build validates raw and resolves its references in named steps. It returns
// the Book when there is no problem, otherwise nil and every problem found.
func Build(raw *source.Raw) (*Book, diag.List) {
	b := &builder{raw: raw, book: &Book{contactByID: map[string]*Contact{}}}
	steps := []func(){
		b.edition,
		b.contacts,
		b.quickList,
		b.resources,
		b.measures,
		b.guide,
		b.columns,
		b.flow,
		b.risk,
		b.selfCheck,
		b.decks,
		b.events,
		b.verifiedSpan,
	}
	for _, step := range steps {
		step()
	}
	if len(b.errs) > 0 {
		return nil, b.errs
	}
	return b.book, nil
}

// errorf records a problem at loc. A value that is absent from the sources
// has no position; the decoder has already reported it if it is required,
// so a follow-on problem about it is not reported again.
func (b *builder) errorf(loc diag.Loc, format string, args ...any) {
	if loc.Pos.File == "" {
		return
	}
	b.errs.Addf(loc, format, args...)
}

func text(s yamlpos.Str) Text { return Text{S: s.V, Loc: s.Loc} }

func texts(ss []yamlpos.Str) []Text {
	out := make([]Text, len(ss))
	for i, s := range ss {
		out[i] = text(s)
	}
	return out
}

func (b *builder) edition() {
	e := b.raw.Edition
	out := &b.book.Edition
	out.Title, out.Subtitle, out.Purpose, out.Publisher = text(e.Title), text(e.Subtitle), text(e.Purpose), text(e.Publisher)
	out.FactsNote, out.Disclaimer = text(e.FactsNote), text(e.Disclaimer)
	out.Date, _ = b.date(e.Date)
	if !e.StaleAfter.IsZero() {
		a, err := ParseAge(e.StaleAfter.V)
		if err != nil {
			b.errorf(e.StaleAfter.Loc, "%v", err)
		}
		out.StaleAfter = a
	}
	for _, k := range e.Keywords {
		out.Keywords = append(out.Keywords, k.V)
	}
	var prev time.Time
	for i, r := range e.Revisions {
		d, ok := b.date(r.Date)
		if ok && i > 0 && d.After(prev) {
			b.errorf(r.Date.Loc, "改版履歴は新しい順に並べてください（%s は前の行の %s より新しい日付です）", r.Date.V, prev.Format("2006-01-02"))
		}
		if ok && !out.Date.IsZero() && d.After(out.Date) {
			b.errorf(r.Date.Loc, "改版履歴の日付 %s が版の日付 %s より後になっています", r.Date.V, out.Date.Format("2006-01-02"))
		}
		prev = d
		out.Revisions = append(out.Revisions, Revision{Date: d, Text: text(r.Text)})
	}
}

// verifiedSpan records the range of verified_on dates of the contacts that
// are still live, for the quick list's "facts checked" line.
func (b *builder) verifiedSpan() {
	e := &b.book.Edition
	for _, c := range b.book.Contacts {
		if c.Ended() || c.VerifiedOn.IsZero() {
			continue
		}
		if e.VerifiedFrom.IsZero() || c.VerifiedOn.Before(e.VerifiedFrom) {
			e.VerifiedFrom = c.VerifiedOn
		}
		if c.VerifiedOn.After(e.VerifiedTo) {
			e.VerifiedTo = c.VerifiedOn
		}
	}
}
