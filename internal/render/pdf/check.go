package pdf

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"rsc.io/qr"

	"sodan/internal/layout"
)

// ErrNoGlyph is returned by Write for text with a character that the
// embedded fonts cannot draw (see Fonts.HasGlyph).
var ErrNoGlyph = errors.New("character not in the embedded fonts")

// ErrQRTooSmall is returned by Write for a QR code whose modules would be
// smaller than 0.5 mm, too small for office printers and phone cameras; the
// layout must give the code more room.
var ErrQRTooSmall = errors.New("QR code too small")

// minModule is the smallest QR module drawn, in mm.
const minModule = layout.MinQRModule

// maxPage is the largest page side in mm (14,400 pt, the PDF 1.x limit).
const maxPage = 14400 / ptPerMM

// runeSet is a bit set of BMP runes.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune)         { s[r/64] |= 1 << (r % 64) }
func (s *runeSet) each(fn func(rune)) { eachBit(s[:], fn) }

func (s *runeSet) empty() bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}

func eachBit(words []uint64, fn func(rune)) {
	for i, w := range words {
		for b := 0; w != 0; b++ {
			if w&1 != 0 {
				fn(rune(i*64 + b))
			}
			w >>= 1
		}
	}
}

// plan is what checking a Doc yields for drawing it.
type plan struct {
	used [2]runeSet // runes drawn with the regular and the bold face
	qrs  []*qr.Code // the QR codes, in drawing order
}

// check refuses, before anything is drawn, every input that fpdf would
// mishandle: a character without a glyph or outside the BMP (fpdf panics on
// those), invalid UTF-8, numbers that are not finite, malformed bookmarks,
// URLs that are not 7-bit, and QR codes that would print too small.
func check(doc *layout.Doc, f *Fonts) (*plan, error) {
	if doc == nil {
		return nil, errors.New("no document")
	}
	if f == nil || f.faces[0].m == nil {
		return nil, errors.New("no fonts (use LoadFonts)")
	}
	if len(doc.Pages) == 0 {
		return nil, errors.New("document has no pages")
	}
	if err := checkMeta(doc.Meta); err != nil {
		return nil, err
	}
	p := &plan{}
	level := -1 // level of the previous bookmark
	for pi, page := range doc.Pages {
		if !finite(page.W, page.H) || page.W <= 0 || page.H <= 0 || page.W > maxPage || page.H > maxPage {
			return nil, fmt.Errorf("page %d: bad size %g×%g mm", pi+1, page.W, page.H)
		}
		for ii, it := range page.Items {
			it, err := itemValue(it)
			if err == nil {
				err = p.checkItem(it, f, &level)
			}
			if err != nil {
				return nil, fmt.Errorf("page %d, item %d: %w", pi+1, ii+1, err)
			}
		}
	}
	return p, nil
}

func (p *plan) checkItem(it layout.Item, f *Fonts, level *int) error {
	switch it := it.(type) {
	case layout.Text:
		if !finite(it.X, it.Y, it.Size, it.Spacing) || it.Size <= 0 || it.Spacing < 0 {
			return fmt.Errorf("text %q: bad position, size or spacing", it.Str)
		}
		if !utf8.ValidString(it.Str) {
			return fmt.Errorf("text %q: invalid UTF-8", it.Str)
		}
		face := 0
		if it.Bold {
			face = 1
		}
		for _, r := range it.Str {
			if !f.HasGlyph(r) {
				return fmt.Errorf("text %q: %U %q: %w", it.Str, r, r, ErrNoGlyph)
			}
			p.used[face].add(r)
		}
	case layout.Rect:
		if !finite(it.X, it.Y, it.W, it.H, it.LineWidth, it.Radius) ||
			it.W < 0 || it.H < 0 || it.LineWidth < 0 || it.Radius < 0 {
			return errors.New("rect: bad geometry")
		}
	case layout.Line:
		if !finite(it.X1, it.Y1, it.X2, it.Y2, it.Width) || it.Width < 0 {
			return errors.New("line: bad geometry")
		}
	case layout.Polygon:
		if len(it.Points) < 3 || !finite(it.LineWidth) || it.LineWidth < 0 {
			return fmt.Errorf("polygon: bad geometry (%d points)", len(it.Points))
		}
		for _, pt := range it.Points {
			if !finite(pt.X, pt.Y) {
				return errors.New("polygon: point not finite")
			}
		}
	case layout.QR:
		if !finite(it.X, it.Y, it.Size) || it.Size <= 0 || it.Data == "" {
			return fmt.Errorf("qr %q: bad geometry or no data", it.Data)
		}
		code, err := encodeQR(it.Data)
		if err != nil {
			return fmt.Errorf("qr %q: %w", it.Data, err)
		}
		n := code.Size + 2*quietZone
		if module := it.Size / float64(n); module < minModule {
			return fmt.Errorf("qr %q: %d modules (with quiet zone) in %g mm make %.2f mm modules, need at least %g mm (%g mm in all): %w",
				it.Data, n, it.Size, module, minModule, minModule*float64(n), ErrQRTooSmall)
		}
		p.qrs = append(p.qrs, code)
	case layout.Link:
		if !finite(it.X, it.Y, it.W, it.H) || it.W < 0 || it.H < 0 {
			return fmt.Errorf("link %q: bad geometry", it.URL)
		}
		if it.URL == "" {
			return errors.New("link: empty URL")
		}
		for i := 0; i < len(it.URL); i++ {
			if c := it.URL[i]; c <= ' ' || c >= 0x7F {
				return fmt.Errorf("link %q: URL must be percent-encoded printable ASCII", it.URL)
			}
		}
	case layout.Bookmark:
		if err := checkString(it.Title); err != nil {
			return fmt.Errorf("bookmark %q: %w", it.Title, err)
		}
		if !finite(it.Y) {
			return fmt.Errorf("bookmark %q: bad position", it.Title)
		}
		if it.Level < 0 || it.Level > *level+1 {
			return fmt.Errorf("bookmark %q: level %d after level %d", it.Title, it.Level, *level)
		}
		*level = it.Level
	default:
		return fmt.Errorf("unknown item type %T", it)
	}
	return nil
}

// itemValue returns the value an item points to, so that drawing code sees
// only value types (layout items may also be stored as pointers).
func itemValue(it layout.Item) (layout.Item, error) {
	if it == nil {
		return nil, errors.New("nil item")
	}
	v := reflect.ValueOf(it)
	if v.Kind() != reflect.Pointer {
		return it, nil
	}
	if v.IsNil() {
		return nil, fmt.Errorf("nil %T", it)
	}
	// Only layout's item types have Item's method, all with value
	// receivers: what a pointer points to is an item too.
	e, ok := v.Elem().Interface().(layout.Item)
	if !ok {
		return nil, fmt.Errorf("unknown item type %T", it)
	}
	return e, nil
}

// checkMeta checks the document information. fpdf converts these strings
// to UTF-16 with a converter that only knows up to three-byte UTF-8, so
// characters outside the BMP would come out garbled.
func checkMeta(m layout.Meta) error {
	if m.Date.IsZero() {
		return errors.New("metadata Date is not set (it must come from the sources, never the clock)")
	}
	for _, s := range []struct{ field, v string }{
		{"Title", m.Title}, {"Author", m.Author}, {"Subject", m.Subject},
		{"Keywords", keywords(m)}, {"Creator", m.Creator},
	} {
		err := checkString(s.v)
		if err == nil && strings.ContainsFunc(s.v, unicode.IsControl) {
			// XMP metadata is XML, which cannot hold them.
			err = errors.New("control character")
		}
		if err != nil {
			return fmt.Errorf("metadata %s %q: %w", s.field, s.v, err)
		}
	}
	if len(m.Lang) > 35 {
		return fmt.Errorf("metadata Lang %q: not a language tag", m.Lang)
	}
	for _, c := range []byte(m.Lang) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return fmt.Errorf("metadata Lang %q: not a language tag", m.Lang)
		}
	}
	return nil
}

// checkString accepts valid UTF-8 made of BMP characters.
func checkString(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("invalid UTF-8")
	}
	for _, r := range s {
		if r > 0xFFFF {
			return fmt.Errorf("%U %q is outside the Basic Multilingual Plane", r, r)
		}
	}
	return nil
}

// finite reports whether no value is NaN or infinite.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
