package text

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"sodan/internal/layout"
	"sodan/internal/model"
)

// fake measures every character one em wide and ASCII half an em, at
// any size, bold or not.
type fake struct{}

func (fake) Width(s string, _ bool, size float64) float64 { return unitWidth(s) * size * layout.PtToMM }
func (fake) HasGlyph(rune) bool                           { return true }
func (fake) QRModules(string) int                         { return 25 }

// em is n ems at 10 pt, in mm.
func em(n float64) float64 { return n * 10 * layout.PtToMM }

var ten = layout.Style{Size: 10, MinSize: 10, Leading: 1.5}

func set(s *Setter, t string, width float64, r Rules) Block {
	b, _ := s.Fit(model.Text{S: t}, em(width), ten, r)
	return b
}

// TestPhraseBreaks: a break between phrases wins over one inside a word
// whenever both keep the number of lines; a word is split only when
// nothing else fits.
func TestPhraseBreaks(t *testing.T) {
	s := New(fake{}, Composition{})
	for _, tt := range []struct {
		text  string
		width float64 // ems
		want  string
	}{
		{"情報セキュリティ対策支援サイトを見る", 10, "情報セキュリティ|対策支援サイトを見る"},
		{"まずは相談窓口に電話する", 5, "まずは|相談窓口に|電話する"},
		{"インターネット上の違法情報", 7, "インターネット|上の違法情報"},
		{"偽サイトの一覧がありますので見てください", 12, "偽サイトの一覧が|ありますので見てください"},
		// A single kana that is not a particle does not end a phrase.
		{"中小企業が自ら対策に取り組む制度", 10, "中小企業が自ら対策に|取り組む制度"},
		{"サイバーセキュリティお助け隊サービス", 12, "サイバーセキュリティ|お助け隊サービス"},
		// Nothing else keeps two lines: the word is split.
		{"ワンストップ", 4, "ワンス|トップ"},
	} {
		got := strings.Join(set(s, tt.text, tt.width, Rules{}).Lines, "|")
		greedy, _ := breakLines(tt.text, tt.width, unitWidth)
		if got != tt.want {
			t.Errorf("%s in %v ems: %s (greedy %q), want %s", tt.text, tt.width, got, greedy, tt.want)
		}
		if n := strings.Count(got, "|") + 1; n != len(greedy) {
			t.Errorf("%s: %d lines, greedy %d", tt.text, n, len(greedy))
		}
	}
}

// TestMinLastLine: a last line of one character gets company from the
// line before, at the same size and in as many lines, in any composition;
// the layout may ask for more characters.
func TestMinLastLine(t *testing.T) {
	txt := "ひらがなとカタカナとかんじの文章でした"
	greedy, _ := breakLines(txt, 9, unitWidth)
	if last := greedy[len(greedy)-1]; utf8.RuneCountInString(last) != 1 {
		t.Fatalf("the fixture should leave one character on the last line when filled greedily: %q", greedy)
	}
	for _, c := range []Composition{{}, {MinLastLine: 5}} {
		b := set(New(fake{}, c), txt, 9, Rules{})
		want := max(c.MinLastLine, MinLastChars)
		if len(b.Lines) != len(greedy) || utf8.RuneCountInString(b.Lines[len(b.Lines)-1]) < want {
			t.Errorf("min_last_line %d: %q", c.MinLastLine, b.Lines)
		}
		if strings.Join(b.Lines, "") != txt {
			t.Errorf("lost text: %q", b.Lines)
		}
	}
}

// TestMinLastShare: on slides the last line takes at least its share of
// the width.
func TestMinLastShare(t *testing.T) {
	txt := "被害の調査や復旧を頼める事業者を探せます"
	b := set(New(fake{}, Composition{MinLastShare: 0.25}), txt, 16, Rules{})
	if len(b.Lines) != 2 || utf8.RuneCountInString(b.Lines[1]) < 4 {
		t.Errorf("%q", b.Lines)
	}
}

// TestBalance: a heading of two lines breaks after the comma nearest the
// middle rather than where the first line is full.
func TestBalance(t *testing.T) {
	h := "まずは相談、それから届け出る"
	greedy, _ := breakLines(h, 10, unitWidth)
	if len(greedy) != 2 || greedy[0] == "まずは相談、" {
		t.Fatalf("the fixture should break after the 10th character: %q", greedy)
	}
	if b := set(New(fake{}, Composition{}), h, 10, Rules{Balance: true}); strings.Join(b.Lines, "|") != "まずは相談、|それから届け出る" {
		t.Errorf("balanced: %q", b.Lines)
	}
}

// TestLatinSpace: the engine puts its space between Japanese and Latin
// letters or digits, replaces a space typed there, and puts none next to
// Japanese punctuation or between Latin words.
func TestLatinSpace(t *testing.T) {
	s := New(fake{}, Composition{LatinSpace: 0.25})
	for _, tt := range []struct {
		text, runs string // runs: the Text items, joined by |
		gaps       int
	}{
		{"Webで受付", "Web|で受付", 1},
		{"Word ファイルを開く", "Word|ファイルを開く", 1},
		{"2025年4月から", "2025|年|4|月から", 3},
		{"（IPA）の窓口", "（IPA）の窓口", 0},
		{"「Emotet」に注意", "「Emotet」に注意", 0},
		{"窓口 ［Web］", "窓口［Web］", 0},
		{"Windows Update を使う", "Windows Update|を使う", 1},
		{"警察庁 フィッシング", "警察庁 フィッシング", 0},
	} {
		b := set(s, tt.text, 40, Rules{})
		items := b.Draw(0, 0)
		var runs []string
		for _, it := range items {
			runs = append(runs, it.(layout.Text).Str)
		}
		if got := strings.Join(runs, "|"); got != tt.runs {
			t.Errorf("%q: runs %q, want %q", tt.text, got, tt.runs)
		}
		// Each run starts where the one before ends, plus the space.
		at := 0.0
		for i, it := range items {
			x := it.(layout.Text)
			if i > 0 {
				at += em(0.25)
			}
			if math.Abs(x.X-at) > 0.011 {
				t.Errorf("%q: run %q at %.2f, want %.2f", tt.text, x.Str, x.X, at)
			}
			at += fake{}.Width(x.Str, false, 10)
		}
		want := fake{}.Width(strings.Join(runs, ""), false, 10) + float64(tt.gaps)*em(0.25)
		if w := b.Width(nil); math.Abs(w-want) > 1e-9 {
			t.Errorf("%q: width %.3f, want %.3f", tt.text, w, want)
		}
	}
}

// TestJustify: every line of a paragraph but its last ends at the
// measure, with no space added inside a Latin word; the last line, and a
// line before a newline, keep their natural width.
func TestJustify(t *testing.T) {
	s := New(fake{}, Composition{LatinSpace: 0.25})
	txt := "中小企業のためのセキュリティ対策を、Webの資料で学びます。\n次の段落です。"
	b := set(s, txt, 11.3, Rules{Justify: true})
	if len(b.Lines) < 3 {
		t.Fatalf("the fixture should take three lines or more: %q", b.Lines)
	}
	items := b.Draw(0, 0)
	ends := map[float64]float64{} // baseline → end of the line
	spaced := map[float64]bool{}
	for _, it := range items {
		x := it.(layout.Text)
		n := float64(utf8.RuneCountInString(x.Str))
		ends[x.Y] = x.X + fake{}.Width(x.Str, false, 10) + (n-1)*x.Spacing
		spaced[x.Y] = spaced[x.Y] || x.Spacing > 0
		if x.Spacing < 0 {
			t.Errorf("%q squeezed", x.Str)
		}
		if r, _ := utf8.DecodeRuneInString(x.Str); isLatinType(r) && x.Spacing != 0 {
			t.Errorf("Latin run %q letter-spaced", x.Str)
		}
	}
	for i := range b.Lines {
		y := items[0].(layout.Text).Y + float64(i)*b.LineH
		var end float64
		var sp bool
		for yy, e := range ends {
			if math.Abs(yy-y) < 0.02 {
				end, sp = e, spaced[yy]
			}
		}
		final := b.final(i)
		switch {
		case !final && math.Abs(end-em(11.3)) > 0.05:
			t.Errorf("line %d %q ends at %.2f, want %.2f", i, b.Lines[i], end, em(11.3))
		case final && sp:
			t.Errorf("line %d %q ends a paragraph but is spaced", i, b.Lines[i])
		}
	}
}

// TestBestCorpus: the breaks chosen by cost keep every rule of the greedy
// fill (checkBreak) and its number of lines, with and without 和欧間.
func TestBestCorpus(t *testing.T) {
	texts := corpus(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for _, m := range measures[:2] {
		for _, text := range texts {
			for range 6 {
				max := (2 + rng.Float64()*40) * m.scale
				gap := 0.25 * m.scale * float64(rng.IntN(2))
				w := func(s string) float64 { return m.width(s) }
				greedy := breakText(text, max, setting{width: w, gap: gap})
				best := breakText(text, max, setting{width: w, gap: gap, best: true, justify: rng.IntN(2) == 0, minLast: 3, minShare: 0.25})
				if len(best.lines) != len(greedy.lines) || best.whole != greedy.whole {
					t.Fatalf("%s, max %v: %d lines (whole %v), greedy %d (whole %v)\ntext: %q", m.name, max, len(best.lines), best.whole, len(greedy.lines), greedy.whole, text)
				}
				if gap == 0 {
					if err := checkBreak(text, max, m.width, best.lines, best.whole); err != nil {
						t.Fatalf("%s, max %v: %v\ntext: %q\nlines: %q", m.name, max, err, text, best.lines)
					}
				}
			}
		}
	}
}
