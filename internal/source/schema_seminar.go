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

// Event is one file of sources/events: one seminar, with its date, venue,
// lecturers and the running order of its decks.
type Event struct {
	Loc       diag.Loc         `yaml:"-"`
	File      string           `yaml:"-"` // file name inside sources/events
	ID        yamlpos.Str      `yaml:"id,required" doc:"セミナーの id。出力のフォルダ名（日付-id）になります" format:"id"`
	Title     yamlpos.Str      `yaml:"title,required" doc:"セミナーの名前。表紙のスライドと配布資料の見出しに載ります"`
	Date      yamlpos.Str      `yaml:"date,required" doc:"開催日（YYYY-MM-DD）" format:"date"`
	Start     yamlpos.Str      `yaml:"start,required" doc:"開始時刻（HH:MM、例: 14:00）" format:"time"`
	End       yamlpos.Str      `yaml:"end,required" doc:"終了時刻（HH:MM）" format:"time"`
	Venue     Venue            `yaml:"venue,required" doc:"会場"`
	Organiser yamlpos.Str      `yaml:"organiser,required" doc:"主催者の名前"`
	Lecturers []Lecturer       `yaml:"lecturers,required" doc:"講師（一人以上）"`
	Programme []ProgrammeEntry `yaml:"programme,required" doc:"式次第。デッキ・休憩・質疑応答を始まる順に"`
	Survey    yamlpos.Str      `yaml:"survey_url" doc:"アンケートの URL。最後のスライドに QR コードで載ります" format:"url"`
	Contact   EventContact     `yaml:"contact" doc:"セミナーの後の問い合わせ先: 窓口の id か、名前・電話・メール"`
}

// Venue is where a seminar takes place.
type Venue struct {
	Name    yamlpos.Str `yaml:"name,required" doc:"会場の名前"`
	Address yamlpos.Str `yaml:"address" doc:"所在地"`
	Room    yamlpos.Str `yaml:"room" doc:"部屋（例: 3階 第1会議室）"`
}

// Lecturer is one speaker.
type Lecturer struct {
	Name        yamlpos.Str `yaml:"name,required" doc:"講師の名前"`
	Affiliation yamlpos.Str `yaml:"affiliation" doc:"所属や肩書き"`
}

// ProgrammeEntry is one item of the running order: a deck, a break or
// the question time, with the time it starts.
type ProgrammeEntry struct {
	Loc      diag.Loc    `yaml:"-"`
	Start    yamlpos.Str `yaml:"start,required" doc:"始まる時刻（HH:MM）" format:"time"`
	Deck     yamlpos.Str `yaml:"deck" doc:"話すデッキの id（sources/decks のもの）" format:"id"`
	Break    yamlpos.Str `yaml:"break" doc:"休憩の名前（例: 休憩）"`
	QA       yamlpos.Str `yaml:"qa" doc:"質疑応答の名前（例: 質疑応答）"`
	Lecturer yamlpos.Str `yaml:"lecturer" doc:"このデッキを話す講師の名前（lecturers のどれか。一人なら省略可）"`
}

// EventContact is whom attendees ask after the seminar: a desk of
// contacts.yaml by id (a bare id), or a name with a phone or an e-mail.
type EventContact struct {
	Loc   diag.Loc    `yaml:"-"`
	ID    yamlpos.Str `yaml:"id,shorthand" doc:"窓口の id（contacts.yaml のもの）" format:"id"`
	Name  yamlpos.Str `yaml:"name" doc:"問い合わせ先の名前"`
	Phone yamlpos.Str `yaml:"phone" doc:"電話番号" format:"phone"`
	Email yamlpos.Str `yaml:"email" doc:"メールアドレス" format:"email"`
}
