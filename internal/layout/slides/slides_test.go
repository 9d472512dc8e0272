package slides_test

import (
	"fmt"
	"io/fs"
	"math"
	"strings"
	"testing"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/slides"
	"sodan/internal/layout/spec"
	"sodan/internal/model"
)

func deckByID(t testing.TB, book *model.Book, id string) *model.Deck {
	t.Helper()
	for i := range book.Decks {
		if book.Decks[i].ID == id {
			return &book.Decks[i]
		}
	}
	t.Fatalf("no deck %q", id)
	return nil
}

// bounds returns the box an item covers, and false for items without one
// (bookmarks).
func bounds(m layout.Measurer, it layout.Item) (x0, y0, x1, y1 float64, ok bool) {
	switch v := it.(type) {
	case layout.Text:
		w := m.Width(v.Str, v.Bold, v.Size)
		h := v.Size * layout.PtToMM
		return v.X, v.Y - 0.88*h, v.X + w, v.Y + 0.12*h, true
	case layout.Rect:
		return v.X, v.Y, v.X + v.W, v.Y + v.H, true
	case layout.Line:
		return math.Min(v.X1, v.X2), math.Min(v.Y1, v.Y2), math.Max(v.X1, v.X2), math.Max(v.Y1, v.Y2), true
	case layout.Polygon:
		x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range v.Points {
			x0, y0, x1, y1 = math.Min(x0, p.X), math.Min(y0, p.Y), math.Max(x1, p.X), math.Max(y1, p.Y)
		}
		return x0, y0, x1, y1, true
	case layout.QR:
		return v.X, v.Y, v.X + v.Size, v.Y + v.Size, true
	case layout.Link:
		return v.X, v.Y, v.X + v.W, v.Y + v.H, true
	}
	return 0, 0, 0, 0, false
}

// TestBundledDecks lays out every bundled deck: no problems, 16:9 pages,
// one bookmark per page, and nothing drawn off the page or over the
// margins.
func TestBundledDecks(t *testing.T) {
	book := layouttest.Book(t, layouttest.SourcesWith(t, nil))
	sp := layouttest.Slides(t)
	m := layouttest.Fonts(t)
	if len(book.Decks) < 4 {
		t.Fatalf("%d decks, want the 4 bundled ones", len(book.Decks))
	}
	for i := range book.Decks {
		deck := &book.Decks[i]
		t.Run(deck.ID, func(t *testing.T) {
			plan, errs := slides.Lay(book, deck, sp, m)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			doc := plan.Doc
			if doc.Meta.Author != book.Edition.Publisher.S || doc.Meta.Title != deck.Title.S {
				t.Errorf("meta = %+v", doc.Meta)
			}
			for pi, page := range doc.Pages {
				if math.Abs(page.W/page.H-16.0/9) > 1e-3 || math.Abs(page.W-338.667) > 0.01 {
					t.Errorf("page %d is %g×%g mm, not 16:9", pi+1, page.W, page.H)
				}
				marks := 0
				for _, it := range page.Items {
					if b, ok := it.(layout.Bookmark); ok {
						marks++
						if b.Title == "" {
							t.Errorf("page %d: empty bookmark", pi+1)
						}
					}
					x0, y0, x1, y1, ok := bounds(m, it)
					if !ok {
						continue
					}
					// Margins: only the title slide's top band reaches the edge.
					if x0 < -1e-6 || y0 < -1e-6 || x1 > page.W+1e-6 || y1 > page.H+1e-6 {
						t.Errorf("page %d: %T at (%.1f,%.1f)-(%.1f,%.1f) is off the page", pi+1, it, x0, y0, x1, y1)
					}
					if r, isRect := it.(layout.Rect); !(isRect && r.Y == 0) && (x0 < sp.Left-0.01 || x1 > page.W-sp.Right+0.01 || y1 > page.H-sp.Bottom+0.01) {
						t.Errorf("page %d: %T %v runs into the margin", pi+1, it, it)
					}
				}
				if marks != 1 {
					t.Errorf("page %d has %d bookmarks, want 1", pi+1, marks)
				}
			}
		})
	}
}

// flowRects returns the boxes and label plates of the flow pages: every
// Rect below the title bar and above the footer.
func flowRects(t *testing.T, plan *slides.Plan, sp *spec.Slides) map[int][]layout.Rect {
	t.Helper()
	out := map[int][]layout.Rect{}
	for pi, page := range plan.Doc.Pages {
		if plan.Deck.Slides[plan.Slides[pi]].Kind != model.SlideFlow {
			continue
		}
		for _, it := range page.Items {
			if r, ok := it.(layout.Rect); ok {
				out[pi] = append(out[pi], r)
			}
		}
	}
	return out
}

func checkNoOverlap(t *testing.T, pages map[int][]layout.Rect, w, h float64) {
	t.Helper()
	if len(pages) == 0 {
		t.Fatal("no flow pages")
	}
	for pi, rects := range pages {
		if len(rects) < 3 {
			t.Errorf("page %d: only %d boxes", pi+1, len(rects))
		}
		for i, a := range rects {
			if a.X < 0 || a.Y < 0 || a.X+a.W > w+1e-6 || a.Y+a.H > h+1e-6 {
				t.Errorf("page %d: box %+v is not inside the %g×%g slide", pi+1, a, w, h)
			}
			for _, b := range rects[i+1:] {
				if a.X < b.X+b.W-1e-6 && b.X < a.X+a.W-1e-6 && a.Y < b.Y+b.H-1e-6 && b.Y < a.Y+a.H-1e-6 {
					t.Errorf("page %d: boxes overlap: %+v and %+v", pi+1, a, b)
				}
			}
		}
	}
}

// TestFlowBoxes checks the bundled consultation flow: its boxes and answer
// plates do not overlap and lie inside the slide, and every question,
// answer and destination is drawn.
func TestFlowBoxes(t *testing.T) {
	book := layouttest.Book(t, layouttest.SourcesWith(t, nil))
	sp := layouttest.Slides(t)
	m := layouttest.Fonts(t)
	plan, errs := slides.Lay(book, deckByID(t, book, "consultation-flow"), sp, m)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	checkNoOverlap(t, flowRects(t, plan, sp), sp.W, sp.H)
	var text strings.Builder
	for pi, page := range plan.Doc.Pages {
		if plan.Deck.Slides[plan.Slides[pi]].Kind != model.SlideFlow {
			continue
		}
		for _, it := range page.Items {
			if tx, ok := it.(layout.Text); ok {
				text.WriteString(tx.Str)
			}
		}
	}
	all := text.String()
	for _, n := range book.Flow.Nodes {
		if !strings.Contains(all, strings.ReplaceAll(n.Question.S, " ", "")) && !containsBroken(all, n.Question.S) {
			t.Errorf("question %q is not drawn", n.Question.S)
		}
		for _, a := range n.Answers {
			if !containsBroken(all, a.Label.S) {
				t.Errorf("answer %q is not drawn", a.Label.S)
			}
		}
	}
}

// containsBroken reports whether s appears in all once line breaks (and the
// spaces dropped at them) are ignored.
func containsBroken(all, s string) bool {
	strip := func(x string) string { return strings.ReplaceAll(x, " ", "") }
	return strings.Contains(strip(all), strip(s))
}

// wideFlow is a flow whose root has n answers, each a question with k
// answers leading to situations of the bundled quick list.
func wideFlow(n, k int) string {
	sits := []string{"incident", "crime-possible", "crime-report", "phishing", "spam", "fake-shop", "illegal-info", "data-leak"}
	var b strings.Builder
	b.WriteString("title: 広いフロー\nstart: root\nnodes:\n  - id: root\n    question: 何についての相談ですか？\n    answers:\n")
	for i := range n {
		fmt.Fprintf(&b, "      - label: 分類 %d の相談\n        next: q%d\n", i+1, i+1)
	}
	for i := range n {
		fmt.Fprintf(&b, "  - id: q%d\n    question: 分類 %d では、何が起きていますか？\n    answers:\n", i+1, i+1)
		for j := range k {
			fmt.Fprintf(&b, "      - label: 答え %d-%d\n        situation: %s\n", i+1, j+1, sits[(i+j)%len(sits)])
		}
	}
	return b.String()
}

// TestFlowSplits lays out a flow too wide for one slide: it continues on
// more slides, with references to them, and still no box overlaps another
// or leaves the slide.
func TestFlowSplits(t *testing.T) {
	book := layouttest.Book(t, layouttest.SourcesWith(t, map[string]string{"flow.yaml": wideFlow(6, 4)}))
	sp := layouttest.Slides(t)
	m := layouttest.Fonts(t)
	plan, errs := slides.Lay(book, deckByID(t, book, "consultation-flow"), sp, m)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	rects := flowRects(t, plan, sp)
	if len(rects) < 2 {
		t.Fatalf("a flow with 24 destinations fills %d slide(s), want it split", len(rects))
	}
	checkNoOverlap(t, rects, sp.W, sp.H)
	refs := 0
	for _, page := range plan.Doc.Pages {
		for _, it := range page.Items {
			if tx, ok := it.(layout.Text); ok && strings.Contains(tx.Str, "枚目へ") {
				refs++
			}
		}
	}
	if refs == 0 {
		t.Error("no “→ n 枚目へ” reference to the continuation slides")
	}
}

// TestFlowTooWide: a question with more answers than fit side by side at
// the smallest type fails, naming the question in flow.yaml, the deck and
// the slide.
func TestFlowTooWide(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: 広すぎるフロー\nstart: root\nnodes:\n  - id: root\n    question: 何が起きていますか？\n    answers:\n")
	for i := range 40 {
		fmt.Fprintf(&b, "      - label: 答え %d\n        situation: incident\n", i+1)
	}
	book := layouttest.Book(t, layouttest.SourcesWith(t, map[string]string{"flow.yaml": b.String()}))
	_, errs := slides.Lay(book, deckByID(t, book, "consultation-flow"), layouttest.Slides(t), layouttest.Fonts(t))
	want := "sources/flow.yaml:5:15: nodes[0].question: スライド sources/decks/flow.yaml の 3 枚目（flow）: "
	if !hasMessage(errs, want) {
		t.Errorf("want a message starting %q, got:\n%v", want, errs)
	}
}

func hasMessage(errs diag.List, prefix string) bool {
	for _, d := range errs.Sorted() {
		if strings.HasPrefix(d.String(), prefix) {
			return true
		}
	}
	return false
}

// TestProblemsAtTheirSource: what cannot be set is reported at its
// source with the deck file and the slide number: a bullet too long even
// at the smallest type, and a character the fonts lack (characters outside
// the BMP, such as 😀, are refused when the sources are read; ⛄ is inside
// it but has no glyph in BIZ UDPGothic).
func TestProblemsAtTheirSource(t *testing.T) {
	for _, c := range []struct{ id, deck, want string }{
		{"long", "title: 長い箇条書き\nslides:\n  - kind: title\n    title: 表紙\n  - kind: bullets\n    title: 長すぎる\n    items:\n      - " +
			strings.Repeat("とても長い説明の文が続きます。", 120) + "\n",
			"sources/decks/long.yaml:9:9: slides[1].items[0].text: スライド sources/decks/long.yaml の 2 枚目（bullets）: 箇条書きがスライドに収まりません"},
		{"emoji", "title: 絵文字\nslides:\n  - kind: quote\n    title: 引用\n    quote: 大丈夫⛄です\n",
			"sources/decks/emoji.yaml:6:12: slides[0].quote: スライド sources/decks/emoji.yaml の 1 枚目（quote）: 「⛄」（U+26C4、4 文字目）"},
	} {
		book := layouttest.Book(t, layouttest.SourcesWith(t, map[string]string{"decks/" + c.id + ".yaml": "id: " + c.id + "\n" + c.deck}))
		_, errs := slides.Lay(book, deckByID(t, book, c.id), layouttest.Slides(t), layouttest.Fonts(t))
		if !hasMessage(errs, c.want) {
			t.Errorf("want a message starting %q, got:\n%v", c.want, errs)
		}
	}
}

// TestGolden compares the plan of the malware deck with
// testdata/slides-malware.golden; run with -update to rewrite it.
func TestGolden(t *testing.T) {
	book := layouttest.Book(t, layouttest.SourcesWith(t, nil))
	p, errs := slides.Lay(book, deckByID(t, book, "malware-measures"), layouttest.Slides(t), layouttest.Fonts(t))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	layouttest.GoldenPlan(t, "testdata/malware.golden", p.Doc)
}

// TestSameTwice: the same input gives the same plan.
func TestSameTwice(t *testing.T) {
	book := layouttest.Book(t, layouttest.SourcesWith(t, nil))
	sp := layouttest.Slides(t)
	for i := range book.Decks {
		a, _ := slides.Lay(book, &book.Decks[i], sp, layouttest.Fonts(t))
		b, _ := slides.Lay(book, &book.Decks[i], sp, layouttest.Fonts(t))
		if layouttest.Plan(t, a.Doc) != layouttest.Plan(t, b.Doc) {
			t.Errorf("deck %s: two plans differ", book.Decks[i].ID)
		}
	}
}

// BenchmarkSlides lays out every bundled deck (the N-up pages are
// measured in the nup package, the PDF writing in the build package).
func BenchmarkSlides(b *testing.B) {
	book := layouttest.Book(b, layouttest.SourcesWith(b, nil))
	sp := layouttest.Slides(b)
	m := layouttest.Fonts(b)
	b.ReportAllocs()
	for b.Loop() {
		for i := range book.Decks {
			if _, errs := slides.Lay(book, &book.Decks[i], sp, m); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	}
}

// TestContentGoesOn: content too long for one slide at the projection
// floors goes on to further slides titled 「（続き）」 instead of
// shrinking: a long bullet list, two long panes (one to a slide), a long
// コラム (its points on a slide of their own), and no text on any of them
// under its floor.
func TestContentGoesOn(t *testing.T) {
	var bullets, panes strings.Builder
	bullets.WriteString("id: long\ntitle: 長い一覧\nslides:\n  - kind: bullets\n    title: 確かめること\n    items:\n")
	panes.WriteString("id: panes\ntitle: 二つの列\nslides:\n  - kind: columns\n    title: 事前と事後\n    columns:\n")
	for i := range 18 {
		fmt.Fprintf(&bullets, "      - 確かめること %d：相談の前に、起きたことを順に書き出しておく\n", i+1)
	}
	for _, title := range []string{"事前の備え", "事後の対応"} {
		fmt.Fprintf(&panes, "      - title: %s\n        items:\n", title)
		for i := range 10 {
			fmt.Fprintf(&panes, "          - 備えること %d：決めておいた手順を、担当者と一緒に見直す\n", i+1)
		}
	}
	// A コラム with twice its paragraphs: its points move to a slide of
	// their own.
	columns, err := fs.ReadFile(layouttest.Sources(t), "columns.yaml")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Replace(string(columns), "    points:\n      - 秘密の鍵",
		"      - 複雑なパスワードを覚えたり使い分けたりする手間もなくなります。使っているサービスが「パスキー」に対応していれば、まずそこから切り替えてみましょう。\n"+
			"      - 複雑なパスワードを覚えたり使い分けたりする手間もなくなります。使っているサービスが「パスキー」に対応していれば、まずそこから切り替えてみましょう。\n"+
			"    points:\n      - 秘密の鍵", 1)
	sp := layouttest.Slides(t)
	for _, c := range []struct{ id, deck, title string }{
		{"long", bullets.String(), "確かめること"},
		{"panes", panes.String(), "事前と事後"},
		{"column", "id: column\ntitle: コラム\nslides:\n  - kind: column\n    column: fido\n", "コラムパスワードの漏えいを心配しなくてよい「FIDO認証」へ"},
	} {
		book := layouttest.Book(t, layouttest.SourcesWith(t, map[string]string{"decks/" + c.id + ".yaml": c.deck, "columns.yaml": long}))
		plan, errs := slides.Lay(book, deckByID(t, book, c.id), sp, layouttest.Fonts(t))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", c.id, errs)
		}
		if len(plan.Doc.Pages) < 2 {
			t.Fatalf("%s: %d slide, want the content to go on", c.id, len(plan.Doc.Pages))
		}
		for pi, page := range plan.Doc.Pages {
			title := ""
			for _, it := range page.Items {
				if x, ok := it.(layout.Text); ok {
					if x.Y < sp.Top+sp.TitleBarH {
						title += x.Str
					} else if x.Y < sp.H-sp.Bottom-sp.FooterH && x.Size < sp.Floors.Body {
						t.Errorf("%s slide %d: %q at %gpt", c.id, pi+1, x.Str, x.Size)
					}
				}
			}
			want := c.title
			if pi > 0 {
				want += layout.Continued
			}
			if strings.ReplaceAll(title, " ", "") != want {
				t.Errorf("%s slide %d is titled %q, want %q", c.id, pi+1, title, want)
			}
		}
	}
}
