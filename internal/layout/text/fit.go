// Package text sets text for every layout: it breaks Japanese lines (UAX
// #14, JIS X 4051 kinsoku, numbers, e-mail addresses and URLs kept whole)
// and fits a text into a box, shrinking it down to its style's minimum
// size. It is the one fitting engine: the quick list, the slides, the N-up
// pages and the report set every line through a Setter.
package text

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/model"
	"sodan/internal/yamlpos"
)

// Step is how much a size shrinks per step, in points.
const Step = 0.5

// Rules are what a text must keep besides its width: a number of lines, a
// height, and how its lines are chosen.
type Rules struct {
	MaxLines  int     // at most this many lines (0: any number)
	MaxHeight float64 // at most this high, in mm (0: any height)
	// MinLastLine is the fewest characters the last line of a text of
	// several lines should have: a shorter one gets company by setting the
	// lines narrower, keeping their size and number (0: no such rule).
	MinLastLine int
	// Phrases breaks a text of two lines where a phrase ends (after a
	// comma or a closing bracket, or where kana meet kanji) when that
	// leaves both lines within the width: for headings.
	Phrases bool
	// Address marks a web address as printed, without its scheme: it is
	// kept whole when it fits and otherwise broken only after / . - _ ? & =
	// (see breakAddress).
	Address bool
}

// Setter sets texts in the fonts of one Measurer, collecting every
// problem with the position of the text it concerns, so that one run
// reports them all. It remembers the line breaks it made: layouts that try
// several arrangements set the same texts again and again.
type Setter struct {
	m     layout.Measurer
	Errs  diag.List
	cache map[breakKey]broken
	seen  map[checkKey]bool
}

type breakKey struct {
	s             string
	width, size   float64
	bold, address bool
}

type broken struct {
	lines []string
	whole bool
}

type checkKey struct {
	loc diag.Loc
	s   string
}

// NewSetter returns a Setter measuring with m.
func NewSetter(m layout.Measurer) *Setter {
	return &Setter{m: m, cache: map[breakKey]broken{}, seen: map[checkKey]bool{}}
}

// Measurer is the Measurer the Setter measures with.
func (s *Setter) Measurer() layout.Measurer { return s.m }

// Check reports, once per text, every character of t that the fonts cannot
// draw, naming the character, its code point and its place; a text
// without a position is reported at the style it is set in. It returns
// false if there is any. It is the one glyph check of the layouts: Fit and
// Try call it for every text they set.
func (s *Setter) Check(t model.Text, st layout.Style) bool {
	if t.Loc.File == "" {
		t.Loc = st.Loc
	}
	key := checkKey{t.Loc, t.S}
	if ok, done := s.seen[key]; done {
		return ok
	}
	ok := true
	bad := map[rune]bool{}
	i := 0
	for _, r := range t.S {
		i++
		if r == '\n' || bad[r] || s.m.HasGlyph(r) {
			continue
		}
		bad[r] = true
		ok = false
		s.Errs.Add(diag.At(t.Loc, "%s", yamlpos.GlyphMessage(r, i)))
	}
	s.seen[key] = ok
	return ok
}

// Fit sets t in lines no wider than width mm in style st, keeping r: it
// tries st.Size and then smaller sizes, Step points at a time, down to
// st.MinSize, and keeps the first at which the lines keep r and no word
// had to be cut. When even the smallest size does not do, it records the
// problem at t's position (or st's, for a text the layout writes) and
// returns the smallest-size block, so that the layout can go on and report
// further problems.
func (s *Setter) Fit(t model.Text, width float64, st layout.Style, r Rules) (Block, bool) {
	b, ok := s.Try(t, width, st, r)
	if !ok {
		if t.Loc.File == "" {
			t.Loc = st.Loc
		}
		s.Errs.Add(diag.At(t.Loc, "%s", s.problem(t.S, width, b, r)))
	}
	return b, ok
}

// Try is Fit without recording a problem when the text does not fit: for
// trial layouts, and for texts that go elsewhere when they do not fit
// here. Characters the fonts cannot draw are recorded all the same.
func (s *Setter) Try(t model.Text, width float64, st layout.Style, r Rules) (Block, bool) {
	s.Check(t, st)
	min := st.Smallest()
	b, whole := s.at(t.S, width, st, st.Size, r)
	if !(whole && fits(b, r)) && min < st.Size {
		// Give up at once when even the smallest size does not fit, rather
		// than breaking a long text again at every size in between.
		small, whole := s.at(t.S, width, st, min, r)
		if !(whole && fits(small, r)) {
			return small, false
		}
		b = small
		for size := st.Size - Step; size > min+1e-9; size -= Step {
			if x, whole := s.at(t.S, width, st, size, r); whole && fits(x, r) {
				b = x
				break
			}
		}
	} else if !(whole && fits(b, r)) {
		return b, false
	}
	return s.finish(t.S, width, b, r), true
}

// at breaks text at size.
func (s *Setter) at(text string, width float64, st layout.Style, size float64, r Rules) (Block, bool) {
	lines, whole := s.lines(text, width, st.Bold, size, r.Address)
	st.Size = size
	return Block{Lines: lines, Size: size, LineH: st.LineHeight(size), Style: st}, whole
}

// lines is breakLines (or breakAddress) at size, remembered; the lines
// returned are shared and must not be changed.
func (s *Setter) lines(text string, width float64, bold bool, size float64, address bool) ([]string, bool) {
	key := breakKey{text, width, size, bold, address}
	if b, ok := s.cache[key]; ok {
		return b.lines, b.whole
	}
	w := func(x string) float64 { return s.m.Width(x, bold, size) }
	var lines []string
	var whole bool
	if address {
		lines, whole = breakAddress(text, width, w)
	} else {
		lines, whole = breakLines(text, width, w)
	}
	s.cache[key] = broken{lines, whole}
	return lines, whole
}

func fits(b Block, r Rules) bool {
	if r.MaxLines > 0 && len(b.Lines) > r.MaxLines {
		return false
	}
	if r.MaxHeight > 0 && b.Height() > r.MaxHeight+1e-6 {
		return false
	}
	return true
}

// finish applies the rules that choose among line breaks at the size
// found: phrases for two lines, then the last line's length.
func (s *Setter) finish(text string, width float64, b Block, r Rules) Block {
	n := len(b.Lines)
	if n < 2 || strings.Contains(text, "\n") {
		return b
	}
	w := func(x string) float64 { return s.m.Width(x, b.Style.Bold, b.Size) }
	if r.Phrases && n == 2 {
		if two := twoLines(text, width, w); two != nil {
			b.Lines = two
			return b
		}
	}
	if r.MinLastLine == 0 || utf8.RuneCountInString(b.Lines[n-1]) >= r.MinLastLine {
		return b
	}
	for ww := width - 0.5; ww > width*0.5; ww -= 0.5 {
		lines, whole := s.lines(text, ww, b.Style.Bold, b.Size, r.Address)
		if !whole || len(lines) != n {
			break
		}
		if utf8.RuneCountInString(lines[n-1]) >= r.MinLastLine {
			b.Lines = lines
			break
		}
	}
	return b
}

// problem says why b, the text at its smallest size, does not keep r.
func (s *Setter) problem(text string, width float64, b Block, r Rules) string {
	var limits []string
	if r.MaxLines > 0 {
		limits = append(limits, fmt.Sprintf("%d 行まで", r.MaxLines))
	}
	if r.MaxHeight > 0 {
		limits = append(limits, fmt.Sprintf("高さ %.0fmm まで", r.MaxHeight))
	}
	limit := ""
	if len(limits) > 0 {
		limit = "・" + strings.Join(limits, "・")
	}
	reason := fmt.Sprintf("%d 行になります", len(b.Lines))
	if _, whole := s.lines(text, width, b.Style.Bold, b.Size, r.Address); !whole {
		reason = "一語（番号・英単語・URL）が枠の幅より長くなります"
	}
	return fmt.Sprintf("「%s」が枠に収まりません（幅 %.0fmm%s）。%.1fpt まで縮めても%s。文を短くしてください",
		Excerpt(text), max(width, 0), limit, b.Size, reason)
}

// Excerpt shortens s for a message: its first 22 characters, with line
// breaks as spaces.
func Excerpt(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if utf8.RuneCountInString(s) <= 24 {
		return s
	}
	r := []rune(s)
	return string(r[:22]) + "…"
}
