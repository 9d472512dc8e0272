package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"sodan/internal/diag"
	"sodan/internal/source"
	"sodan/internal/yamlpos"
)

// Event is one seminar: when and where, who speaks, and the running
// order of its decks.
type Event struct {
	ID        string
	File      string // file name in sources/events
	Title     Text
	Date      time.Time
	DateLoc   diag.Loc // where the date is written
	Start     Clock
	End       Clock
	Venue     Venue
	Organiser Text
	Lecturers []Lecturer
	Programme []ProgrammeItem
	Survey    Text // the survey's address; may be empty
	Contact   EventContact
	Loc       diag.Loc
}

// Venue is where a seminar takes place.
type Venue struct{ Name, Address, Room Text }

// Lecturer is one speaker.
type Lecturer struct{ Name, Affiliation Text }

// ProgrammeKind says what an item of the running order is.
type ProgrammeKind string

// The kinds of programme item.
const (
	ProgrammeDeck  ProgrammeKind = "deck"
	ProgrammeBreak ProgrammeKind = "break"
	ProgrammeQA    ProgrammeKind = "qa"
)

// ProgrammeItem is one item of the running order, from Start to End (the
// next item's start, or the seminar's end).
type ProgrammeItem struct {
	Kind       ProgrammeKind
	Start, End Clock
	Deck       *Deck     // for a deck
	Label      Text      // for a break or the question time
	Lecturer   *Lecturer // who speaks (a deck); nil when not said
	Loc        diag.Loc
}

// Title is what the programme prints for the item.
func (p ProgrammeItem) Title() string {
	if p.Deck != nil {
		return p.Deck.Title.S
	}
	return p.Label.S
}

// EventContact is whom attendees ask after the seminar: a desk, or a name
// with a phone or an e-mail address. Zero when not given.
type EventContact struct {
	Desk               *Contact
	Name, Phone, Email Text
}

// Given reports whether the event names a contact.
func (c EventContact) Given() bool { return c.Desk != nil || !c.Name.Empty() }

// Clock is a time of day, in minutes after midnight.
type Clock int

// String writes the time as 14:05.
func (c Clock) String() string { return fmt.Sprintf("%d:%02d", int(c)/60, int(c)%60) }

var timeRe = regexp.MustCompile(`^([01]?\d|2[0-3]):([0-5]\d)$`)

// clock parses HH:MM. An empty value gives false without a problem (the
// decoder reports it when it is required).
func (b *builder) clock(s yamlpos.Str) (Clock, bool) {
	v := strings.TrimSpace(s.V)
	if v == "" {
		return 0, false
	}
	m := timeRe.FindStringSubmatch(v)
	if m == nil {
		b.errorf(s.Loc, "時刻は 14:00 のように 24 時間制の「時:分」で書いてください（「%s」）", v)
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	min, _ := strconv.Atoi(m[2])
	return Clock(h*60 + min), true
}

// Event returns the event with the given id, or nil.
func (b *Book) Event(id string) *Event {
	for i := range b.Events {
		if b.Events[i].ID == id {
			return &b.Events[i]
		}
	}
	return nil
}

func (b *builder) events() {
	seen := map[string]yamlpos.Str{}
	decks := map[string]*Deck{}
	var deckIDs []string
	for i := range b.book.Decks {
		decks[b.book.Decks[i].ID] = &b.book.Decks[i]
		deckIDs = append(deckIDs, b.book.Decks[i].ID)
	}
	for _, re := range b.raw.Events {
		if !b.uniqueID(seen, re.ID) {
			continue
		}
		e := Event{ID: re.ID.V, File: re.File, Title: text(re.Title), Organiser: text(re.Organiser), Survey: text(re.Survey), Loc: re.Loc}
		e.Date, _ = b.date(re.Date)
		e.DateLoc = re.Date.Loc
		e.Venue = Venue{text(re.Venue.Name), text(re.Venue.Address), text(re.Venue.Room)}
		for _, l := range re.Lecturers {
			e.Lecturers = append(e.Lecturers, Lecturer{text(l.Name), text(l.Affiliation)})
		}
		start, okStart := b.clock(re.Start)
		end, okEnd := b.clock(re.End)
		e.Start, e.End = start, end
		if okStart && okEnd && end <= start {
			b.errorf(re.End.Loc, "終了時刻 %s が開始時刻 %s より後になっていません", end, start)
		}
		if !re.Survey.IsZero() {
			if msg := checkURL(strings.TrimSpace(re.Survey.V)); msg != "" {
				b.errorf(re.Survey.Loc, "%s", msg)
			}
		}
		b.programme(&e, re, decks, deckIDs, okStart && okEnd && end > start)
		b.eventContact(&e, re.Contact)
		b.book.Events = append(b.book.Events, e)
	}
}

// programme resolves the running order: one of deck, break or qa per
// item, times rising within the seminar, decks and lecturers that exist.
func (b *builder) programme(e *Event, re source.Event, decks map[string]*Deck, deckIDs []string, timed bool) {
	prev := e.Start
	for i, rp := range re.Programme {
		p := ProgrammeItem{Loc: rp.Loc}
		if set := countSet(rp.Deck, rp.Break, rp.QA); set != 1 {
			b.errorf(rp.Loc, "式次第の項目には deck・break・qa のどれか一つだけを書いてください（いまは %d 個）", set)
			continue
		}
		switch {
		case !rp.Deck.IsZero():
			p.Kind = ProgrammeDeck
			p.Deck = decks[rp.Deck.V]
			if p.Deck == nil {
				b.errorf(rp.Deck.Loc, "デッキ「%s」は sources/decks にありません（あるデッキ: %s）", rp.Deck.V, strings.Join(deckIDs, ", "))
			}
		case !rp.Break.IsZero():
			p.Kind, p.Label = ProgrammeBreak, text(rp.Break)
		default:
			p.Kind, p.Label = ProgrammeQA, text(rp.QA)
		}
		if !rp.Lecturer.IsZero() {
			for j := range e.Lecturers {
				if e.Lecturers[j].Name.S == rp.Lecturer.V {
					p.Lecturer = &e.Lecturers[j]
				}
			}
			if p.Lecturer == nil {
				b.errorf(rp.Lecturer.Loc, "講師「%s」は lecturers にいません", rp.Lecturer.V)
			}
		} else if p.Kind == ProgrammeDeck && len(e.Lecturers) == 1 {
			p.Lecturer = &e.Lecturers[0]
		}
		if t, ok := b.clock(rp.Start); ok && timed {
			switch {
			case t < e.Start || t >= e.End:
				b.errorf(rp.Start.Loc, "%s は開催時間（%s〜%s）の外です", t, e.Start, e.End)
			case i > 0 && t <= prev:
				b.errorf(rp.Start.Loc, "式次第は始まる順に並べてください（%s は前の項目の %s より後になっていません）", t, prev)
			}
			p.Start, prev = t, t
		}
		e.Programme = append(e.Programme, p)
	}
	for i := range e.Programme {
		if i+1 < len(e.Programme) {
			e.Programme[i].End = e.Programme[i+1].Start
		} else {
			e.Programme[i].End = e.End
		}
	}
}

// eventContact resolves whom attendees ask after the seminar.
func (b *builder) eventContact(e *Event, rc source.EventContact) {
	switch {
	case !rc.ID.IsZero() && !rc.Name.IsZero():
		b.errorf(rc.Name.Loc, "問い合わせ先は窓口の id か、名前と電話・メールのどちらかで書いてください（両方は書けません）")
	case !rc.ID.IsZero():
		e.Contact.Desk = b.ref(rc.ID, true)
	case !rc.Name.IsZero():
		e.Contact = EventContact{Name: text(rc.Name), Phone: text(rc.Phone), Email: text(rc.Email)}
		if rc.Phone.IsZero() && rc.Email.IsZero() {
			b.errorf(rc.Name.Loc, "問い合わせ先には電話（phone）かメール（email）も書いてください")
		}
		if !rc.Phone.IsZero() {
			if msg := checkPhone(strings.TrimSpace(rc.Phone.V)); msg != "" {
				b.errorf(rc.Phone.Loc, "%s", msg)
			}
		}
		if !rc.Email.IsZero() {
			if msg := checkEmail(strings.TrimSpace(rc.Email.V)); msg != "" {
				b.errorf(rc.Email.Loc, "%s", msg)
			}
		}
	case !rc.Phone.IsZero() || !rc.Email.IsZero():
		b.errorf(rc.Loc, "問い合わせ先の名前（name）を書いてください")
	}
}

// Passed lists the events dated before today, for a line in the build's
// output (no output depends on it).
func (b *Book) Passed(today time.Time) []*Event {
	var out []*Event
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	for i := range b.Events {
		if b.Events[i].Date.Before(day) {
			out = append(out, &b.Events[i])
		}
	}
	return out
}
