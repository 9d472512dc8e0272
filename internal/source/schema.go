package source

import (
	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// Raw is everything read from the sources folder, as written, with positions.
type Raw struct {
	Edition   Edition
	Contacts  ContactsFile
	QuickList QuickList
	Resources Resources
	Measures  Measures
	Guide     Guide
	Columns   ColumnsFile
	Flow      Flow
	Risk      Risk
	SelfCheck SelfCheck
	Decks     []Deck // sources/decks/*.yaml, in file-name order
	// Incomplete is set when a file could not be read or parsed at all.
	Incomplete bool
}

// Edition is edition.yaml: the 版 of the material and its history.
type Edition struct {
	Title      yamlpos.Str   `yaml:"title,required"`
	Subtitle   yamlpos.Str   `yaml:"subtitle"`
	Purpose    yamlpos.Str   `yaml:"purpose,required"`
	Publisher  yamlpos.Str   `yaml:"publisher,required"`
	Date       yamlpos.Str   `yaml:"date,required"`
	Keywords   []yamlpos.Str `yaml:"keywords"`
	Revisions  []Revision    `yaml:"revisions,required"`
	FactsNote  yamlpos.Str   `yaml:"facts_note"`
	Disclaimer yamlpos.Str   `yaml:"disclaimer"`
	StaleAfter yamlpos.Str   `yaml:"stale_after"`
}

// Revision is one entry of the revision history (改版履歴).
type Revision struct {
	Date yamlpos.Str `yaml:"date,required"`
	Text yamlpos.Str `yaml:"text,required"`
}

// ContactsFile is contacts.yaml: the registry of desks, each listed once,
// and the seed's figures that were corrected or dropped.
type ContactsFile struct {
	Contacts    []Contact    `yaml:"contacts,required"`
	Corrections []Correction `yaml:"corrections"`
}

// Contact is one desk of one organisation.
type Contact struct {
	Loc        diag.Loc    `yaml:"-"`
	ID         yamlpos.Str `yaml:"id,required"`
	Org        yamlpos.Str `yaml:"org,required"`
	Desk       yamlpos.Str `yaml:"desk"`
	Purpose    yamlpos.Str `yaml:"purpose,required"`
	Phones     []Phone     `yaml:"phones"`
	Email      yamlpos.Str `yaml:"email"`
	URL        yamlpos.Str `yaml:"url"`
	FormURL    yamlpos.Str `yaml:"form_url"`
	Hours      yamlpos.Str `yaml:"hours"`
	Scope      yamlpos.Str `yaml:"scope,required"`
	Source     yamlpos.Str `yaml:"source,required"`
	VerifiedOn yamlpos.Str `yaml:"verified_on,required"`
	EndedOn    yamlpos.Str `yaml:"ended_on"`
	Uncertain  yamlpos.Str `yaml:"uncertain"`
	Note       yamlpos.Str `yaml:"note"`
}

// Phone is one telephone number of a desk.
type Phone struct {
	Number yamlpos.Str `yaml:"number,required,shorthand"`
	Label  yamlpos.Str `yaml:"label"`
}

// Correction records a figure printed in the seed that sodan does not use,
// and why.
type Correction struct {
	Value   yamlpos.Str `yaml:"value,required"`
	Contact yamlpos.Str `yaml:"contact"`
	Reason  yamlpos.Str `yaml:"reason,required"`
}

// QuickList is quicklist.yaml: the CHECK steps and the situations.
type QuickList struct {
	Emergency  []EmergencyEntry `yaml:"emergency,required"`
	Checks     []Check          `yaml:"checks,required"`
	Situations []Situation      `yaml:"situations,required"`
}

// EmergencyEntry is one number of the emergency strip.
type EmergencyEntry struct {
	Contact yamlpos.Str `yaml:"contact,required"`
	Label   yamlpos.Str `yaml:"label,required"`
}

// Check is one CHECK step of the quick list.
type Check struct {
	Loc        diag.Loc      `yaml:"-"`
	ID         yamlpos.Str   `yaml:"id,required"`
	Title      yamlpos.Str   `yaml:"title,required"`
	Lead       yamlpos.Str   `yaml:"lead"`
	Items      []CheckItem   `yaml:"items"`
	Situations []yamlpos.Str `yaml:"situations"`
}

// CheckItem is one line of a CHECK step, optionally pointing at a contact.
type CheckItem struct {
	Text    yamlpos.Str `yaml:"text,required,shorthand"`
	Contact yamlpos.Str `yaml:"contact"`
}

// Situation is one "what is happening" entry with its ordered contacts.
type Situation struct {
	Loc      diag.Loc      `yaml:"-"`
	ID       yamlpos.Str   `yaml:"id,required"`
	Title    yamlpos.Str   `yaml:"title,required"`
	Symptoms []yamlpos.Str `yaml:"symptoms"`
	Contacts []ContactRef  `yaml:"contacts"`
	Note     yamlpos.Str   `yaml:"note"`
}

// ContactRef points at a contact, with an optional note for this use.
type ContactRef struct {
	Contact yamlpos.Str `yaml:"contact,required,shorthand"`
	Note    yamlpos.Str `yaml:"note"`
}

// Resources is resources.yaml: prevention and support resources.
type Resources struct {
	Title  yamlpos.Str     `yaml:"title,required"`
	Lead   yamlpos.Str     `yaml:"lead"`
	Groups []ResourceGroup `yaml:"groups,required"`
}

// ResourceGroup is one heading of resources with its contacts.
type ResourceGroup struct {
	ID       yamlpos.Str  `yaml:"id,required"`
	Title    yamlpos.Str  `yaml:"title,required"`
	Contacts []ContactRef `yaml:"contacts,required"`
}

// Measures is measures.yaml: the malware measures.
type Measures struct {
	Title   yamlpos.Str `yaml:"title,required"`
	Lead    yamlpos.Str `yaml:"lead"`
	Basis   yamlpos.Str `yaml:"basis"`
	Formula yamlpos.Str `yaml:"formula,required"`
	Phases  []Phase     `yaml:"phases,required"`
}

// Phase is 事前対応策, 事後対応策 or 恒久的対策.
type Phase struct {
	ID    yamlpos.Str `yaml:"id,required"`
	Title yamlpos.Str `yaml:"title,required"`
	Lead  yamlpos.Str `yaml:"lead"`
	Items []Item      `yaml:"items,required"`
}

// Item is a bullet that may nest further bullets, and may point at a
// contact, a URL or the risk formula.
type Item struct {
	Text     yamlpos.Str `yaml:"text,required,shorthand"`
	Contact  yamlpos.Str `yaml:"contact"`
	URL      yamlpos.Str `yaml:"url"`
	Formula  yamlpos.Str `yaml:"formula"`
	Children []Item      `yaml:"items"`
}

// Guide is guide.yaml: the four-step guide and persuading management.
type Guide struct {
	Title      yamlpos.Str `yaml:"title,required"`
	Lead       yamlpos.Str `yaml:"lead"`
	Question   yamlpos.Str `yaml:"question,required"`
	Steps      []Step      `yaml:"steps,required"`
	Persuasion Persuasion  `yaml:"persuasion,required"`
}

// Step is one STEP of the guide.
type Step struct {
	ID    yamlpos.Str `yaml:"id,required"`
	Label yamlpos.Str `yaml:"label,required"`
	Title yamlpos.Str `yaml:"title,required"`
	Items []GuideItem `yaml:"items,required"`
}

// GuideItem is one recommendation with the material it points to.
type GuideItem struct {
	Text      yamlpos.Str `yaml:"text,required"`
	Ref       yamlpos.Str `yaml:"ref"`
	Page      yamlpos.Str `yaml:"page"`
	Publisher yamlpos.Str `yaml:"publisher"`
	URL       yamlpos.Str `yaml:"url"`
}

// Persuasion is the section on winning management's understanding.
type Persuasion struct {
	Title yamlpos.Str `yaml:"title,required"`
	Items []GuideItem `yaml:"items,required"`
}

// ColumnsFile is columns.yaml.
type ColumnsFile struct {
	Columns []Column `yaml:"columns,required"`
}

// Column is a short essay (コラム).
type Column struct {
	ID         yamlpos.Str   `yaml:"id,required"`
	Title      yamlpos.Str   `yaml:"title,required"`
	Paragraphs []yamlpos.Str `yaml:"paragraphs,required"`
	Points     []yamlpos.Str `yaml:"points"`
}

// Flow is flow.yaml: the consultation decision tree.
type Flow struct {
	Title yamlpos.Str `yaml:"title,required"`
	Start yamlpos.Str `yaml:"start,required"`
	Nodes []FlowNode  `yaml:"nodes,required"`
}

// FlowNode is one question of the consultation flow.
type FlowNode struct {
	Loc      diag.Loc     `yaml:"-"`
	ID       yamlpos.Str  `yaml:"id,required"`
	Question yamlpos.Str  `yaml:"question,required"`
	Answers  []FlowAnswer `yaml:"answers,required"`
}

// FlowAnswer is one answer and where it leads: another node, a situation of
// the quick list, or a contact. Exactly one of the three is set.
type FlowAnswer struct {
	Loc       diag.Loc    `yaml:"-"`
	Label     yamlpos.Str `yaml:"label,required"`
	Next      yamlpos.Str `yaml:"next"`
	Situation yamlpos.Str `yaml:"situation"`
	Contact   yamlpos.Str `yaml:"contact"`
}
