package source

import (
	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

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
