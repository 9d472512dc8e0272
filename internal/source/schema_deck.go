package source

import (
	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// Deck is one file of sources/decks: a seminar slide deck that quotes the
// canonical content by id.
type Deck struct {
	Loc      diag.Loc    `yaml:"-"`
	File     string      `yaml:"-"` // file name inside sources/decks
	ID       yamlpos.Str `yaml:"id,required"`
	Title    yamlpos.Str `yaml:"title,required"`
	Subtitle yamlpos.Str `yaml:"subtitle"`
	Slides   []Slide     `yaml:"slides,required"`
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
	Loc        diag.Loc      `yaml:"-"`
	Kind       yamlpos.Str   `yaml:"kind,required"`
	Title      yamlpos.Str   `yaml:"title"`
	Subtitle   yamlpos.Str   `yaml:"subtitle"`
	Items      []Item        `yaml:"items"`
	Phase      yamlpos.Str   `yaml:"phase"`
	Guide      yamlpos.Str   `yaml:"guide"`
	Columns    []Pane        `yaml:"columns"`
	Check      yamlpos.Str   `yaml:"check"`
	Situations []yamlpos.Str `yaml:"situations"`
	Contacts   []ContactRef  `yaml:"contacts"`
	Situation  yamlpos.Str   `yaml:"situation"`
	Steps      []yamlpos.Str `yaml:"steps"`
	Node       yamlpos.Str   `yaml:"node"`
	Column     yamlpos.Str   `yaml:"column"`
	Quote      yamlpos.Str   `yaml:"quote"`
	Source     yamlpos.Str   `yaml:"source"`
	Notes      yamlpos.Str   `yaml:"notes"`
}

// Pane is one column of a two-column slide.
type Pane struct {
	Title yamlpos.Str `yaml:"title,required"`
	Items []Item      `yaml:"items,required"`
}
