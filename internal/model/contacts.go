package model

import (
	"strings"
	"time"

	"sodan/internal/diag"
	"sodan/internal/source"
	"sodan/internal/yamlpos"
)

// Scope says where a desk serves.
type Scope string

// The scopes a contact may have.
const (
	National Scope = "national"
	Tokyo    Scope = "tokyo"
)

// Contact is one desk, listed once; every output quotes it by id.
type Contact struct {
	ID         string
	Org        Text
	Desk       Text
	Purpose    Text
	Phones     []Phone
	Email      Text
	URL        Text
	FormURL    Text
	Hours      Text
	Scope      Scope
	Source     Text
	VerifiedOn time.Time
	// VerifiedLoc is where verified_on is written.
	VerifiedLoc diag.Loc
	EndedOn     time.Time // zero while the service runs
	Uncertain   Text
	Note        Text
	Loc         diag.Loc
}

// Phone is one number of a desk.
type Phone struct {
	Number Text
	Label  Text
}

// Ended reports whether the service has ended.
func (c *Contact) Ended() bool { return !c.EndedOn.IsZero() }

// Name is the organisation and the desk, as printed in lists.
func (c *Contact) Name() string {
	if c.Desk.Empty() {
		return c.Org.S
	}
	return c.Org.S + " " + c.Desk.S
}

// WebOnly reports whether the desk can only be reached on the web (no phone).
func (c *Contact) WebOnly() bool { return len(c.Phones) == 0 && c.Link() != "" }

// Link is the address to print for the desk: the form when there is one,
// else the page.
func (c *Contact) Link() string {
	if !c.FormURL.Empty() {
		return c.FormURL.S
	}
	return c.URL.S
}

// Correction is a figure printed in the seed that sodan does not print,
// with the reason.
type Correction struct {
	Value   Text
	Contact *Contact
	Reason  Text
}

func (b *builder) contacts() {
	seen := map[string]yamlpos.Str{}
	for _, rc := range b.raw.Contacts.Contacts {
		c := &Contact{ID: rc.ID.V, Org: text(rc.Org), Desk: text(rc.Desk), Purpose: text(rc.Purpose),
			Email: text(rc.Email), URL: text(rc.URL), FormURL: text(rc.FormURL), Hours: text(rc.Hours),
			Source: text(rc.Source), Uncertain: text(rc.Uncertain), Note: text(rc.Note), Loc: rc.Loc}
		if rc.ID.V != "" && !b.uniqueID(seen, rc.ID) {
			continue
		}
		for _, p := range rc.Phones {
			if msg := checkPhone(p.Number.V); p.Number.V != "" && msg != "" {
				b.errorf(p.Number.Loc, "%s", msg)
			}
			c.Phones = append(c.Phones, Phone{Number: text(p.Number), Label: text(p.Label)})
		}
		if !rc.Email.IsZero() {
			if msg := checkEmail(rc.Email.V); msg != "" {
				b.errorf(rc.Email.Loc, "%s", msg)
			}
		}
		for _, u := range []yamlpos.Str{rc.URL, rc.FormURL} {
			if !u.IsZero() {
				if msg := checkURL(u.V); msg != "" {
					b.errorf(u.Loc, "%s", msg)
				}
			}
		}
		switch Scope(rc.Scope.V) {
		case National, Tokyo:
			c.Scope = Scope(rc.Scope.V)
		case "":
		default:
			b.errorf(rc.Scope.Loc, "scope「%s」は使えません（使える値: national, tokyo）", rc.Scope.V)
		}
		c.VerifiedOn, _ = b.date(rc.VerifiedOn)
		c.VerifiedLoc = rc.VerifiedOn.Loc
		c.EndedOn, _ = b.date(rc.EndedOn)
		if rc.EndedOn.IsZero() && len(rc.Phones) == 0 && rc.URL.IsZero() && rc.FormURL.IsZero() && rc.Email.IsZero() {
			b.errorf(rc.Loc, "連絡手段がありません。phones・url・form_url・email のどれかを書いてください")
		}
		if !c.EndedOn.IsZero() && !b.book.Edition.Date.IsZero() && c.EndedOn.After(b.book.Edition.Date) {
			b.errorf(rc.EndedOn.Loc, "ended_on が版の日付より後です。終了予定のサービスは note に書いてください")
		}
		if rc.ID.V == "" {
			continue
		}
		b.book.Contacts = append(b.book.Contacts, c)
		b.book.contactByID[c.ID] = c
	}
	for _, rc := range b.raw.Contacts.Corrections {
		c := Correction{Value: text(rc.Value), Reason: text(rc.Reason)}
		if !rc.Contact.IsZero() {
			c.Contact = b.ref(rc.Contact, false)
		}
		b.book.Corrections = append(b.book.Corrections, c)
	}
}

// ref resolves a contact id. live means the place that refers is printed as
// current advice, so an ended service may not be referred to.
func (b *builder) ref(id yamlpos.Str, live bool) *Contact {
	if id.IsZero() {
		return nil
	}
	c := b.book.contactByID[id.V]
	if c == nil {
		b.errorf(id.Loc, "連絡先「%s」は contacts.yaml にありません%s", id.V, b.suggest(id.V))
		return nil
	}
	if live && c.Ended() {
		b.errorf(id.Loc, "連絡先「%s」は終了したサービスです（ended_on: %s）。参照を外すか ended_on を確認してください", id.V, c.EndedOn.Format("2006-01-02"))
		return nil
	}
	return c
}

// suggest names the contact ids that share a prefix with a mistyped one.
func (b *builder) suggest(id string) string {
	var near []string
	for _, c := range b.book.Contacts {
		if len(id) >= 3 && (strings.HasPrefix(c.ID, id[:3]) || strings.Contains(c.ID, id)) {
			near = append(near, c.ID)
		}
	}
	if len(near) == 0 || len(near) > 6 {
		return ""
	}
	return "（似た id: " + strings.Join(near, ", ") + "）"
}

func (b *builder) refs(rs []source.ContactRef, live bool) []Ref {
	var out []Ref
	for _, r := range rs {
		if c := b.ref(r.Contact, live); c != nil {
			out = append(out, Ref{Contact: c, Note: text(r.Note)})
		}
	}
	return out
}

// Ref is a reference to a contact with a note for that use.
type Ref struct {
	Contact *Contact
	Note    Text
}
