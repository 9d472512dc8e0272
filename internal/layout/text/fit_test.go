package text_test

import (
	"fmt"
	"strings"
	"testing"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

func mm(chars, size float64) float64 { return chars * size * layout.PtToMM }
func style(size, min float64) layout.Style {
	return layout.Style{Size: size, MinSize: min, Leading: 1.5}
}

var loc = diag.Loc{Pos: diag.Pos{File: "sources/contacts.yaml", Line: 7, Col: 14}, Field: "contacts[0].purpose"}

func src(s string) model.Text { return model.Text{S: s, Loc: loc} }

// TestFitShrinks: a text that needs two lines at 10 pt but may take one
// is set at the largest size at which it takes one line.
func TestFitShrinks(t *testing.T) {
	s := text.NewSetter(layouttest.Fake{Missing: "⛄"})
	// 12 characters in the width of 10 characters at 10 pt: one line from
	// 10×10/12 = 8.33 pt down, so 8 pt.
	b, ok := s.Fit(src("相談窓口の電話番号一覧表"), mm(10, 10), style(10, 6), text.Rules{MaxLines: 1})
	if !ok || b.Size != 8 || len(b.Lines) != 1 || len(s.Errs) != 0 {
		t.Errorf("got %v %gpt %q %v", ok, b.Size, b.Lines, s.Errs)
	}
	// Fitting at its size, it keeps it.
	b, ok = s.Fit(src("相談窓口"), mm(10, 10), style(10, 6), text.Rules{MaxLines: 1})
	if !ok || b.Size != 10 {
		t.Errorf("got %v %gpt", ok, b.Size)
	}
	if b.LineH != 10*layout.PtToMM*1.5 || b.Height() != b.LineH {
		t.Errorf("line height %g, height %g", b.LineH, b.Height())
	}
}

// TestFitGivesUpAtOnce: a text too long even at the smallest size is
// broken at two sizes only (its own and the smallest), not at every step
// in between, and the problem names the text, the width, the limit and
// the smallest size.
func TestFitGivesUpAtOnce(t *testing.T) {
	f := layouttest.Fake{Sizes: map[float64]int{}}
	s := text.NewSetter(f)
	long := strings.Repeat("相談窓口の案内。", 4000) // 32,000 characters
	b, ok := s.Fit(src(long), mm(30, 10), style(20, 8), text.Rules{MaxLines: 4})
	if ok {
		t.Fatal("a 32,000-character text fitted 4 lines")
	}
	if len(f.Sizes) != 2 || f.Sizes[20] == 0 || f.Sizes[8] == 0 {
		t.Errorf("measured at sizes %v, want only 20 and 8", f.Sizes)
	}
	if b.Size != 8 {
		t.Errorf("returned the block at %gpt, want the smallest", b.Size)
	}
	want := "sources/contacts.yaml:7:14: contacts[0].purpose: 「相談窓口の案内。相談窓口の案内。相談窓口の案…」が枠に収まりません（幅 " + fmt.Sprintf("%.0f", mm(30, 10)) + "mm・4 行まで）。8.0pt まで縮めても"
	if got := s.Errs.Error(); !strings.HasPrefix(got, want) {
		t.Errorf("got  %s\nwant %s…", got, want)
	}
}

// TestFitWordTooWide: a word wider than the box is cut and reported.
func TestFitWordTooWide(t *testing.T) {
	s := text.NewSetter(layouttest.Fake{Missing: "⛄"})
	b, ok := s.Fit(src("0120-123-456"), mm(3, 10), style(10, 9), text.Rules{})
	if ok || len(b.Lines) < 2 || !strings.Contains(s.Errs.Error(), "一語（番号・英単語・URL）が枠の幅より長くなります") {
		t.Errorf("got %v %q\n%v", ok, b.Lines, s.Errs)
	}
}

// TestTryRecordsNoFit: Try fails quietly when a text does not fit, but a
// character the fonts lack is recorded all the same, once per text.
func TestTryRecordsNoFit(t *testing.T) {
	s := text.NewSetter(layouttest.Fake{Missing: "⛄"})
	if _, ok := s.Try(src("とても長い相談窓口の名前"), mm(3, 10), style(10, 10), text.Rules{MaxLines: 1}); ok || len(s.Errs) != 0 {
		t.Errorf("Try: ok %v, %v", ok, s.Errs)
	}
	for range 3 {
		s.Try(src("雪だるま⛄です"), mm(30, 10), style(10, 10), text.Rules{})
	}
	if len(s.Errs) != 1 || !strings.HasPrefix(s.Errs[0].String(), "sources/contacts.yaml:7:14: contacts[0].purpose: 「⛄」（U+26C4、5 文字目）") {
		t.Errorf("got %v", s.Errs)
	}
}

// TestOwnTextAtItsStyle: a text the layout writes itself (without a
// position) is reported where its style is written.
func TestOwnTextAtItsStyle(t *testing.T) {
	s := text.NewSetter(layouttest.Fake{Missing: "⛄"})
	st := style(10, 10)
	st.Loc = diag.Loc{Pos: diag.Pos{File: "layouts/quicklist-a4.yaml", Line: 40, Col: 12}, Field: "styles.footer"}
	s.Fit(model.Text{S: "1 / 2 ページ⛄"}, mm(2, 10), st, text.Rules{MaxLines: 1})
	for _, d := range s.Errs {
		if d.Pos != st.Loc.Pos || d.Field != "styles.footer" {
			t.Errorf("reported at %v %s", d.Pos, d.Field)
		}
	}
	if len(s.Errs) != 2 {
		t.Errorf("want the glyph and the fit, got %v", s.Errs)
	}
}

// TestAddress: a printed web address breaks after a slash when every part
// fits, and is never broken inside a part; as ordinary text it may break
// after the hyphen.
func TestAddress(t *testing.T) {
	s := text.NewSetter(layouttest.Fake{Missing: "⛄"})
	u := "www.example-shop.jp/security/action"
	b, ok := s.Fit(src(u), mm(10, 10), style(10, 10), text.Rules{Address: true})
	if !ok || strings.Join(b.Lines, "|") != "www.example-shop.jp/|security/action" {
		t.Errorf("address: %v %q", ok, b.Lines)
	}
	b, ok = s.Fit(src(u), mm(7, 10), style(10, 10), text.Rules{Address: true})
	if !ok || strings.Join(b.Lines, "|") != "www.example-|shop.jp/|security/|action" {
		t.Errorf("narrow address: %v %q", ok, b.Lines)
	}
}

// TestExcerpt shortens long texts for messages.
func TestExcerpt(t *testing.T) {
	if got := text.Excerpt("短い\n文"); got != "短い 文" {
		t.Errorf("%q", got)
	}
	if got := text.Excerpt(strings.Repeat("あ", 30)); got != strings.Repeat("あ", 22)+"…" {
		t.Errorf("%q", got)
	}
}

// BenchmarkFitHuge is a 300,000-character text that cannot fit: the
// setter gives up after breaking it at two sizes.
func BenchmarkFitHuge(b *testing.B) {
	long := strings.Repeat("相談窓口の案内。", 37500)
	for b.Loop() {
		s := text.NewSetter(layouttest.Fake{Missing: "⛄"})
		s.Fit(src(long), mm(30, 10), style(20, 8), text.Rules{MaxLines: 4})
	}
}

// Set a text in a box 12 characters wide: kinsoku keeps 「 off a line's end
// and 。 off a line's start, the phone number stays whole, and the line
// breaks after the sentence rather than inside 電話：.
func ExampleSetter_Fit() {
	s := text.NewSetter(layouttest.Fake{Missing: "⛄"})
	st := layout.Style{Size: 10, MinSize: 10, Leading: 1.5}
	b, ok := s.Fit(model.Text{S: "相談は「東京都テレワーク推進センター」へ。電話：0120-970-396"}, mm(12, 10), st, text.Rules{})
	for _, line := range b.Lines {
		fmt.Println(line)
	}
	fmt.Println(ok, len(s.Errs))
	// Output:
	// 相談は「東京都テレワーク
	// 推進センター」へ。
	// 電話：0120-970-396
	// true 0
}
