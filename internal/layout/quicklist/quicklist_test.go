package quicklist_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/quicklist"
	"sodan/internal/layout/spec"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// bundled lays out the bundled sources with the bundled layout.
func bundled(tb testing.TB) (*layout.Doc, *spec.QuickList) {
	tb.Helper()
	book := layouttest.Bundled(tb)
	sp := layouttest.QuickList(tb)
	doc, errs := quicklist.Plan(book, sp, layouttest.Fonts(tb))
	if len(errs) > 0 {
		tb.Fatal(errs)
	}
	return doc, sp
}

// TestQuickListGolden compares the plan of the bundled handout with
// testdata/handout.golden. After changing the sources or the layout, look
// at the PDF and run go test ./internal/layout -run Golden -update.
func TestQuickListGolden(t *testing.T) {
	doc, _ := bundled(t)
	layouttest.GoldenPlan(t, filepath.Join("testdata", "quicklist.golden"), doc)
}

// texts returns every Text item of the document with its page number.
func texts(doc *layout.Doc) (out []struct {
	Page int
	T    layout.Text
}) {
	for pi, p := range doc.Pages {
		for _, it := range p.Items {
			if t, ok := it.(layout.Text); ok {
				out = append(out, struct {
					Page int
					T    layout.Text
				}{pi + 1, t})
			}
		}
	}
	return out
}

// TestQuickListKinsoku checks the line breaker's work on the real handout: no
// drawn line starts with a character that may not begin a line (。、」）
// …) or ends with one that may not end a line (「（ …).
func TestQuickListKinsoku(t *testing.T) {
	doc, _ := bundled(t)
	n := 0
	for _, x := range layouttest.TextLines(doc, layouttest.Fonts(t)) {
		s := x.Str
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		if text.LineStartForbidden(first) {
			t.Errorf("page %d: line starts with %q: %q", x.Page, first, s)
		}
		if text.LineEndForbidden(last) {
			t.Errorf("page %d: line ends with %q: %q", x.Page, last, s)
		}
		n++
	}
	if n < 200 {
		t.Errorf("only %d lines of text; is the handout complete?", n)
	}
}

// TestQuickListInsideMargins checks that nothing is drawn outside the page
// margins: every line of text (measured with the real font metrics), every
// rectangle, rule, QR code and link.
func TestQuickListInsideMargins(t *testing.T) {
	doc, sp := bundled(t)
	f := layouttest.Fonts(t)
	const eps = 0.01
	left, right := sp.Left-eps, sp.W-sp.Right+eps
	top, bottom := sp.Top-eps, sp.H-sp.Bottom+eps
	inside := func(page int, what string, x0, y0, x1, y1 float64) {
		t.Helper()
		if x0 < left || x1 > right || y0 < top || y1 > bottom {
			t.Errorf("page %d: %s at (%.2f,%.2f)–(%.2f,%.2f) leaves the margins (%.1f,%.1f)–(%.1f,%.1f)",
				page, what, x0, y0, x1, y1, sp.Left, sp.Top, sp.W-sp.Right, sp.H-sp.Bottom)
		}
	}
	for pi, p := range doc.Pages {
		if p.W != sp.W || p.H != sp.H {
			t.Errorf("page %d is %gx%g mm", pi+1, p.W, p.H)
		}
		for _, it := range p.Items {
			switch v := it.(type) {
			case layout.Text:
				size := v.Size * layout.PtToMM
				// The glyphs' body: about 0.88 em above the baseline and
				// 0.12 em below it.
				inside(pi+1, fmt.Sprintf("text %q", v.Str), v.X, v.Y-0.88*size, v.X+f.Width(v.Str, v.Bold, v.Size), v.Y+0.12*size)
			case layout.Rect:
				inside(pi+1, "rect", v.X, v.Y, v.X+v.W, v.Y+v.H)
			case layout.Line:
				inside(pi+1, "line", min(v.X1, v.X2), min(v.Y1, v.Y2), max(v.X1, v.X2), max(v.Y1, v.Y2))
			case layout.QR:
				inside(pi+1, "qr "+v.Data, v.X, v.Y, v.X+v.Size, v.Y+v.Size)
			case layout.Link:
				inside(pi+1, "link "+v.URL, v.X, v.Y, v.X+v.W, v.Y+v.H)
			}
		}
	}
}

// TestQuickListContent checks that the plan shows what a caller needs: every
// phone number of every situation's desks on one line of its own in bold
// at 14 pt or more, every desk's name, the emergency numbers, the QR codes
// of the web-only desks, a link for every URL, bookmarks for every CHECK
// and situation, the metadata and the page furniture.
func TestQuickListContent(t *testing.T) {
	doc, sp := bundled(t)
	book := layouttest.Bundled(t)
	if len(doc.Pages) > sp.MaxPages {
		t.Errorf("%d pages, max_pages is %d", len(doc.Pages), sp.MaxPages)
	}
	var all strings.Builder
	phones := map[string]layout.Text{}
	links := map[string]bool{}
	qrs := map[string]bool{}
	bookmarks := map[string]bool{}
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			switch v := it.(type) {
			case layout.Text:
				all.WriteString(v.Str)
				phones[v.Str] = v
			case layout.Link:
				links[v.URL] = true
			case layout.QR:
				if qrs[v.Data] {
					t.Errorf("two QR codes for %s", v.Data)
				}
				qrs[v.Data] = true
			case layout.Bookmark:
				bookmarks[v.Title] = true
			}
		}
	}
	flat := strings.Join(strings.Fields(all.String()), "")
	wantQR := map[string]bool{}
	desk := func(c *model.Contact) {
		t.Helper()
		for _, ph := range c.Phones {
			v, ok := phones[ph.Number.S]
			if !ok {
				t.Errorf("%s: phone %s is not a line of its own", c.ID, ph.Number.S)
			} else if !v.Bold || v.Size < spec.MinPhonePt {
				t.Errorf("%s: phone %s is %gpt bold=%v", c.ID, ph.Number.S, v.Size, v.Bold)
			}
		}
		if name := strings.Join(strings.Fields(c.Name()), ""); !strings.Contains(flat, name) {
			t.Errorf("%s: name %q not printed", c.ID, c.Name())
		}
		if l := c.Link(); l != "" && !links[layout.LinkURL(l)] {
			t.Errorf("%s: no link to %s", c.ID, l)
		}
		if c.WebOnly() {
			wantQR[c.Link()] = true
		}
	}
	for i, c := range book.QuickList.Checks {
		if !bookmarks[fmt.Sprintf("CHECK%d %s", i+1, c.Title.S)] {
			t.Errorf("no bookmark for CHECK%d", i+1)
		}
		for _, s := range c.Situations {
			if !bookmarks[s.Title.S] {
				t.Errorf("no bookmark for situation %s", s.ID)
			}
			if !s.Note.Empty() && !strings.Contains(flat, strings.Join(strings.Fields(s.Note.S), "")) {
				t.Errorf("situation %s: note not printed", s.ID)
			}
			for _, r := range s.Contacts {
				desk(r.Contact)
			}
		}
	}
	for _, g := range book.Resources.Groups {
		for _, r := range g.Contacts {
			desk(r.Contact)
		}
	}
	for _, e := range book.QuickList.Emergency {
		if _, ok := phones[e.Contact.Phones[0].Number.S]; !ok {
			t.Errorf("emergency number %s missing", e.Contact.Phones[0].Number.S)
		}
	}
	for u := range wantQR {
		if !qrs[u] {
			t.Errorf("web-only desk %s has no QR code", u)
		}
	}
	for u := range qrs {
		if !wantQR[u] {
			t.Errorf("QR code for %s, which is not a web-only desk", u)
		}
	}
	for _, g := range book.SelfCheck.Gokajo.Items {
		if !strings.Contains(flat, g.Title.S) {
			t.Errorf("5か条 %q missing", g.Title.S)
		}
	}
	for _, want := range []string{"2026年12月1日版", "2020年5月18日", "2021年2月4日〜2026年12月1日"} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q missing", want)
		}
	}
	for i := range doc.Pages {
		if !strings.Contains(flat, fmt.Sprintf("%d/%dページ", i+1, len(doc.Pages))) {
			t.Errorf("no page number on page %d", i+1)
		}
	}
	m := doc.Meta
	if m.Title != "相談・届出先クイックリスト" || m.Author == "" || m.Subject == "" || len(m.Keywords) == 0 {
		t.Errorf("metadata %+v", m)
	}
}

// TestQuickListURLsAreLinks checks that every drawn address (a line of text
// of ASCII with a dot or an @) lies under a link on its page.
func TestQuickListURLsAreLinks(t *testing.T) {
	doc, _ := bundled(t)
	n := 0
	lines := layouttest.TextLines(doc, layouttest.Fonts(t))
	for pi, p := range doc.Pages {
		var links []layout.Link
		for _, it := range p.Items {
			if l, ok := it.(layout.Link); ok {
				links = append(links, l)
			}
		}
		for _, v := range lines {
			if v.Page != pi+1 || !strings.ContainsAny(v.Str, ".@") || strings.IndexFunc(v.Str, func(r rune) bool { return r > 0x7e }) >= 0 {
				continue
			}
			n++
			x, y := v.X+0.2, v.Y-0.5 // a point inside the first glyph
			covered := false
			for _, l := range links {
				covered = covered || (x >= l.X && x <= l.X+l.W && y >= l.Y && y <= l.Y+l.H)
			}
			if !covered {
				t.Errorf("page %d: %q is not under a link", pi+1, v.Str)
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d addresses drawn", n)
	}
}

// bigBook is the bundled book with its CHECK4 situations repeated, so that
// the handout needs more pages than max_pages.
func bigBook(tb testing.TB) *model.Book {
	book := layouttest.Bundled(tb)
	c := &book.QuickList.Checks[len(book.QuickList.Checks)-1]
	sits := c.Situations
	for range 3 {
		c.Situations = append(c.Situations, sits...)
	}
	return book
}

// TestQuickListFlowsOntoMorePages lays out more content than fits: it flows
// onto more pages, each with the running header (from page 2) and the
// footer with "n / N ページ", and a situation that goes on in the next
// column is marked （続き） there.
func TestQuickListFlowsOntoMorePages(t *testing.T) {
	sp := layouttest.QuickList(t)
	doc, errs := quicklist.Plan(bigBook(t), sp, layouttest.Fonts(t))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(doc.Pages) <= sp.MaxPages {
		t.Fatalf("%d pages; want more than %d", len(doc.Pages), sp.MaxPages)
	}
	conts := 0
	for _, x := range texts(doc) {
		if strings.HasSuffix(x.T.Str, "（続き）") {
			conts++
		}
	}
	if conts == 0 {
		t.Error("no situation is marked （続き） where it goes on in the next column")
	}
	for i, p := range doc.Pages {
		var header bool
		var all strings.Builder
		for _, it := range p.Items {
			if v, ok := it.(layout.Text); ok {
				all.WriteString(strings.ReplaceAll(v.Str, " ", ""))
				header = header || (v.Str == "相談・届出先クイックリスト" && v.Y < sp.Top+25)
			}
		}
		// The number and ページ are two runs, with the space between
		// Latin and Japanese.
		footer := strings.Contains(all.String(), fmt.Sprintf("%d/%dページ", i+1, len(doc.Pages)))
		if !footer || !header {
			t.Errorf("page %d: footer %v, header %v", i+1, footer, header)
		}
	}
}

// TestQuickListGlyphProblems puts characters the fonts cannot draw into two
// texts and gets both problems, each with its position, field, character
// and code point, and no document.
func TestQuickListGlyphProblems(t *testing.T) {
	book := layouttest.Bundled(t)
	s := book.QuickList.Situation("incident")
	s.Title.S += "😀"
	c := book.Contact("dekyo")
	c.Desk.S = "迷惑メール𠮷相談センター"
	doc, errs := quicklist.Plan(book, layouttest.QuickList(t), layouttest.Fonts(t))
	if doc != nil {
		t.Error("a document despite the problems")
	}
	got := errs.Error()
	for _, want := range []string{
		fmt.Sprintf("%s: %s: 「😀」（U+1F600、%d 文字目）", s.Title.Loc.Pos, s.Title.Loc.Field, utf8.RuneCountInString(s.Title.S)),
		fmt.Sprintf("%s: %s: 「𠮷」（U+20BB7、6 文字目）", c.Desk.Loc.Pos, c.Desk.Loc.Field),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if !strings.HasPrefix(s.Title.Loc.Pos.String(), "sources/quicklist.yaml:") {
		t.Errorf("position %v", s.Title.Loc.Pos)
	}
}

// TestQuickListTooLong gives a desk a purpose that cannot fit its lines even
// at the smallest size: the problem names the source line.
func TestQuickListTooLong(t *testing.T) {
	book := layouttest.Bundled(t)
	c := book.Contact("ppc")
	c.Purpose.S = strings.Repeat("個人データの漏えい等が起きたときの報告と相談。", 20)
	_, errs := quicklist.Plan(book, layouttest.QuickList(t), layouttest.Fonts(t))
	want := c.Purpose.Loc.Pos.String() + ": " + c.Purpose.Loc.Field + ": 「" + text.Excerpt(c.Purpose.S) + "」が枠に収まりません"
	if !strings.Contains(errs.Error(), want) {
		t.Errorf("want %q, got:\n%v", want, errs)
	}
}

// TestQuickListUnitTooTall gives a desk a purpose that fits its line limit
// but makes the desk taller than a column: the problem names the desk.
func TestQuickListUnitTooTall(t *testing.T) {
	book := layouttest.Bundled(t)
	c := book.Contact("ppc")
	c.Purpose.S = strings.Repeat("個人データの漏えい等が起きたときの報告と相談。", 45)
	sp := layouttest.QuickList(t)
	sp.H = 150
	sp.Lines.Body = 40
	_, errs := quicklist.Plan(book, sp, layouttest.Fonts(t))
	want := c.Desk.Loc.Pos.String() + ": " + c.Desk.Loc.Field + ": この項目が段の高さ"
	if !strings.Contains(errs.Error(), want) {
		t.Errorf("want %q, got:\n%v", want, errs)
	}
}

// TestQuickListLongURL gives a web-only desk a URL too long for a QR code
// that prints legibly.
func TestQuickListLongURL(t *testing.T) {
	book := layouttest.Bundled(t)
	c := book.Contact("ihaho")
	c.URL.S = "https://ihaho.jp/" + strings.Repeat("a/", 120)
	_, errs := quicklist.Plan(book, layouttest.QuickList(t), layouttest.Fonts(t))
	if want := c.URL.Loc.Pos.String() + ": " + c.URL.Loc.Field + ": URL が長すぎて"; !strings.Contains(errs.Error(), want) {
		t.Errorf("want %q, got:\n%v", want, errs)
	}
}

// BenchmarkPlan measures the layout alone (the whole pipeline,
// with the PDF, is benchmarked in internal/build).
func BenchmarkPlan(b *testing.B) {
	book := layouttest.Bundled(b)
	sp := layouttest.QuickList(b)
	f := layouttest.Fonts(b)
	for b.Loop() {
		if _, errs := quicklist.Plan(book, sp, f); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// TestUncertainDesks: every desk marked uncertain that the quick list
// prints says, small, beside its name, the month it was last verified and
// that it is to be checked (2021年2月確認・要確認); no other desk does.
func TestUncertainDesks(t *testing.T) {
	book := layouttest.Bundled(t)
	sp := layouttest.QuickList(t)
	doc, errs := quicklist.Plan(book, sp, layouttest.Fonts(t))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	lines := layouttest.TextLines(doc, layouttest.Fonts(t))
	labels := map[string]int{}
	for _, l := range lines {
		if strings.HasSuffix(l.Str, "確認・要確認") {
			labels[l.Str]++
			if l.Size != sp.Styles.Uncertain.Size || l.Size >= sp.Styles.Body.Size {
				t.Errorf("%q at %gpt, want the small %gpt", l.Str, l.Size, sp.Styles.Uncertain.Size)
			}
		}
	}
	want := map[string]int{}
	desks := 0
	for _, c := range book.Contacts {
		if c.Uncertain.Empty() || c.Ended() {
			continue
		}
		name := strings.ReplaceAll(c.Name(), " ", "")
		for i, l := range lines {
			if strings.ReplaceAll(l.Str, " ", "") != name && !strings.HasPrefix(name, strings.ReplaceAll(l.Str, " ", "")) {
				continue
			}
			// The label is on the name's line or on one of the next two.
			found := false
			for _, m := range lines[i:min(i+4, len(lines))] {
				found = found || m.Str == layout.UncertainLabel(c.VerifiedOn) && m.Page == l.Page
			}
			if !found {
				t.Errorf("%s (%q on page %d) has no %q beside it", c.ID, l.Str, l.Page, layout.UncertainLabel(c.VerifiedOn))
			}
			want[layout.UncertainLabel(c.VerifiedOn)]++
			desks++
			break
		}
	}
	if desks < 5 {
		t.Fatalf("%d uncertain desks found on the quick list; the bundled list prints six", desks)
	}
	for s, n := range labels {
		if want[s] == 0 {
			t.Errorf("%q printed %d times, beside no uncertain desk", s, n)
		}
	}
}
