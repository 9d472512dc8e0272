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
	ID       yamlpos.Str `yaml:"id,required" doc:"デッキの id。出力のファイル名になります" format:"id"`
	Title    yamlpos.Str `yaml:"title,required" doc:"デッキの題名"`
	Subtitle yamlpos.Str `yaml:"subtitle" doc:"副題"`
	Slides   []Slide     `yaml:"slides,required" doc:"スライドの一覧（順に）"`
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
	Kind       yamlpos.Str   `yaml:"kind,required" doc:"スライドの種類" enum:"title,section,bullets,columns,table,contacts,steps,flow,column,quote"`
	Title      yamlpos.Str   `yaml:"title" doc:"スライドの見出し"`
	Subtitle   yamlpos.Str   `yaml:"subtitle" doc:"副題（title・section スライド）"`
	Items      []Item        `yaml:"items" doc:"箇条書き（bullets スライド）"`
	Phase      yamlpos.Str   `yaml:"phase" doc:"対策の段階の id を引用する（bullets）"`
	Guide      yamlpos.Str   `yaml:"guide" doc:"手引きを引用する: persuasion（bullets）" enum:"persuasion"`
	Columns    []Pane        `yaml:"columns" doc:"左右二つの列（columns スライド）"`
	Check      yamlpos.Str   `yaml:"check" doc:"CHECK の id を引用する"`
	Situations []yamlpos.Str `yaml:"situations" doc:"状況の id を並べる（表のスライド）"`
	Contacts   []ContactRef  `yaml:"contacts" doc:"窓口の id を並べる（contacts スライド）"`
	Situation  yamlpos.Str   `yaml:"situation" doc:"状況の id を一つ引用する"`
	Steps      []yamlpos.Str `yaml:"steps" doc:"STEP の id を並べる（steps スライド）"`
	Node       yamlpos.Str   `yaml:"node" doc:"フローの質問の id（flow スライド）"`
	Column     yamlpos.Str   `yaml:"column" doc:"コラムの id（column スライド）"`
	Quote      yamlpos.Str   `yaml:"quote" doc:"引用する文（quote スライド）"`
	Source     yamlpos.Str   `yaml:"source" doc:"引用の出典"`
	Notes      yamlpos.Str   `yaml:"notes" doc:"発表者用のノート"`
}

// Pane is one column of a two-column slide.
type Pane struct {
	Title yamlpos.Str `yaml:"title,required" doc:"列の見出し"`
	Items []Item      `yaml:"items,required" doc:"列の中の箇条書き"`
}
