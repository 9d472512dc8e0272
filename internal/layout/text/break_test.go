package text

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// unitWidth counts an ASCII byte as half a unit and anything else (including
// an invalid byte) as one unit.
func unitWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < utf8.RuneSelf {
			w += 0.5
		} else {
			w += 1
		}
	}
	return w
}

// mmWidth approximates a 10.5 pt Japanese font in millimetres: 3.7 mm for a
// full-width character, half that for ASCII.
func mmWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < utf8.RuneSelf {
			w += 1.85
		} else {
			w += 3.7
		}
	}
	return w
}

// superWidth is not additive: a string is wider than the sum of its parts,
// so Break has to re-measure and move breaks back.
func superWidth(s string) float64 {
	u := unitWidth(s)
	return u * (1 + u/100)
}

var measures = []struct {
	name  string
	width func(string) float64
	scale float64 // roughly the width of one full-width character
}{
	{"unit", unitWidth, 1},
	{"mm", mmWidth, 3.7},
	{"superadditive", superWidth, 1},
}

func TestBreak(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		max    float64
		want   []string
		wantOK bool
	}{
		{
			name: "full stop not at line start",
			text: "あいうえお。かきく",
			max:  5,
			want: []string{"あいうえ", "お。かきく"}, wantOK: true,
		},
		{
			name: "comma not at line start",
			text: "あいうえ、かきくけ",
			max:  4,
			want: []string{"あいう", "え、かき", "くけ"}, wantOK: true,
		},
		{
			name: "closing bracket not at line start",
			text: "これは「テスト」です",
			max:  7,
			want: []string{"これは「テス", "ト」です"}, wantOK: true,
		},
		{
			name: "closing parenthesis not at line start",
			text: "事業継続計画（BCP）の策定",
			max:  8,
			want: []string{"事業継続計画", "（BCP）の策定"}, wantOK: true,
		},
		{
			name: "opening bracket not at line end",
			text: "あいうえ（かき）",
			max:  5,
			want: []string{"あいうえ", "（かき）"}, wantOK: true,
		},
		{
			name: "opening corner bracket not at line end",
			text: "ここで「5分でできる！」",
			max:  4,
			want: []string{"ここで", "「5分で", "でき", "る！」"}, wantOK: true,
		},
		{
			name: "small kana not at line start",
			text: "ああちょっと",
			max:  3,
			want: []string{"ああ", "ちょっ", "と"}, wantOK: true,
		},
		{
			name: "prolonged sound mark not at line start",
			text: "ああコーヒー",
			max:  3,
			want: []string{"ああ", "コー", "ヒー"}, wantOK: true,
		},
		{
			name: "small kana pushes the previous character",
			text: "あいうえおっと",
			max:  5,
			want: []string{"あいうえ", "おっと"}, wantOK: true,
		},
		{
			// UAX #14 allows a break before ～ (U+FF5E); kinsoku does not.
			name: "wave dash not at line start",
			text: "ああ～いい",
			max:  2,
			want: []string{"あ", "あ～", "いい"}, wantOK: true,
		},
		{
			// UAX #14 allows a break after a space before 〜; kinsoku does not.
			name: "wave dash after a space not at line start",
			text: "5分 〜 10分",
			max:  2.5,
			want: []string{"5", "分 〜", "10分"}, wantOK: true,
		},
		{
			name: "ASCII closing punctuation stays with its word",
			text: "See (IPA), please.",
			max:  3.5,
			want: []string{"See", "(IPA),", "please."}, wantOK: true,
		},
		{
			name: "phone number with ASCII hyphens not split",
			text: "電話番号は03-1234-5678です",
			max:  8,
			want: []string{"電話番号は", "03-1234-5678です"}, wantOK: true,
		},
		{
			// UAX #14 allows a break after U+2010 HYPHEN.
			name: "phone number with U+2010 hyphens not split",
			text: "電話番号は03‐3251‐7881です",
			max:  8,
			want: []string{"電話番号は", "03‐3251‐7881で", "す"}, wantOK: true,
		},
		{
			name: "full-width phone number not split",
			text: "電話：０３－１２３４－５６７８",
			max:  12,
			want: []string{"電話：", "０３－１２３４－５６７８"}, wantOK: true,
		},
		{
			name: "free dial and short number not split",
			text: "☎0120-970-396 または #9110 へ",
			max:  7,
			want: []string{"☎0120-970-396", "または #9110", "へ"}, wantOK: true,
		},
		{
			name: "e-mail address not split",
			text: "メール：info@jpcert.or.jp まで",
			max:  9,
			want: []string{"メール：", "info@jpcert.or.jp", "まで"}, wantOK: true,
		},
		{
			// UAX #14 allows a break after each hyphen here.
			name: "e-mail address with hyphens not split",
			text: "連絡先 first-last@example-mail.jp",
			max:  14,
			want: []string{"連絡先", "first-last@example-mail.jp"}, wantOK: true,
		},
		{
			name: "URL that fits on a line moves whole",
			text: "詳細はhttps://tokyo-telework.jp/を参照",
			max:  14,
			want: []string{"詳細は", "https://tokyo-telework.jp/を", "参照"}, wantOK: true,
		},
		{
			name: "long URL breaks after a slash",
			text: "参照：https://www.ipa.go.jp/security/it-service/service_list.html",
			max:  19.5,
			want: []string{
				"参照：https://www.ipa.go.jp/security/",
				"it-service/service_list.html",
			},
			wantOK: true,
		},
		{
			name: "long URL in angle brackets",
			text: "<https://www.tokyo-kosha.or.jp/support/shien/sodan/>",
			max:  12,
			want: []string{
				"<https://www.tokyo-",
				"kosha.or.jp/support/",
				"shien/sodan/>",
			},
			wantOK: true,
		},
		{
			name: "Latin words kept whole",
			text: "This is a pen and an apple",
			max:  5,
			want: []string{"This is a", "pen and an", "apple"}, wantOK: true,
		},
		{
			name: "Latin words inside Japanese kept whole",
			text: "SECURITY ACTION 中小企業",
			max:  5,
			want: []string{"SECURITY", "ACTION 中", "小企業"}, wantOK: true,
		},
		{
			name: "spaces at a break are dropped",
			text: "abc   def",
			max:  2,
			want: []string{"abc", "def"}, wantOK: true,
		},
		{
			name: "forced breaks",
			text: "あい\n\nう\r\nえお\n",
			max:  10,
			want: []string{"あい", "", "う", "えお"}, wantOK: true,
		},
		{
			name: "trailing spaces before a newline are dropped",
			text: "abc  \n  def",
			max:  10,
			want: []string{"abc", "  def"}, wantOK: true,
		},
		{
			name: "other mandatory breaks are only opportunities",
			text: "ab\u2028cd\ref",
			max:  2,
			want: []string{"ab\u2028", "cd\r", "ef"}, wantOK: true,
		},
		{
			name: "empty text",
			text: "",
			max:  10,
			want: nil, wantOK: true,
		},
		{
			name: "only a newline",
			text: "\n",
			max:  10,
			want: []string{""}, wantOK: true,
		},
		{
			name: "over-long Latin word",
			text: "Supercalifragilistic",
			max:  5,
			want: []string{"Supercalif", "ragilistic"}, wantOK: false,
		},
		{
			name: "over-long word starts a line of its own",
			text: "単語 Supercalifragilistic です",
			max:  5,
			want: []string{"単語", "Supercalif", "ragilistic", "です"}, wantOK: false,
		},
		{
			name: "over-long phone number splits after a hyphen first",
			text: "03‐3251‐7881",
			max:  4,
			want: []string{"03‐", "3251‐", "7881"}, wantOK: false,
		},
		{
			name: "over-long kinsoku run",
			text: "ああ。。。。。。",
			max:  3,
			want: []string{"あ", "あ。。", "。。。", "。"}, wantOK: false,
		},
		{
			name: "single character wider than the line",
			text: "あい",
			max:  0.5,
			want: []string{"あ", "い"}, wantOK: false,
		},
		{
			name: "invalid UTF-8 kept",
			text: "あ\xffい\xfe\xfdう",
			max:  2,
			want: []string{"あ\xff", "い", "\xfe\xfd", "う"}, wantOK: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := breakLines(tt.text, tt.max, unitWidth)
			if !slices.Equal(got, tt.want) || ok != tt.wantOK {
				t.Errorf("breakLines(%q, %v)\n got %q, %v\nwant %q, %v", tt.text, tt.max, got, ok, tt.want, tt.wantOK)
			}
			if err := checkBreak(tt.text, tt.max, unitWidth, got, ok); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestBreakOddWidths(t *testing.T) {
	text := "相談窓口（IPA）は03-5978-7508まで。"
	for _, max := range []float64{0, -1, math.NaN(), math.Inf(1), math.Inf(-1), 1e-300} {
		lines, ok := breakLines(text, max, unitWidth)
		if err := checkBreak(text, max, unitWidth, lines, ok); err != nil {
			t.Errorf("max %v: %v", max, err)
		}
		if want := max >= 1; ok != want {
			t.Errorf("max %v: ok = %v, want %v", max, ok, want)
		}
	}
	// A width function that returns NaN must not make Break loop or panic.
	nan := func(string) float64 { return math.NaN() }
	lines, ok := breakLines(text, 10, nan)
	if ok || strings.Join(lines, "") != text {
		t.Errorf("NaN widths: got %q, %v", lines, ok)
	}
}

func TestLineStartForbidden(t *testing.T) {
	for _, r := range "、。，．）」』】〕〉》］｝・：；？！‐ー々ゝゞヽヾ〜" +
		"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇹㇿ" + ")]},.:;!?" {
		if !LineStartForbidden(r) {
			t.Errorf("LineStartForbidden(%q) = false", r)
		}
	}
	for _, r := range "あア亜Aa1（「『【〔〈《［｛([{ 　-" {
		if LineStartForbidden(r) {
			t.Errorf("LineStartForbidden(%q) = true", r)
		}
	}
}

func TestLineEndForbidden(t *testing.T) {
	for _, r := range "（「『【〔〈《［｛([{" {
		if !LineEndForbidden(r) {
			t.Errorf("LineEndForbidden(%q) = false", r)
		}
	}
	for _, r := range "あア亜Aa1）」』】〕〉》］｝)]}、。 　-" {
		if LineEndForbidden(r) {
			t.Errorf("LineEndForbidden(%q) = true", r)
		}
	}
}

// TestBreakCorpus breaks real paragraphs at random widths with several
// measures and checks the contract of Break on every result.
func TestBreakCorpus(t *testing.T) {
	texts := corpus(t)
	rng := rand.New(rand.NewPCG(1, 2))
	var runs, notOK int
	for _, m := range measures {
		for _, text := range texts {
			for range 12 {
				max := (1 + rng.Float64()*40) * m.scale
				lines, ok := breakLines(text, max, m.width)
				runs++
				if err := checkBreak(text, max, m.width, lines, ok); err != nil {
					t.Fatalf("%s, max %v: %v\ntext: %q\nlines: %q", m.name, max, err, text, lines)
				}
				if !ok {
					notOK++
					// From 30 full-width characters up, every unit of the
					// corpus fits on a line.
					if max >= 30*m.scale && m.name != "superadditive" {
						t.Errorf("%s, max %v: ok = false\ntext: %q\nlines: %q", m.name, max, text, lines)
					}
				}
			}
		}
	}
	t.Logf("%d texts, %d calls, %d with ok=false", len(texts), runs, notOK)
}

// TestBreakWidthCalls checks that Break measures each grapheme cluster once
// and each line once when widths are additive, and stays far from quadratic
// when they are not.
func TestBreakWidthCalls(t *testing.T) {
	para := longParagraph(t, 3000)
	clusters := uniseg.GraphemeClusterCount(para)
	for _, m := range measures {
		calls := 0
		width := func(s string) float64 { calls++; return m.width(s) }
		lines, _ := breakLines(para, 170*m.scale/3.7, width)
		limit := clusters + len(lines)
		if m.name == "superadditive" {
			limit = clusters + 20*len(lines)
		}
		if calls > limit {
			t.Errorf("%s: %d width calls for %d clusters and %d lines, want at most %d", m.name, calls, clusters, len(lines), limit)
		}
		t.Logf("%s: %d width calls, %d clusters, %d lines", m.name, calls, clusters, len(lines))
	}
}

func FuzzBreak(f *testing.F) {
	for i, text := range corpus(f) {
		if len(text) < 2000 {
			f.Add(text, uint16(i*37%400), uint8(i))
		}
	}
	for _, text := range []string{
		"", "\n", "\r\n", "\r", "\r\r\n", " \n ", "   ", "「", "」", "。あ", "あ「\nい",
		"03-1234-5678", "a@b.c", "@@@", "x@y", "https://", "http://a/b/c?d=e&f=g_h-i.j",
		"hTTps://例え.jp/", "\xff\xfe\xfd", "e\u0301\u0301\u0301", "🇯🇵🇯🇵", "👨‍👩‍👧",
		"\u0600（", "a\u2028b\u2029c\u0085d\ve\ff",
	} {
		f.Add(text, uint16(4), uint8(0))
	}
	f.Fuzz(func(t *testing.T, text string, w uint16, kind uint8) {
		var max float64
		switch w {
		case 0xffff:
			max = math.NaN()
		case 0xfffe:
			max = math.Inf(1)
		case 0xfffd:
			max = -1
		default:
			max = float64(w%2000) / 20
		}
		m := measures[int(kind)%len(measures)]
		lines, ok := breakLines(text, max, m.width)
		if err := checkBreak(text, max, m.width, lines, ok); err != nil {
			t.Fatalf("%s, max %v: %v\ntext: %q\nlines: %q", m.name, max, err, text, lines)
		}
	})
}

func BenchmarkBreak(b *testing.B) {
	para := longParagraph(b, 3000)
	calls := 0
	width := func(s string) float64 { calls++; return mmWidth(s) }
	var lines []string
	b.ReportAllocs()
	for b.Loop() {
		lines, _ = breakLines(para, 170, width)
	}
	b.ReportMetric(float64(calls)/float64(b.N), "widthcalls/op")
	b.ReportMetric(float64(len(lines)), "lines")
}

// checkBreak checks one result of Break against its contract:
//   - joining the lines gives back text without its newlines and without the
//     spaces at the end of each line; nothing else is lost, added or moved;
//   - an empty line only stands for an empty paragraph (or dropped spaces);
//   - no line is wider than maxWidth, unless ok is false and the line is a
//     single grapheme cluster;
//   - when ok is true, no line that follows a soft break starts with a
//     LineStartForbidden character, no line that ends at one ends with a
//     LineEndForbidden character, and no soft break splits a Latin word or
//     a number.
func checkBreak(text string, maxWidth float64, width func(string) float64, lines []string, ok bool) error {
	rest := text
	afterSoft := false
	for i, line := range lines {
		if strings.Contains(line, "\n") {
			return fmt.Errorf("line %d %q contains a newline", i, line)
		}
		if !strings.HasPrefix(rest, line) {
			return fmt.Errorf("line %d is %q, but the input continues with %q", i, line, clip(rest))
		}
		rest = rest[len(line):]
		if lastCluster(line) == " " {
			return fmt.Errorf("line %d %q ends with a space", i, line)
		}
		if strings.HasSuffix(line, "\r") && strings.HasPrefix(rest, "\n") {
			return fmt.Errorf("line %d %q keeps the \\r of a \\r\\n", i, line)
		}
		dropped := 0
		for strings.HasPrefix(rest, " ") {
			if c, _, _, _ := uniseg.FirstGraphemeClusterInString(rest, -1); c != " " {
				break // a space with a combining mark is not a space
			}
			rest = rest[1:]
			dropped++
		}
		hard := true
		switch {
		case strings.HasPrefix(rest, "\r\n"):
			rest = rest[2:]
		case strings.HasPrefix(rest, "\n"):
			rest = rest[1:]
		default:
			hard = false
		}
		soft := !hard && rest != ""
		if line == "" && dropped == 0 && !hard {
			return fmt.Errorf("line %d is empty but no newline or space follows it", i)
		}

		if line != "" {
			if w := width(line); !(w <= maxWidth) && (ok || uniseg.GraphemeClusterCount(line) > 1) {
				return fmt.Errorf("line %d %q is %v wide, more than %v (ok=%v)", i, line, w, maxWidth, ok)
			}
		}
		if ok && line != "" {
			first, _ := utf8.DecodeRuneInString(line)
			if afterSoft && LineStartForbidden(first) {
				return fmt.Errorf("line %d %q starts with %q", i, line, first)
			}
			if last := lastBase(line); soft && LineEndForbidden(last) {
				return fmt.Errorf("line %d %q ends with %q", i, line, last)
			}
			if soft && dropped == 0 {
				a, size := utf8.DecodeLastRuneInString(line)
				a2, _ := utf8.DecodeLastRuneInString(line[:len(line)-size])
				c, n := utf8.DecodeRuneInString(rest)
				c2, _ := utf8.DecodeRuneInString(rest[n:])
				if isASCIIAlnum(a) && isASCIIAlnum(c) ||
					isDigit(a) && isDigit(c) ||
					isDigit(a2) && isHyphen(a) && isDigit(c) ||
					isDigit(a) && isHyphen(c) && isDigit(c2) {
					return fmt.Errorf("line %d %q breaks a word or number before %q", i, line, clip(rest))
				}
			}
		}
		afterSoft = soft
	}
	if rest != "" {
		return fmt.Errorf("input left over after the last line: %q", clip(rest))
	}
	return nil
}

// lastCluster returns the last grapheme cluster of s.
func lastCluster(s string) string {
	var last string
	state := -1
	for len(s) > 0 {
		last, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
	}
	return last
}

// lastBase returns the first rune of the last grapheme cluster of s.
func lastBase(s string) rune {
	r, _ := utf8.DecodeRuneInString(lastCluster(s))
	return r
}

func isASCIIAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// clip shortens s for an error message.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}

// corpus returns texts made from testdata/paragraphs.txt: the whole file,
// each block between blank lines as it is, each block with its line breaks
// removed (slides break sentences in the middle), and long paragraphs of
// about 3,000 characters.
func corpus(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile("testdata/paragraphs.txt")
	if err != nil {
		tb.Fatal(err)
	}
	all := string(data)
	texts := []string{all}
	for _, block := range strings.Split(all, "\n\n") {
		if strings.TrimSpace(block) == "" {
			continue
		}
		texts = append(texts, block)
		if strings.Contains(block, "\n") {
			texts = append(texts, strings.ReplaceAll(block, "\n", ""))
		}
	}
	texts = append(texts, longParagraph(tb, 3000), longParagraph(tb, 500))
	return texts
}

// longParagraph joins the lines of testdata/paragraphs.txt into one
// paragraph of at least n characters.
func longParagraph(tb testing.TB, n int) string {
	tb.Helper()
	data, err := os.ReadFile("testdata/paragraphs.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var sb strings.Builder
	count := 0
	for count < n {
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			sb.WriteString(line)
			count += utf8.RuneCountInString(line)
			if count >= n {
				break
			}
		}
	}
	return sb.String()
}
