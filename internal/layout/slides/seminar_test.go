package slides_test

import (
	"strings"
	"testing"

	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/slides"
	"sodan/internal/model"
)

// seminarText is the text of each page of plan, its lines joined.
func seminarText(t *testing.T, plan *slides.Plan) []string {
	t.Helper()
	m := layouttest.Fonts(t)
	pages := make([]string, len(plan.Doc.Pages))
	for _, l := range layouttest.TextLines(plan.Doc, m) {
		pages[l.Page-1] += l.Str + "\n"
	}
	return pages
}

// TestSeminarDeck lays out the bundled seminar's decks: the title slide
// names the seminar, its date and times, the venue and the deck's
// lecturer; every footer names the seminar and its date; only the last
// deck ends with the closing slide, whose QR code carries the survey's
// address; nothing is drawn off the page or into the margins.
func TestSeminarDeck(t *testing.T) {
	book := layouttest.Bundled(t)
	sp, es, m := layouttest.Slides(t), layouttest.Event(t), layouttest.Fonts(t)
	e := book.Event("shinagawa-feb")
	if e == nil {
		t.Fatal("no bundled seminar shinagawa-feb")
	}
	var items []*model.ProgrammeItem
	for i := range e.Programme {
		if e.Programme[i].Deck != nil {
			items = append(items, &e.Programme[i])
		}
	}
	for i, it := range items {
		last := i == len(items)-1
		plain, errs := slides.Lay(book, it.Deck, sp, m)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		plan, errs := slides.LaySeminar(book, it.Deck, sp, m, slides.Seminar{Event: e, Item: it, Last: last, Spec: es})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		want := len(plain.Doc.Pages)
		if last {
			want++
		}
		if len(plan.Doc.Pages) != want || len(plan.Slides) != want {
			t.Errorf("%s: %d pages, want %d", it.Deck.ID, len(plan.Doc.Pages), want)
		}
		pages := seminarText(t, plan)
		title := strings.ReplaceAll(pages[0], "\n", "")
		for _, s := range []string{e.Title.S, "2027年2月17日（水）", "13:30〜16:00", e.Venue.Name.S, it.Lecturer.Name.S, it.Lecturer.Affiliation.S} {
			if !strings.Contains(squeeze(title), squeeze(s)) {
				t.Errorf("%s: the title slide does not say %q:\n%s", it.Deck.ID, s, pages[0])
			}
		}
		for pi, pg := range pages[1:] {
			if !strings.Contains(pg, e.Title.S+"　2027年2月17日（水）") {
				t.Errorf("%s page %d: no seminar in the footer:\n%s", it.Deck.ID, pi+2, pg)
			}
		}
		closing := strings.Contains(pages[len(pages)-1], slides.Closing)
		if closing != last {
			t.Errorf("%s: closing slide %v, want %v", it.Deck.ID, closing, last)
		}
		if last {
			var qr []string
			for _, item := range plan.Doc.Pages[len(pages)-1].Items {
				if q, ok := item.(layout.QR); ok {
					qr = append(qr, q.Data)
					if q.Size/float64(m.QRModules(q.Data)) < layout.MinQRModule {
						t.Errorf("the survey's QR code has modules of %.2f mm", q.Size/float64(m.QRModules(q.Data)))
					}
				}
			}
			if len(qr) != 1 || qr[0] != layout.LinkURL(e.Survey.S) {
				t.Errorf("closing slide QR codes %q, want the survey's %q", qr, e.Survey.S)
			}
			if p := pages[len(pages)-1]; !strings.Contains(p, "03-3251-7881") || !strings.Contains(p, "ワンストップ総合相談") {
				t.Errorf("the closing slide does not name the contact:\n%s", p)
			}
			if plan.Slides[len(pages)-1] != -1 {
				t.Errorf("the closing slide is slide %d of the deck, want -1", plan.Slides[len(pages)-1])
			}
		}
		for pi, page := range plan.Doc.Pages {
			for _, item := range page.Items {
				x0, y0, x1, y1, ok := bounds(m, item)
				if r, isRect := item.(layout.Rect); !ok || isRect && r.Y == 0 {
					continue
				}
				if x0 < sp.Left-0.01 || y0 < -1e-6 || x1 > page.W-sp.Right+0.01 || y1 > page.H-sp.Bottom+0.01 {
					t.Errorf("%s page %d: %T %v runs into the margin", it.Deck.ID, pi+1, item, item)
				}
			}
		}
	}
}

// squeeze drops spaces, as the text engine replaces a typed space
// between Japanese and Latin by its own spacing.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// TestSeminarAddsTitleSlide: a deck that does not begin with a title
// slide gets one in a seminar's copy, made from the deck's title; a
// seminar without a survey and a contact gets no closing slide; a
// character the fonts cannot draw in a lecturer's name is reported at the
// name.
func TestSeminarAddsTitleSlide(t *testing.T) {
	event := `id: s
title: 相談会
date: 2027-02-17
start: "13:30"
end: "15:00"
venue: {name: 会場}
organiser: 主催
lecturers:
  - name: 講師鿐
programme:
  - start: "13:30"
    deck: plain
`
	deck := `id: plain
title: 表紙のないデッキ
slides:
  - kind: bullets
    title: 箇条
    items: [一つ目, 二つ目]
`
	book := layouttest.Book(t, layouttest.SourcesWith(t, map[string]string{"events/s.yaml": event, "decks/plain.yaml": deck}))
	sp, es, m := layouttest.Slides(t), layouttest.Event(t), layouttest.Fonts(t)
	e := book.Event("s")
	_, errs := slides.LaySeminar(book, deckByID(t, book, "plain"), sp, m, slides.Seminar{Event: e, Item: &e.Programme[0], Last: true, Spec: es})
	if len(errs) != 1 || errs[0].Pos.File != "sources/events/s.yaml" || errs[0].Pos.Line != 9 || !strings.Contains(errs[0].Msg, "鿐") {
		t.Fatalf("want the glyph at the lecturer's name, got %d: %#v", len(errs), errs)
	}
	e.Lecturers[0].Name.S = "講師"
	plan, errs := slides.LaySeminar(book, deckByID(t, book, "plain"), sp, m, slides.Seminar{Event: e, Item: &e.Programme[0], Last: true, Spec: es})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	pages := seminarText(t, plan)
	if len(pages) != 2 || !strings.Contains(pages[0], "表紙のないデッキ") || !strings.Contains(pages[0], "講師") || plan.Slides[0] != -1 || plan.Slides[1] != 0 {
		t.Errorf("want an added title slide and the deck's slide, got slides %v:\n%s", plan.Slides, strings.Join(pages, "----\n"))
	}
}
