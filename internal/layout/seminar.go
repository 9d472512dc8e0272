package layout

import (
	"strings"
	"time"

	"sodan/internal/model"
)

// DayLabel is a date with its day of the week, as a seminar's date is
// printed: 2027年2月17日（水）.
func DayLabel(d time.Time) string {
	return DateLabel(d) + "（" + string([]rune("日月火水木金土")[d.Weekday()]) + "）"
}

// TimesLabel is a span of time as printed: 13:30〜16:00.
func TimesLabel(start, end model.Clock) string { return start.String() + "〜" + end.String() }

// Seminar is what every output prints of a seminar, each text at the
// position of its source (a text made of several source texts at the
// first one's). SeminarOf makes it once; each planner draws it in its own
// way.
type Seminar struct {
	Title model.Text
	// When is the date with its day of the week and the times:
	// 2027年2月17日（水）13:30〜16:00; Day is the date alone.
	When, Day model.Text
	// Venue is the venue's name and room; Address its address (may be
	// empty).
	Venue, Address model.Text
	Organiser      model.Text
	// Sources are the source texts the seminar's lines are made of, one
	// by one: a planner checks their glyphs first, so that a character the
	// fonts cannot draw is reported at its own position, not at the
	// joined line's.
	Sources []model.Text
}

// SeminarOf is how e is printed.
func SeminarOf(e *model.Event) Seminar {
	day := model.Text{S: DayLabel(e.Date), Loc: e.DateLoc}
	s := Seminar{
		Title:     e.Title,
		Day:       day,
		When:      model.Text{S: day.S + " " + TimesLabel(e.Start, e.End), Loc: e.DateLoc},
		Venue:     join(" ", e.Venue.Name, e.Venue.Room),
		Address:   e.Venue.Address,
		Organiser: e.Organiser,
		Sources:   []model.Text{e.Title, e.Venue.Name, e.Venue.Room, e.Venue.Address, e.Organiser},
	}
	for _, l := range e.Lecturers {
		s.Sources = append(s.Sources, l.Name, l.Affiliation)
	}
	return s
}

// LecturerLabel is a lecturer as printed: the name with the affiliation
// in brackets, at the name's position.
func LecturerLabel(l *model.Lecturer) model.Text {
	if l.Affiliation.Empty() {
		return l.Name
	}
	return model.Text{S: l.Name.S + "（" + l.Affiliation.S + "）", Loc: l.Name.Loc}
}

// Speakers is who speaks a deck of the programme: its lecturer, or every
// lecturer of the seminar when the programme does not say.
func Speakers(e *model.Event, p *model.ProgrammeItem) model.Text {
	if p != nil && p.Lecturer != nil {
		return LecturerLabel(p.Lecturer)
	}
	var parts []model.Text
	for i := range e.Lecturers {
		parts = append(parts, LecturerLabel(&e.Lecturers[i]))
	}
	return join("、", parts...)
}

// EventDesk is the seminar's contact as a desk, so that every output
// draws it as it draws the desks of the quick list: the contact's desk,
// or a desk made of the name, phone and e-mail given; nil when the
// seminar names no contact.
func EventDesk(c model.EventContact) *model.Contact {
	switch {
	case c.Desk != nil:
		return c.Desk
	case c.Name.Empty():
		return nil
	}
	d := &model.Contact{Org: c.Name, Email: c.Email, Loc: c.Name.Loc}
	if !c.Phone.Empty() {
		d.Phones = []model.Phone{{Number: c.Phone}}
	}
	return d
}

// join makes one text of the non-empty parts, at the first part's
// position.
func join(sep string, parts ...model.Text) model.Text {
	var out model.Text
	var ss []string
	for _, p := range parts {
		if p.Empty() {
			continue
		}
		if len(ss) == 0 {
			out.Loc = p.Loc
		}
		ss = append(ss, p.S)
	}
	out.S = strings.Join(ss, sep)
	return out
}
