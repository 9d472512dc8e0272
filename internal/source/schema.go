package source

import "sodan/internal/diag"

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
}

// Edition is edition.yaml: the 版 of the material and its history.
type Edition struct {
	Title      Str        `yaml:"title,required"`
	Subtitle   Str        `yaml:"subtitle"`
	Purpose    Str        `yaml:"purpose,required"`
	Publisher  Str        `yaml:"publisher,required"`
	Date       Str        `yaml:"date,required"`
	Keywords   []Str      `yaml:"keywords"`
	Revisions  []Revision `yaml:"revisions,required"`
	FactsNote  Str        `yaml:"facts_note"`
	Disclaimer Str        `yaml:"disclaimer"`
}

// Revision is one entry of the revision history (改版履歴).
type Revision struct {
	Date Str `yaml:"date,required"`
	Text Str `yaml:"text,required"`
}

// ContactsFile is contacts.yaml: the registry of desks, each listed once,
// and the seed's figures that were corrected or dropped.
type ContactsFile struct {
	Contacts    []Contact    `yaml:"contacts,required"`
	Corrections []Correction `yaml:"corrections"`
}

// Contact is one desk of one organisation.
type Contact struct {
	Loc        diag.Loc `yaml:"-"`
	ID         Str      `yaml:"id,required"`
	Org        Str      `yaml:"org,required"`
	Desk       Str      `yaml:"desk"`
	Purpose    Str      `yaml:"purpose,required"`
	Phones     []Phone  `yaml:"phones"`
	Email      Str      `yaml:"email"`
	URL        Str      `yaml:"url"`
	FormURL    Str      `yaml:"form_url"`
	Hours      Str      `yaml:"hours"`
	Scope      Str      `yaml:"scope,required"`
	Source     Str      `yaml:"source,required"`
	VerifiedOn Str      `yaml:"verified_on,required"`
	EndedOn    Str      `yaml:"ended_on"`
	Uncertain  Str      `yaml:"uncertain"`
	Note       Str      `yaml:"note"`
}

// Phone is one telephone number of a desk.
type Phone struct {
	Number Str `yaml:"number,required,shorthand"`
	Label  Str `yaml:"label"`
}

// Correction records a figure printed in the seed that sodan does not use,
// and why.
type Correction struct {
	Value   Str `yaml:"value,required"`
	Contact Str `yaml:"contact"`
	Reason  Str `yaml:"reason,required"`
}

// QuickList is quicklist.yaml: the CHECK steps and the situations.
type QuickList struct {
	Emergency  []EmergencyEntry `yaml:"emergency,required"`
	Checks     []Check          `yaml:"checks,required"`
	Situations []Situation      `yaml:"situations,required"`
}

// EmergencyEntry is one number of the emergency strip.
type EmergencyEntry struct {
	Contact Str `yaml:"contact,required"`
	Label   Str `yaml:"label,required"`
}

// Check is one CHECK step of the quick list.
type Check struct {
	Loc        diag.Loc    `yaml:"-"`
	ID         Str         `yaml:"id,required"`
	Title      Str         `yaml:"title,required"`
	Lead       Str         `yaml:"lead"`
	Items      []CheckItem `yaml:"items"`
	Situations []Str       `yaml:"situations"`
}

// CheckItem is one line of a CHECK step, optionally pointing at a contact.
type CheckItem struct {
	Text    Str `yaml:"text,required,shorthand"`
	Contact Str `yaml:"contact"`
}

// Situation is one "what is happening" entry with its ordered contacts.
type Situation struct {
	Loc      diag.Loc     `yaml:"-"`
	ID       Str          `yaml:"id,required"`
	Title    Str          `yaml:"title,required"`
	Symptoms []Str        `yaml:"symptoms"`
	Contacts []ContactRef `yaml:"contacts"`
	Note     Str          `yaml:"note"`
}

// ContactRef points at a contact, with an optional note for this use.
type ContactRef struct {
	Contact Str `yaml:"contact,required,shorthand"`
	Note    Str `yaml:"note"`
}

// Resources is resources.yaml: prevention and support resources.
type Resources struct {
	Title  Str             `yaml:"title,required"`
	Lead   Str             `yaml:"lead"`
	Groups []ResourceGroup `yaml:"groups,required"`
}

// ResourceGroup is one heading of resources with its contacts.
type ResourceGroup struct {
	ID       Str          `yaml:"id,required"`
	Title    Str          `yaml:"title,required"`
	Contacts []ContactRef `yaml:"contacts,required"`
}

// Measures is measures.yaml: the malware measures.
type Measures struct {
	Title   Str     `yaml:"title,required"`
	Lead    Str     `yaml:"lead"`
	Basis   Str     `yaml:"basis"`
	Formula Str     `yaml:"formula,required"`
	Phases  []Phase `yaml:"phases,required"`
}

// Phase is 事前対応策, 事後対応策 or 恒久的対策.
type Phase struct {
	ID    Str    `yaml:"id,required"`
	Title Str    `yaml:"title,required"`
	Lead  Str    `yaml:"lead"`
	Items []Item `yaml:"items,required"`
}

// Item is a bullet that may nest further bullets, and may point at a
// contact, a URL or the risk formula.
type Item struct {
	Text     Str    `yaml:"text,required,shorthand"`
	Contact  Str    `yaml:"contact"`
	URL      Str    `yaml:"url"`
	Formula  Str    `yaml:"formula"`
	Children []Item `yaml:"items"`
}

// Guide is guide.yaml: the four-step guide and persuading management.
type Guide struct {
	Title      Str        `yaml:"title,required"`
	Lead       Str        `yaml:"lead"`
	Question   Str        `yaml:"question,required"`
	Steps      []Step     `yaml:"steps,required"`
	Persuasion Persuasion `yaml:"persuasion,required"`
}

// Step is one STEP of the guide.
type Step struct {
	ID    Str         `yaml:"id,required"`
	Label Str         `yaml:"label,required"`
	Title Str         `yaml:"title,required"`
	Items []GuideItem `yaml:"items,required"`
}

// GuideItem is one recommendation with the material it points to.
type GuideItem struct {
	Text      Str `yaml:"text,required"`
	Ref       Str `yaml:"ref"`
	Page      Str `yaml:"page"`
	Publisher Str `yaml:"publisher"`
	URL       Str `yaml:"url"`
}

// Persuasion is the section on winning management's understanding.
type Persuasion struct {
	Title Str         `yaml:"title,required"`
	Items []GuideItem `yaml:"items,required"`
}

// ColumnsFile is columns.yaml.
type ColumnsFile struct {
	Columns []Column `yaml:"columns,required"`
}

// Column is a short essay (コラム).
type Column struct {
	ID         Str   `yaml:"id,required"`
	Title      Str   `yaml:"title,required"`
	Paragraphs []Str `yaml:"paragraphs,required"`
	Points     []Str `yaml:"points"`
}

// Flow is flow.yaml: the consultation decision tree.
type Flow struct {
	Title Str        `yaml:"title,required"`
	Start Str        `yaml:"start,required"`
	Nodes []FlowNode `yaml:"nodes,required"`
}

// FlowNode is one question of the consultation flow.
type FlowNode struct {
	Loc      diag.Loc     `yaml:"-"`
	ID       Str          `yaml:"id,required"`
	Question Str          `yaml:"question,required"`
	Answers  []FlowAnswer `yaml:"answers,required"`
}

// FlowAnswer is one answer and where it leads: another node, a situation of
// the quick list, or a contact. Exactly one of the three is set.
type FlowAnswer struct {
	Loc       diag.Loc `yaml:"-"`
	Label     Str      `yaml:"label,required"`
	Next      Str      `yaml:"next"`
	Situation Str      `yaml:"situation"`
	Contact   Str      `yaml:"contact"`
}
