package build

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"sodan/internal/layout"
	"sodan/internal/model"
)

// editorial are the fields of the sources that are written for editors,
// not for readers, and so are printed nowhere: where a fact comes from and
// what about it is not confirmed (verified_on is a date, shown as the
// span of the facts and beside uncertain desks).
var editorial = map[string]bool{"Source": true, "Uncertain": true}

// sourceField is one text of the sources a reader should find printed.
type sourceField struct {
	path string // as in the sources: contacts[ppc].url
	want string // as printed, without spaces
}

// readerFields lists every text field of the contacts some output quotes
// (the quick list, the resources, a deck), the quick list and the
// resources, each as it is printed: addresses without their scheme. It
// also returns the contacts no output quotes.
func readerFields(book *model.Book) ([]sourceField, []string) {
	var out []sourceField
	textType := reflect.TypeOf(model.Text{})
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Struct:
			if v.Type() == textType {
				s := v.Field(0).String()
				if s == "" {
					return
				}
				if strings.HasSuffix(path, ".url") || strings.HasSuffix(path, ".form_url") {
					s = layout.ShortURL(s)
				}
				out = append(out, sourceField{path: path, want: squeezeLine(s)})
				return
			}
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if !f.IsExported() || editorial[f.Name] || f.Type.Kind() == reflect.Pointer {
					continue // a *Contact is listed with the contacts
				}
				walk(path+"."+snake(f.Name), v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				e := v.Index(i)
				key := fmt.Sprint(i)
				if e.Kind() == reflect.Pointer {
					if e.IsNil() {
						continue
					}
					e = e.Elem()
				}
				if e.Kind() == reflect.Struct {
					if id := e.FieldByName("ID"); id.IsValid() && id.Kind() == reflect.String && id.String() != "" {
						key = id.String()
					}
				}
				walk(path+"["+key+"]", e)
			}
		}
	}
	quoted := quickListQuotes(book)
	for i := range book.Decks {
		for _, c := range slidesContacts(&book.Decks[i]) {
			quoted[c] = true
		}
	}
	var unquoted []string
	for _, c := range book.Contacts {
		switch {
		case c.Ended():
		case !quoted[c]:
			unquoted = append(unquoted, c.ID)
		default:
			walk("contacts["+c.ID+"]", reflect.ValueOf(*c))
		}
	}
	walk("quicklist", reflect.ValueOf(book.QuickList))
	walk("resources", reflect.ValueOf(book.Resources))
	return out, unquoted
}

// snake is a Go field name as the sources spell it: FormURL → form_url.
func snake(name string) string {
	switch name {
	case "URL":
		return "url"
	case "FormURL":
		return "form_url"
	}
	var b strings.Builder
	for i, r := range name {
		if 'A' <= r && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// checkPrinted: every text field of the contacts, the quick list and the
// resources is printed in some PDF (its lines joined, spaces dropped);
// the editorial fields are not looked for. A live contact that no output
// quotes at all is an error too.
func checkPrinted(t *testing.T, files []typeset, book *model.Book) {
	var all strings.Builder
	for _, f := range files {
		for _, pg := range f.pages {
			for _, l := range pg.Lines() {
				all.WriteString(squeezeLine(l.Text))
			}
			all.WriteByte('\n')
		}
	}
	printed := all.String()
	fields, unquoted := readerFields(book)
	for _, f := range fields {
		if !strings.Contains(printed, f.want) {
			t.Errorf("%s is printed nowhere: %q", f.path, f.want)
		}
	}
	t.Logf("%d text fields of the contacts, the quick list and the resources, each printed", len(fields))
	if len(unquoted) > 0 {
		t.Errorf("live contacts no output quotes (quote them on the quick list or in a deck, or give them ended_on): %s", strings.Join(unquoted, ", "))
	}
}
