package model

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"time"

	"sodan/internal/diag"
)

// Age is how long ago something may have been checked: a number of days,
// weeks, months or years.
type Age struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'
}

var ageRe = regexp.MustCompile(`^([1-9][0-9]{0,4})([dwmy])$`)

// ParseAge reads an age written like 365d, 8w, 18m or 2y.
func ParseAge(s string) (Age, error) {
	m := ageRe.FindStringSubmatch(s)
	if m == nil {
		return Age{}, fmt.Errorf("「%s」は期間として読めません。365d（日）・8w（週）・18m（か月）・2y（年）のように書いてください", s)
	}
	n, _ := strconv.Atoi(m[1])
	return Age{N: n, Unit: m[2][0]}, nil
}

// Before is the date the age reaches back to from t.
func (a Age) Before(t time.Time) time.Time {
	switch a.Unit {
	case 'w':
		return t.AddDate(0, 0, -7*a.N)
	case 'm':
		return t.AddDate(0, -a.N, 0)
	case 'y':
		return t.AddDate(-a.N, 0, 0)
	}
	return t.AddDate(0, 0, -a.N)
}

// String writes the age as it is read.
func (a Age) String() string { return fmt.Sprintf("%d%c", a.N, a.Unit) }

// Japanese writes the age for a sentence: 365 日, 2 年.
func (a Age) Japanese() string {
	unit := map[byte]string{'d': "日", 'w': "週間", 'm': "か月", 'y': "年"}[a.Unit]
	return fmt.Sprintf("%d %s", a.N, unit)
}

// Stale is a live contact last verified before a limit.
type Stale struct {
	Contact *Contact
	// Loc is where its verified_on is written.
	Loc diag.Loc
}

// StaleContacts lists the live contacts whose verified_on is before
// today minus age, oldest first (then by position in the file).
func (b *Book) StaleContacts(today time.Time, age Age) []Stale {
	limit := age.Before(today)
	var out []Stale
	for _, c := range b.Contacts {
		if c.Ended() || c.VerifiedOn.IsZero() || !c.VerifiedOn.Before(limit) {
			continue
		}
		out = append(out, Stale{Contact: c, Loc: c.VerifiedLoc})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Contact, out[j].Contact
		if !a.VerifiedOn.Equal(b.VerifiedOn) {
			return a.VerifiedOn.Before(b.VerifiedOn)
		}
		return out[i].Loc.Line < out[j].Loc.Line
	})
	return out
}

// Elapsed says in Japanese how long ago from was, seen from to: 2 年 3 か月,
// 45 日.
func Elapsed(from, to time.Time) string {
	months := (to.Year()-from.Year())*12 + int(to.Month()-from.Month())
	if to.Day() < from.Day() {
		months--
	}
	switch {
	case months >= 12 && months%12 == 0:
		return fmt.Sprintf("%d 年", months/12)
	case months >= 12:
		return fmt.Sprintf("%d 年 %d か月", months/12, months%12)
	case months >= 1:
		return fmt.Sprintf("%d か月", months)
	}
	return fmt.Sprintf("%d 日", int(to.Sub(from).Hours()/24))
}
