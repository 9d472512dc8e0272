package build

import (
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
	"sodan/internal/testtool/glyphs"
)

// The typesetting tests read every PDF of a bundled build the way a
// careful reader would look at it: glyph sizes, positions and widths come
// from the files' content streams and fonts (testtool/glyphs), not from
// the plans they were drawn from. The sources only say where a paragraph
// goes on from one line to the next (sourceTexts), which a file does not.

// typeset is one built PDF, read.
type typeset struct {
	name  string // relative to the output folder
	kind  string // deck, handout, notes, quicklist or report
	pages []glyphs.Page
}

// typesetBuild builds every output and reads the PDFs, with the book and
// the layouts they were made from.
func typesetBuild(t *testing.T) ([]typeset, *model.Book, *spec.Slides, *spec.QuickList, *spec.NUp, *spec.Event) {
	t.Helper()
	dir, files := allPDFs(t)
	sl, ql, nu, es := layouttest.Slides(t), layouttest.QuickList(t), layouttest.NUp(t), layouttest.Event(t)
	var out []typeset
	for _, f := range files {
		data := mustRead(t, f)
		pages, err := glyphs.Read(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name, _ := filepath.Rel(dir, f)
		name = filepath.ToSlash(name)
		kind := "report"
		// A seminar's kit (events/<date>-<id>/) holds decks in slides/,
		// handouts, its programme sheet and a quick list.
		inSlides := strings.HasPrefix(name, SlidesDir+"/") || strings.HasPrefix(name, EventsDir+"/") && strings.Contains(name, "/"+SlidesDir+"/")
		switch base := filepath.Base(name); {
		case inSlides && strings.HasSuffix(base, "-notes.pdf"):
			kind = "notes"
		case (inSlides || strings.HasPrefix(name, EventsDir+"/")) && regexp.MustCompile(`-\d+up\.pdf$`).MatchString(base):
			kind = "handout"
		case inSlides:
			kind = "deck"
		case strings.HasPrefix(base, "quicklist-"):
			kind = "quicklist"
		case strings.HasPrefix(name, EventsDir+"/") && base == "programme.pdf":
			kind = "programme"
		}
		out = append(out, typeset{name: name, kind: kind, pages: pages})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, bundledBook(t), sl, ql, nu, es
}

// Kinds of characters, as the rules below name them.
func isHan(r rune) bool      { return r == '々' || unicode.Is(unicode.Han, r) }
func isKatakana(r rune) bool { return r == 'ー' || unicode.Is(unicode.Katakana, r) && r != '・' }
func isJapanese(r rune) bool { return isHan(r) || isKatakana(r) || unicode.Is(unicode.Hiragana, r) }
func isLatinAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// squeezeLine drops the spaces of a printed line (ASCII, no-break and
// ideographic), as a source text is squeezed.
func squeezeLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u3000' || r == '\t' {
			return -1
		}
		return r
	}, s)
}

// sourceText is a text of the sources without its spaces, with where the
// spaces were; a newline stays, so that no window spans two paragraphs.
type sourceText struct {
	s     string
	space map[int]bool // byte offsets in s before which the source had a space
}

// sourceTexts collects every text of the book.
func sourceTexts(book *model.Book) []sourceText {
	var out []sourceText
	seen := map[uintptr]bool{}
	textType := reflect.TypeOf(model.Text{})
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Struct:
			if v.Type() == textType {
				if s := v.Field(0).String(); s != "" {
					out = append(out, squeezeSource(s))
				}
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k))
			}
		}
	}
	walk(reflect.ValueOf(book))
	return out
}

func squeezeSource(s string) sourceText {
	st := sourceText{space: map[int]bool{}}
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '\u00a0' || r == '\u3000' || r == '\t' {
			st.space[b.Len()] = true
			continue
		}
		b.WriteRune(r)
	}
	st.s = b.String()
	return st
}

// paragraphs knows where the printed lines of one paragraph meet.
type paragraphs struct{ texts []sourceText }

// goesOn reports whether line b continues the paragraph of line a in some
// source text: the last characters of a and the first of b stand there
// side by side. space says whether the source had a space between them.
func (p paragraphs) goesOn(a, b string) (ok, space bool) {
	ra, rb := []rune(squeezeLine(a)), []rune(squeezeLine(b))
	if len(ra) == 0 || len(rb) == 0 {
		return false, false
	}
	head := string(ra[max(0, len(ra)-4):])
	w := head + string(rb[:min(4, len(rb))])
	for _, t := range p.texts {
		if i := strings.Index(t.s, w); i >= 0 {
			return true, t.space[i+len(head)]
		}
	}
	return false, false
}

// block is a run of lines of one paragraph as printed.
type block struct {
	lines []glyphs.Line
	page  int
}

// paragraphsOf cuts the page's blocks (lines one leading apart) into
// paragraphs where the sources do not go on from one line to the next.
func (p paragraphs) of(pg glyphs.Page, page int) []block {
	var out []block
	for _, b := range pg.Blocks() {
		cur := block{page: page, lines: b.Lines[:1]}
		for i := 1; i < len(b.Lines); i++ {
			if on, _ := p.goesOn(b.Lines[i-1].Text, b.Lines[i].Text); on {
				cur.lines = append(cur.lines, b.Lines[i])
				continue
			}
			out = append(out, cur)
			cur = block{page: page, lines: b.Lines[i : i+1]}
		}
		out = append(out, cur)
	}
	return out
}

// TestTypesetting checks what a reader sees in every PDF of the bundled
// build: the decks readable from the back of a seminar room, line breaks
// a careful typesetter would make, Latin and Japanese spaced by the
// layout's value, the quick list's columns justified and on at most two
// pages, nothing drawn over a footer, and every text of the contacts, the
// quick list and the resources printed somewhere.
func TestTypesetting(t *testing.T) {
	files, book, sl, ql, nu, es := typesetBuild(t)
	para := paragraphs{texts: sourceTexts(book)}
	t.Run("projection sizes", func(t *testing.T) { checkProjection(t, files, book, sl) })
	t.Run("line breaks", func(t *testing.T) { checkBreaks(t, files, para) })
	t.Run("latin spacing", func(t *testing.T) {
		checkLatinSpace(t, files, map[string]float64{
			"deck": sl.Composition.LatinSpace, "handout": sl.Composition.LatinSpace,
			"notes": nu.Composition.LatinSpace, "quicklist": ql.Composition.LatinSpace,
			"programme": es.Composition.LatinSpace,
		})
	})
	t.Run("justified quick list", func(t *testing.T) { checkJustified(t, files, para, book, ql) })
	t.Run("footers", func(t *testing.T) { checkFooters(t, files, sl, ql) })
	t.Run("everything printed", func(t *testing.T) { checkPrinted(t, files, book) })
}

// checkProjection: in every deck no text but the footer is under the
// caption floor, body text keeps the body floor (captions, source notes,
// QR labels and card tags the caption floor, the flow diagram the flow
// floor), slide titles the title floor and phone numbers the phone floor.
func checkProjection(t *testing.T, files []typeset, book *model.Book, sl *spec.Slides) {
	caption, flow := captionTexts(book), flowTexts(book)
	in := func(set []string, line string) bool {
		s := squeezeLine(line)
		for _, c := range set {
			if strings.Contains(c, s) {
				return true
			}
		}
		return false
	}
	phoneLike := regexp.MustCompile(`☎|\d{2,4}-\d{2,4}-\d{3,4}`)
	pointer := regexp.MustCompile(`^→ ?\d+ ?枚目へ$`) // where a folded branch of the flow goes on
	footerY := sl.H - sl.Bottom - sl.FooterH
	for _, f := range files {
		if f.kind != "deck" {
			continue
		}
		smallest, chars, under := math.Inf(1), 0, 0
		least := map[string]float64{}
		for pi, pg := range f.pages {
			for _, l := range pg.Lines() {
				if l.Y > footerY {
					continue // the footer
				}
				n := utf8.RuneCountInString(squeezeLine(l.Text))
				chars += n
				if l.Size < sl.Floors.Body {
					under += n
				}
				smallest = math.Min(smallest, l.Size)
				floor, kind := sl.Floors.Body, "body text"
				switch {
				case phoneLike.MatchString(l.Text):
					floor, kind = sl.Floors.Phone, "a phone number"
				case l.Y < sl.Top+sl.TitleBarH && l.Text != "コラム" && pi > 0 && l.Size < sl.Floors.Title:
					floor, kind = sl.Floors.Title, "a slide title"
				case in(caption, l.Text):
					floor, kind = sl.Floors.Caption, "a caption"
				case in(flow, l.Text) || pointer.MatchString(l.Text):
					floor, kind = sl.Floors.Flow, "the flow diagram"
				}
				if l.Size < floor-0.01 {
					t.Errorf("%s page %d: %q (%s) at %.1f pt, under %g pt", f.name, pi+1, l.Text, kind, l.Size, floor)
				}
				if v, ok := least[kind]; !ok || l.Size < v {
					least[kind] = l.Size
				}
			}
		}
		var kinds []string
		for k, v := range least {
			kinds = append(kinds, fmt.Sprintf("%s %.1f", k, v))
		}
		sort.Strings(kinds)
		t.Logf("%s: %d slides, smallest text %.1f pt (%s), %.0f%% of the characters under %g pt (captions, flow)",
			f.name, len(f.pages), smallest, strings.Join(kinds, ", "), 100*float64(under)/float64(max(chars, 1)), sl.Floors.Body)
	}
}

// captionTexts are the texts the slides set as captions: the source of
// the measures, QR labels, the notes of a desk on its card, the material
// a guide step points to, quote sources and the コラム tag.
func captionTexts(book *model.Book) []string {
	out := []string{"Webサイト", "Webで受付", "コラム", squeezeLine("出典：" + book.Measures.Basis.S)}
	for _, d := range book.Decks {
		for _, s := range d.Slides {
			for _, r := range s.Contacts {
				out = append(out, squeezeLine(r.Note.S))
			}
			out = append(out, squeezeLine("―"+s.Source.S))
		}
	}
	for _, st := range book.Guide.Steps {
		for _, it := range st.Items {
			out = append(out, squeezeLine("「"+it.Ref.S+"」"+it.Page.S+it.Publisher.S), squeezeLine(it.Publisher.S))
		}
	}
	return out
}

// flowTexts are the texts of the flow diagram's boxes and answers.
func flowTexts(book *model.Book) []string {
	var out []string
	for _, n := range book.Flow.Nodes {
		out = append(out, squeezeLine(n.Question.S))
		for _, a := range n.Answers {
			out = append(out, squeezeLine(a.Label.S))
			if a.Situation != nil {
				out = append(out, squeezeLine(a.Situation.Title.S))
			}
			if a.Contact != nil {
				out = append(out, squeezeLine(a.Contact.Name()))
			}
		}
	}
	return out
}

// checkBreaks: no line starts or ends with a character that kinsoku
// forbids there; within a paragraph no line ends inside a katakana or
// Latin word, no last line has two characters or fewer, and on slides no
// last line is shorter than a quarter of the paragraph's width. Breaks
// inside kanji compounds are counted.
func checkBreaks(t *testing.T, files []typeset, para paragraphs) {
	compounds := 0
	for _, f := range files {
		for pi, pg := range f.pages {
			for _, l := range pg.Lines() {
				s := strings.TrimSpace(l.Text)
				first, _ := utf8.DecodeRuneInString(s)
				last, _ := utf8.DecodeLastRuneInString(s)
				if text.LineStartForbidden(first) {
					t.Errorf("%s page %d: line starts with %q: %q", f.name, pi+1, first, s)
				}
				if text.LineEndForbidden(last) {
					t.Errorf("%s page %d: line ends with %q: %q", f.name, pi+1, last, s)
				}
			}
			for _, b := range para.of(pg, pi+1) {
				widest := 0.0
				for _, l := range b.lines {
					widest = math.Max(widest, l.X1-l.X0)
				}
				for i := 1; i < len(b.lines); i++ {
					a, c := b.lines[i-1], b.lines[i]
					x, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(a.Text))
					y, _ := utf8.DecodeRuneInString(strings.TrimSpace(c.Text))
					_, space := para.goesOn(a.Text, c.Text)
					where := func(what string) {
						t.Errorf("%s page %d: %s: %q / %q", f.name, pi+1, what, a.Text, c.Text)
					}
					switch {
					case isKatakana(x) && isKatakana(y):
						where("break inside a katakana word")
					case isLatinAlnum(x) && isLatinAlnum(y) && !space:
						where("break inside a Latin word or number")
					case isHan(x) && isHan(y):
						compounds++
					}
					if utf8.RuneCountInString(squeezeLine(c.Text)) <= 2 {
						where("last line of two characters or fewer")
					}
				}
				if n := len(b.lines); f.kind == "deck" && n > 1 {
					if l := b.lines[n-1]; l.X1-l.X0 < widest/4 {
						t.Errorf("%s page %d: last line under a quarter of the paragraph's width: %q / %q", f.name, pi+1, b.lines[n-2].Text, l.Text)
					}
				}
			}
		}
	}
	t.Logf("%d breaks inside kanji compounds in %d files", compounds, len(files))
}

// checkLatinSpace: wherever a Japanese letter meets a Latin letter or
// digit on a line, the gap between them is the layout's 和欧間 (±10%),
// whatever the source typed there; none is set by a typed space.
func checkLatinSpace(t *testing.T, files []typeset, em map[string]float64) {
	n := 0
	lo, hi := math.Inf(1), math.Inf(-1)
	typed := regexp.MustCompile(`\p{Han}|\p{Hiragana}|\p{Katakana}`)
	for _, f := range files {
		want, ok := em[f.kind]
		if !ok {
			continue
		}
		for pi, pg := range f.pages {
			for _, l := range pg.Lines() {
				spacing := 0.0
				for _, r := range l.Runs {
					spacing = math.Max(spacing, r.Spacing)
				}
				g := l.Glyphs()
				for i := 1; i < len(g); i++ {
					a, b := g[i-1], g[i]
					if i+1 < len(g) && b.R == ' ' && typed.MatchString(string(a.R)) != typed.MatchString(string(g[i+1].R)) &&
						(isLatinAlnum(a.R) || isLatinAlnum(g[i+1].R)) {
						t.Errorf("%s page %d: a typed space between %q and %q: %q", f.name, pi+1, a.R, g[i+1].R, l.Text)
					}
					if !(isJapanese(a.R) && isLatinAlnum(b.R) || isLatinAlnum(a.R) && isJapanese(b.R)) {
						continue
					}
					gap := (b.X - a.X - a.W - spacing) / (l.Size * 25.4 / 72)
					n++
					lo, hi = math.Min(lo, gap), math.Max(hi, gap)
					if math.Abs(gap-want) > want*0.1 {
						t.Errorf("%s page %d: %q|%q %.3f em apart, want %.3f: %q", f.name, pi+1, a.R, b.R, gap, want, l.Text)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no place where Japanese meets Latin")
	}
	t.Logf("%d places where Japanese meets Latin: %.3f to %.3f em", n, lo, hi)
}

// checkJustified: in the quick list's columns every line of a paragraph
// but its last ends within 0.5 pt of its measure: the column's edge, or
// the QR code beside it, or the padding of the box it is in. A line of
// Latin type only (an address) is not letter-spaced and may fall short,
// and the labels and hours set beside a phone number are not a column's
// text (the desk's purpose set there is, and is checked).
func checkJustified(t *testing.T, files []typeset, para paragraphs, book *model.Book, ql *spec.QuickList) {
	const tol = 0.5 * 25.4 / 72
	// purpose reports whether a line begins a desk's purpose.
	purpose := func(line string) bool {
		l := squeezeLine(line)
		for _, c := range book.Contacts {
			if p := squeezeLine(c.Purpose.S); p != "" && strings.HasPrefix(p, l) || strings.HasPrefix(l, p) && p != "" {
				return true
			}
		}
		return false
	}
	colW := (ql.BodyW() - float64(ql.Cols-1)*ql.Gutter) / float64(ql.Cols)
	checked, worst := 0, 0.0
	for _, f := range files {
		if f.kind != "quicklist" {
			continue
		}
		if len(f.pages) > ql.MaxPages {
			t.Errorf("%s: %d pages, more than %d", f.name, len(f.pages), ql.MaxPages)
		}
		for pi, pg := range f.pages {
			var qrs []glyphs.Box
			for _, b := range pg.Paths {
				if w := b.X1 - b.X0; w >= ql.QR.Size-0.01 && math.Abs(w-(b.Y1-b.Y0)) < 0.01 {
					qrs = append(qrs, b)
				}
			}
			var phones []glyphs.Line
			for _, l := range pg.Lines() {
				if l.Size == ql.Styles.Phone.Size && l.Bold {
					phones = append(phones, l)
				}
			}
			beside := func(l glyphs.Line) bool {
				for _, p := range phones {
					if l.X0 > p.X1 && l.X0-p.X1 < 2*ql.Card.PhoneGap && math.Abs(l.Y-p.Y) < 2*p.Size*25.4/72 {
						return true
					}
				}
				return false
			}
			for _, b := range para.of(pg, pi+1) {
				label := beside(b.lines[0]) && !purpose(b.lines[0].Text)
				for _, l := range b.lines[:len(b.lines)-1] {
					if strings.IndexFunc(l.Text, func(r rune) bool { return r > '~' }) < 0 || label {
						continue // Latin type only, or a label beside a phone number
					}
					col := math.Floor((l.X0 - ql.Left + ql.Gutter/2) / (colW + ql.Gutter))
					right := ql.Left + col*(colW+ql.Gutter) + colW
					edges := []float64{right, right - ql.Section.BoxPadding, right - ql.Section.Padding}
					for _, q := range qrs {
						if q.Y0 < l.Y && l.Y < q.Y1+2 && q.X0 > l.X0 {
							edges = append(edges, q.X0-ql.QR.Gap)
						}
					}
					d := math.Inf(1)
					for _, e := range edges {
						d = math.Min(d, math.Abs(l.X1-e))
					}
					checked++
					worst = math.Max(worst, d)
					if d > tol {
						t.Errorf("%s page %d: a line of a paragraph ends %.2f pt from its measure: %q", f.name, pi+1, d*72/25.4, l.Text)
					}
				}
			}
		}
		last := f.pages[len(f.pages)-1]
		t.Logf("%s: %d pages; %d justified lines, the farthest %.3f pt from its measure; %.1f mm free at the foot of the last column",
			f.name, len(f.pages), checked, worst*72/25.4, freeAtFoot(last, ql.H-ql.Bottom-ql.Styles.Footer.LineHeight(ql.Styles.Footer.Size)-ql.Footer.Gap, ql.Left+colW+ql.Gutter))
	}
}

// freeAtFoot is the space between the lowest thing drawn right of x and
// bottom.
func freeAtFoot(pg glyphs.Page, bottom, x float64) float64 {
	low := 0.0
	for _, b := range pg.Paths {
		if b.X0 >= x && b.Y1 < bottom+0.5 {
			low = math.Max(low, b.Y1)
		}
	}
	for _, r := range pg.Runs {
		if r.X >= x && r.Y < bottom+0.5 {
			low = math.Max(low, r.Y+r.Descent)
		}
	}
	return bottom - low
}

// checkFooters: on every slide and quick-list page, nothing but the
// footer comes nearer the footer rule than the layout's gap.
func checkFooters(t *testing.T, files []typeset, sl *spec.Slides, ql *spec.QuickList) {
	for _, f := range files {
		var rule, gap float64
		switch f.kind {
		case "deck":
			rule, gap = sl.H-sl.Bottom-sl.FooterH, sl.FooterGap
		case "quicklist":
			rule, gap = ql.H-ql.Bottom-ql.Styles.Footer.LineHeight(ql.Styles.Footer.Size), ql.Footer.Gap
		default:
			continue
		}
		for pi, pg := range f.pages {
			closest := math.Inf(1)
			for _, b := range pg.Paths {
				if math.Abs(b.Y0-rule) < 0.05 && b.Y1-b.Y0 < 0.05 || b.Y0 > rule || b.Y0 == 0 && b.X0 == 0 {
					continue // the rule itself, the footer, the title slide's band
				}
				closest = math.Min(closest, rule-b.Y1)
			}
			for _, r := range pg.Runs {
				if r.Y > rule {
					continue
				}
				closest = math.Min(closest, rule-(r.Y+r.Descent))
			}
			if closest < gap-0.01 {
				t.Errorf("%s page %d: something is drawn %.2f mm above the footer rule, less than %g mm", f.name, pi+1, closest, gap)
			}
		}
	}
}
