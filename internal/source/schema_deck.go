package source

import "sodan/internal/diag"

// Deck is one file of sources/decks: a seminar slide deck that quotes the
// canonical content by id.
type Deck struct {
	Loc      diag.Loc `yaml:"-"`
	File     string   `yaml:"-"` // file name inside sources/decks
	ID       Str      `yaml:"id,required"`
	Title    Str      `yaml:"title,required"`
	Subtitle Str      `yaml:"subtitle"`
	Slides   []Slide  `yaml:"slides,required"`
}

// Slide is one slide. Kind says which of the other keys it uses:
//
//	title      title, subtitle
//	section    title, subtitle
//	bullets    items (literal), phase (a measures phase id), check (a quick-list
//	           CHECK id: its items) or guide: persuasion; title (taken from
//	           the quoted content when left out)
//	columns    title, columns (two panes of items)
//	table      check (a quick-list CHECK id whose situations fill the grid;
//	           title from the CHECK when left out) or situations and title
//	contacts   title, contacts or situation (its contacts)
//	steps      title, steps (guide step ids; empty means all)
//	flow       title, node (start node id; empty means the flow's start)
//	column     column (a columns.yaml id)
//	quote      title, quote, source
//
// Every slide may carry notes (speaker notes).
type Slide struct {
	Loc        diag.Loc     `yaml:"-"`
	Kind       Str          `yaml:"kind,required"`
	Title      Str          `yaml:"title"`
	Subtitle   Str          `yaml:"subtitle"`
	Items      []Item       `yaml:"items"`
	Phase      Str          `yaml:"phase"`
	Guide      Str          `yaml:"guide"`
	Columns    []Pane       `yaml:"columns"`
	Check      Str          `yaml:"check"`
	Situations []Str        `yaml:"situations"`
	Contacts   []ContactRef `yaml:"contacts"`
	Situation  Str          `yaml:"situation"`
	Steps      []Str        `yaml:"steps"`
	Node       Str          `yaml:"node"`
	Column     Str          `yaml:"column"`
	Quote      Str          `yaml:"quote"`
	Source     Str          `yaml:"source"`
	Notes      Str          `yaml:"notes"`
}

// Pane is one column of a two-column slide.
type Pane struct {
	Title Str    `yaml:"title,required"`
	Items []Item `yaml:"items,required"`
}
