// Package text sets text for every layout: it breaks Japanese lines (UAX
// #14, JIS X 4051 kinsoku, numbers, e-mail addresses and URLs kept whole),
// chooses among the breaks that keep the fewest lines by cost, preferring
// phrase boundaries to breaks inside words (compose.go), spaces Japanese
// from Latin letters and digits (space.go), justifies paragraphs, and fits
// a text into a box, shrinking it down to its style's minimum size. It is
// the one fitting engine: the quick list, the slides, the N-up pages and
// the report set every line through a Setter.
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
// height, and how its lines are chosen and drawn.
type Rules struct {
	MaxLines  int     // at most this many lines (0: any number)
	MaxHeight float64 // at most this high, in mm (0: any height)
	// Balance chooses lines of about the same length, the last one too:
	// for headings and the text of boxes.
	Balance bool
	// Justify draws every line of a paragraph but its last to the full
	// width (両端揃え), spreading what is left over the gaps between its
	// characters; a line is never set tighter than its natural width.
	Justify bool
	// Address marks a web address as printed, without its scheme: it is
	// kept whole when it fits and otherwise broken only after / . - _ ? & =
	// (see setting.address).
	Address bool
}

// Composition is how a layout file asks the engine to set Japanese text:
// the same for every text of one output.
type Composition struct {
	// LatinSpace is the space between a Japanese letter and a Latin
	// letter or digit, in em (和欧間; see space.go).
	LatinSpace float64
	// MinLastLine is the fewest characters the last line of a paragraph
	// of several lines has; never fewer than MinLastChars.
	MinLastLine int
	// MinLastShare is the least share of the line's width that the last
	// line of a paragraph of several lines takes (0: no such rule).
	MinLastShare float64
}

// Limits of a Composition, which the layout checker keeps.
const (
	// MinLatinSpace is the narrowest 和欧間: an eighth of an em, as CSS
	// text-autospace sets it.
	MinLatinSpace = 0.125
	// MaxLatinSpace is the widest: a quarter em, as JIS X 4051 sets it.
	MaxLatinSpace = 0.25
	// MinLastChars is the fewest characters of a paragraph's last line
	// in any output: a last line of one or two characters is never set
	// while the paragraph can be broken otherwise on as many lines.
	MinLastChars = 3
)

// Default is the composition of a Setter made by NewSetter, for an
// output whose layout file does not say: no 和欧間 (text is spaced as it
// is typed) and no last line under MinLastChars characters.
var Default = Composition{MinLastLine: MinLastChars}

// Setter sets texts in the fonts of one Measurer, collecting every
// problem with the position of the text it concerns, so that one run
// reports them all. It remembers the line breaks it made: layouts that try
// several arrangements set the same texts again and again.
type Setter struct {
	m     layout.Measurer
	c     Composition
	Errs  diag.List
	cache map[breakKey]broken
	seen  map[checkKey]bool
}

type breakKey struct {
	s                      string
	width, size            float64
	bold, address, balance bool
	justify, spare         bool
}

type broken struct {
	lines []string
	ends  []bool // ends[i]: lines[i] ends a paragraph
	whole bool
}

type checkKey struct {
	loc diag.Loc
	s   string
}

// NewSetter returns a Setter measuring with m in the Default composition.
func NewSetter(m layout.Measurer) *Setter { return New(m, Default) }

// New returns a Setter measuring with m in the composition c.
func New(m layout.Measurer, c Composition) *Setter {
	c.MinLastLine = max(c.MinLastLine, MinLastChars)
	return &Setter{m: m, c: c, cache: map[breakKey]broken{}, seen: map[checkKey]bool{}}
}

// Composition is the composition the Setter sets in.
func (s *Setter) Composition() Composition { return s.c }

// Width is the natural width of s set on one line at size, in mm: its
// glyphs and the engine's spaces between Japanese and Latin, after the
// spaces those replace are dropped.
func (s *Setter) Width(str string, bold bool, size float64) float64 {
	return lineWidth(s.m, s.normalize(str), bold, size, s.gap(size))
}

// normalize drops the spaces typed where the engine puts its own (see
// space.go); without 和欧間 the text is set as typed.
func (s *Setter) normalize(str string) string {
	if s.c.LatinSpace <= 0 {
		return str
	}
	return normalize(str)
}

// gap is the 和欧間 at size, in mm.
func (s *Setter) gap(size float64) float64 { return s.c.LatinSpace * size * layout.PtToMM }

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
	return b, true
}

// at breaks text at size: with a line to spare for a better break when
// the rules leave room for it, else in the fewest lines.
func (s *Setter) at(text string, width float64, st layout.Style, size float64, r Rules) (Block, bool) {
	st.Size = size
	block := func(br broken) Block {
		return Block{Lines: br.lines, Size: size, LineH: st.LineHeight(size), Style: st,
			m: s.m, gap: s.gap(size), measure: width, justify: r.Justify, ends: br.ends}
	}
	br := s.lines(text, width, st.Bold, size, r, true)
	if b := block(br); br.whole && fits(b, r) {
		return b, true
	}
	br = s.lines(text, width, st.Bold, size, r, false)
	return block(br), br.whole
}

// lines breaks text at size, remembered; what it returns is shared and
// must not be changed.
func (s *Setter) lines(text string, width float64, bold bool, size float64, r Rules, spare bool) broken {
	key := breakKey{text, width, size, bold, r.Address, r.Balance, r.Justify, spare}
	if b, ok := s.cache[key]; ok {
		return b
	}
	set := setting{
		width:    func(x string) float64 { return s.m.Width(x, bold, size) },
		gap:      s.gap(size),
		address:  r.Address,
		best:     true,
		justify:  r.Justify,
		em:       size * layout.PtToMM,
		balance:  r.Balance,
		minLast:  s.c.MinLastLine,
		minShare: s.c.MinLastShare,
		spare:    spare,
	}
	b := breakText(s.normalize(text), width, set)
	s.cache[key] = b
	return b
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
	if br := s.lines(text, width, b.Style.Bold, b.Size, r, false); !br.whole {
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
