// Package diag carries positioned problems found in the sources: where they
// are (file, line, column, field) and what is wrong, collected into a sorted,
// de-duplicated, capped list.
package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; Col counts
// characters, not bytes. The zero Pos means "no position".
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Loc is where a value came from: its position and its data path, such as
// contacts[3].phone, spelt with the keys exactly as in the file.
type Loc struct {
	Pos
	Field string
}

// Diagnostic is one problem: where, which field, and a message in Japanese.
type Diagnostic struct {
	Pos   Pos
	Field string
	Msg   string
}

// At makes a Diagnostic for the value at l.
func At(l Loc, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: l.Pos, Field: l.Field, Msg: fmt.Sprintf(format, args...)}
}

// String formats d as "file:line:col: field: message".
func (d Diagnostic) String() string {
	var b strings.Builder
	if s := d.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// List is a set of problems found in one run.
type List []Diagnostic

// Add appends d to the list.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Addf appends a problem at loc.
func (l *List) Addf(loc Loc, format string, args ...any) {
	l.Add(At(loc, format, args...))
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error implements error: every problem, one per line, sorted.
func (l List) Error() string {
	var b strings.Builder
	l.Sorted().Print(&b, 0)
	return strings.TrimRight(b.String(), "\n")
}

// Sorted returns the problems ordered by file, line, column and message.
// Of the problems on one line it keeps the first about each field: a
// problem about a field inside another one on the same line (contacts[3]
// and contacts[3].phones[0]) follows from the first and is dropped, while
// problems about different cells of a workbook row, or different keys of
// a one-line mapping, are all kept.
func (l List) Sorted() List {
	s := append(List(nil), l...)
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 {
			p := out[len(out)-1]
			if p.Pos.File == d.Pos.File && p.Pos.Line == d.Pos.Line && related(p.Field, d.Field) && (d.Pos.Line != 0 || p.Msg == d.Msg) {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// related reports whether two fields are the same or one lies inside the
// other (a.b and a.b.c, a and a[2]).
func related(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if a == "" || a == b {
		return true
	}
	return strings.HasPrefix(b, a) && (b[len(a)] == '.' || b[len(a)] == '[')
}

// Print writes the sorted list to w, one problem per line. When max > 0 and
// there are more problems, it stops after max and ends with "ほか N 件の問題があります" (and N more).
func (l List) Print(w io.Writer, max int) {
	s := l.Sorted()
	for i, d := range s {
		if max > 0 && i == max {
			fmt.Fprintf(w, "ほか %d 件の問題があります\n", len(s)-max)
			return
		}
		fmt.Fprintln(w, d.String())
	}
}
