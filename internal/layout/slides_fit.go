package layout

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"sodan/internal/diag"
	"sodan/internal/model"
)

// slFit lays out one slide at one shrink step. Every style of the slide is
// set shrinkStep × k points below its size, but never below its MinSize,
// so the slide shrinks as a whole. A trial run only notes whether the slide
// fits; the final run, at the chosen step, also records every problem.
type slFit struct {
	m     Measurer
	k     int
	final bool
	ok    bool
	set   *Setter  // glyph checks and problems (final run only)
	where diag.Loc // position for text the layout wrote itself
	cache slCache  // line breaks already computed for this deck
}

// slCache remembers line breaks: trial runs break the same texts at the
// same widths and sizes again and again.
type slCache map[slBreakKey]slBroken

type slBreakKey struct {
	s           string
	width, size float64
	bold        bool
}

type slBroken struct {
	lines []string
	ok    bool
}

// brk is Break for s in the regular or bold face at size points; the lines
// returned are shared and must not be changed.
func (f *slFit) brk(s string, width, size float64, bold bool) ([]string, bool) {
	key := slBreakKey{s, width, size, bold}
	if b, ok := f.cache[key]; ok {
		return b.lines, b.ok
	}
	lines, ok := Break(s, width, func(x string) float64 { return f.m.Width(x, bold, size) })
	if f.cache != nil {
		f.cache[key] = slBroken{lines, ok}
	}
	return lines, ok
}

// size is st at this step.
func (f *slFit) size(st Style) Style {
	if st.MinSize == 0 || st.MinSize > st.Size {
		st.MinSize = st.Size
	}
	st.Size = math.Max(st.Size-float64(f.k)*shrinkStep, st.MinSize)
	return st
}

// at gives text without a source position the slide's position.
func (f *slFit) at(t model.Text) model.Text {
	if t.Loc.File == "" {
		t.Loc = f.where
	}
	return t
}

// wrap breaks t into lines no wider than width at st's size for this step.
// A word wider than the line makes the slide not fit.
func (f *slFit) wrap(t model.Text, width float64, st Style) Block {
	st = f.size(st)
	lines, whole := f.brk(t.S, width, st.Size, st.Bold)
	b := Block{Lines: lines, Size: st.Size, LineH: st.LineHeight(st.Size), Style: st}
	if f.final {
		f.set.Check(f.at(t))
	}
	if !whole {
		f.fail(t, "「%s」の中の一語（番号・英単語・URL）が枠の幅 %.0fmm に収まりません（%.1fpt まで縮めました）。語を短くするか、枠の広い種類のスライドにしてください",
			excerpt(t.S), math.Max(width, 0), st.Size)
	}
	return b
}

// shrunk is wrap for a phone number or an address, which must not be cut:
// when a word does not fit at this step's size, only this text shrinks
// further, down to its minimum, so one long number does not make the whole
// slide smaller. maxLines > 0 also limits the lines.
func (f *slFit) shrunk(t model.Text, width float64, st Style, maxLines int) Block {
	at := f.size(st)
	k := f.k
	defer func() { f.k = k }()
	f.k = 0
	x := st
	for size := at.Size; size > st.MinSize+1e-9; size -= shrinkStep {
		if lines, ok := f.brk(t.S, width, size, st.Bold); ok && (maxLines == 0 || len(lines) <= maxLines) {
			x.Size, x.MinSize = size, size
			return f.wrap(t, width, x)
		}
	}
	x.Size = st.MinSize
	if maxLines > 0 {
		return f.line(t, width, x, maxLines)
	}
	return f.wrap(t, width, x)
}

// balanced is wrap for headings and short texts, with two touches: a text
// that takes two lines breaks where a phrase ends (see twoLines) when that
// leaves both lines within the width; and a last line of fewer than four
// characters (「か？」 alone) gets company by narrowing the lines, keeping
// their number.
func (f *slFit) balanced(t model.Text, width float64, st Style) Block {
	b := f.wrap(t, width, st)
	n := len(b.Lines)
	if n < 2 || strings.Contains(t.S, "\n") {
		return b
	}
	w := func(s string) float64 { return f.m.Width(s, b.Style.Bold, b.Size) }
	if n == 2 {
		if two := twoLines(t.S, width, w); two != nil {
			b.Lines = two
			return b
		}
	}
	if utf8.RuneCountInString(b.Lines[n-1]) >= 4 {
		return b
	}
	for ww := width - 0.5; ww > width*0.5; ww -= 0.5 {
		lines, ok := f.brk(t.S, ww, b.Size, b.Style.Bold)
		if !ok || len(lines) != n {
			break
		}
		if utf8.RuneCountInString(lines[n-1]) >= 4 {
			b.Lines = lines
			break
		}
	}
	return b
}

// twoLines splits s into two lines no wider than width at the best phrase
// boundary nearest the middle: first after a comma, middle dot, colon,
// closing bracket or space; otherwise where kana meet kanji (まずは｜自社の,
// サービス｜基準), which keeps words such as サービス whole. It returns nil
// when there is no such place.
func twoLines(s string, width float64, w func(string) float64) []string {
	class := func(r rune) int {
		switch {
		case unicode.Is(unicode.Han, r):
			return 1
		case unicode.Is(unicode.Hiragana, r):
			return 2
		case unicode.Is(unicode.Katakana, r) || r == 'ー':
			return 3
		}
		return 0
	}
	var best []string
	bestRank, bestD := 3, math.Inf(1)
	var prev rune
	for i, r := range s {
		if i > 0 {
			rank := 3
			switch {
			case strings.ContainsRune("、，・：；）」』 　", prev):
				rank = 1
			case class(r) == 1 && (class(prev) == 2 || class(prev) == 3), class(prev) == 1 && class(r) == 3:
				rank = 2
			}
			head, tail := strings.TrimRight(s[:i], " "), strings.TrimLeft(s[i:], " ")
			if rank < 3 && rank <= bestRank && head != "" && tail != "" {
				first, _ := utf8.DecodeRuneInString(tail)
				last, _ := utf8.DecodeLastRuneInString(head)
				if !LineStartForbidden(first) && !LineEndForbidden(last) && w(head) <= width && w(tail) <= width {
					if d := math.Abs(w(head) - w(tail)); rank < bestRank || d < bestD {
						best, bestRank, bestD = []string{head, tail}, rank, d
					}
				}
			}
		}
		prev = r
	}
	return best
}

// url breaks a printed address (shortURL) into lines: after a slash when
// the parts between slashes fit, otherwise also after . - _ ? & =. Break
// does this for addresses that keep their scheme; printed ones have none.
func (f *slFit) url(t model.Text, width float64, st Style) Block {
	st = f.size(st)
	w := func(s string) float64 { return f.m.Width(s, st.Bold, st.Size) }
	if f.final {
		f.set.Check(f.at(t))
	}
	lines, ok := fillURL(t.S, width, w, "/")
	if !ok {
		lines, ok = fillURL(t.S, width, w, "/.-_?&=")
	}
	if !ok {
		f.fail(t, "アドレス「%s」の一部が枠の幅 %.0fmm に収まりません（%.1fpt まで縮めました）。枠の広い種類のスライドにしてください",
			excerpt(t.S), math.Max(width, 0), st.Size)
	}
	return Block{Lines: lines, Size: st.Size, LineH: st.LineHeight(st.Size), Style: st}
}

// fillURL fills lines greedily with the parts of u that end after one of
// the bytes in after; ok is false when a part is wider than width.
func fillURL(u string, width float64, w func(string) float64, after string) ([]string, bool) {
	var parts []string
	start := 0
	for i := 0; i < len(u); i++ {
		if strings.IndexByte(after, u[i]) >= 0 && i+1 < len(u) {
			parts = append(parts, u[start:i+1])
			start = i + 1
		}
	}
	parts = append(parts, u[start:])
	var lines []string
	ok := true
	cur := ""
	for _, p := range parts {
		if cur != "" && w(cur+p) > width {
			lines = append(lines, cur)
			cur = ""
		}
		cur += p
		if w(p) > width {
			ok = false
		}
	}
	return append(lines, cur), ok
}

// line is wrap for text that must stay on maxLines lines.
func (f *slFit) line(t model.Text, width float64, st Style, maxLines int) Block {
	b := f.wrap(t, width, st)
	if len(b.Lines) > maxLines {
		f.fail(t, "「%s」が %d 行に収まりません（幅 %.0fmm、%.1fpt まで縮めて %d 行）。文を短くしてください",
			excerpt(t.S), maxLines, width, b.Size, len(b.Lines))
	}
	return b
}

// fail marks the slide as not fitting and, in the final run, records why
// at t's position.
func (f *slFit) fail(t model.Text, format string, args ...any) {
	f.ok = false

	if f.final {
		f.set.Errs.Add(diag.At(f.at(t).Loc, format, args...))
	}
}

// excerpt shortens s for a message.
func excerpt(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if utf8.RuneCountInString(s) <= 24 {
		return s
	}
	r := []rune(s)
	return string(r[:22]) + "…"
}

// maxShrink is the number of steps after which every style of the slide
// layout has reached its minimum size.
func (sp *SlidesSpec) maxShrink() int {
	t := sp.Type
	all := []Style{t.DeckTitle, t.DeckSubtitle, t.Section, t.SectionSubtitle, t.Title, t.Lead, t.Note,
		t.Bullets[0], t.Bullets[1], t.Bullets[2], t.Detail, t.Formula, t.PaneTitle, t.CellTitle, t.CellText,
		t.CellPhone, t.CardName, t.CardText, t.CardPhone, t.CardTag, t.StepLabel, t.StepTitle, t.StepText,
		t.StepRef, t.FlowBox, t.FlowDetail, t.FlowLabel, t.ColumnTitle, t.ColumnText, t.Quote, t.QuoteSource}
	k := 0
	for _, st := range all {
		if n := int(math.Ceil((st.Size - st.MinSize) / shrinkStep)); n > k {
			k = n
		}
	}
	return k
}

// fitSlide runs lay at growing shrink steps until the slide fits, and then
// once more as the final run. When no step fits, the final run at the
// smallest sizes records the problems.
func (p *slPlanner) fitSlide(lay func(f *slFit) []Item) []Item {
	return p.fitBest(lay)
}

// fitBest is fitSlide for several arrangements of the same content: at
// each shrink step it tries them in order, so the largest type wins and the
// earlier arrangement breaks ties. When none fits, the first arrangement
// reports the problems.
func (p *slPlanner) fitBest(opts ...func(f *slFit) []Item) []Item {
	maxK := p.sp.maxShrink()
	for k := 0; k <= maxK; k++ {
		for _, lay := range opts {
			f := &slFit{m: p.m, k: k, ok: true, set: &p.set, where: p.where, cache: p.cache}
			lay(f)
			if f.ok {

				return lay(&slFit{m: p.m, k: k, ok: true, final: true, set: &p.set, where: p.where, cache: p.cache})
			}
		}
	}
	return opts[0](&slFit{m: p.m, k: maxK, ok: true, final: true, set: &p.set, where: p.where, cache: p.cache})
}

// fitsAbove reports whether one of the arrangements fits while st is still
// at least size points: the test for splitting content over more slides
// rather than shrinking it further.
func (p *slPlanner) fitsAbove(opts []func(f *slFit) []Item, st Style, size float64) bool {
	maxK := int(math.Floor((st.Size - size) / shrinkStep))
	for k := 0; k <= maxK; k++ {
		for _, lay := range opts {
			f := &slFit{m: p.m, k: k, ok: true, set: &p.set, where: p.where, cache: p.cache}
			lay(f)
			if f.ok {
				return true
			}
		}
	}
	return false
}

// probe is a trial copy of f at the same step, for measuring.
func (f *slFit) probe() *slFit {
	return &slFit{m: f.m, k: f.k, ok: true, where: f.where, cache: f.cache}
}

// slStack places blocks one under another in a column.
type slStack struct {
	f     *slFit
	x, y  float64
	w     float64
	items []Item
}

// text wraps t to the stack's width after gap mm and draws it; it returns
// the block.
func (s *slStack) text(t model.Text, st Style, gap float64) Block {
	b := s.f.wrap(t, s.w, st)
	s.y += gap
	s.items = append(s.items, b.Draw(s.x, s.y)...)
	s.y += b.Height()
	return b
}

// url is an address that is also a clickable link to href.
func (s *slStack) url(t model.Text, st Style, gap float64, href string) Block {
	b := s.f.url(t, s.w, st)
	s.y += gap
	s.items = append(s.items, b.Draw(s.x, s.y)...)
	s.items = append(s.items, linkOver(s.f.m, b, s.x, s.y, href)...)
	s.y += b.Height()
	return b
}

// number is a phone number or e-mail line, shrunk on its own to stay whole
// on one line.
func (s *slStack) number(t model.Text, st Style, gap float64) Block {
	b := s.f.shrunk(t, s.w, st, 1)
	s.y += gap
	s.items = append(s.items, b.Draw(s.x, s.y)...)
	s.y += b.Height()
	return b
}

// heading is text with balanced lines (see slFit.balanced).
func (s *slStack) heading(t model.Text, st Style, gap float64) Block {
	b := s.f.balanced(t, s.w, st)
	s.y += gap
	s.items = append(s.items, b.Draw(s.x, s.y)...)
	s.y += b.Height()
	return b
}

// link is text that is also a clickable link to url.
func (s *slStack) link(t model.Text, st Style, gap float64, url string) Block {
	top := s.y + gap
	b := s.text(t, st, gap)
	s.items = append(s.items, linkOver(s.f.m, b, s.x, top, url)...)
	return b
}

// linkOver returns a Link covering each line of b drawn at (x, y).
func linkOver(m Measurer, b Block, x, y float64, url string) []Item {
	if url == "" {
		return nil
	}
	var out []Item
	for i, l := range b.Lines {
		w := m.Width(l, b.Style.Bold, b.Size)
		out = append(out, Link{X: round2(x), Y: round2(y + float64(i)*b.LineH), W: round2(w), H: round2(b.LineH), URL: url})
	}
	return out
}

// shortURL is how a URL is printed: without the scheme and without a
// lone trailing slash.
func shortURL(u string) string {
	s := strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	if i := strings.IndexByte(s, '/'); i == len(s)-1 {
		s = s[:i]
	}
	return s
}

// linkURL percent-encodes every byte of u that is not printable ASCII, as
// PDF link annotations need.
func linkURL(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// qrCapacity is how many bytes a QR code of version i+1 at error
// correction level M holds in byte mode.
var qrCapacity = []int{14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666}

// qrModules is the side of the QR code for data, in modules including the
// four-module quiet zone on each side; 0 when data is too long. It assumes
// byte mode, the largest, so the real code is never bigger.
func qrModules(data string) int {
	for i, c := range qrCapacity {
		if len(data) <= c {
			return 17 + 4*(i+1) + 8
		}
	}
	return 0
}

// minQRModule is the smallest QR module the renderer draws, in mm.
const minQRModule = 0.5

// phoneText is how a phone number is printed, with its label.
func phoneText(p model.Phone) model.Text {
	t := phone(p)
	if !p.Label.Empty() {
		t.S += "（" + p.Label.S + "）"
	}
	return t
}

// phone is the number with a telephone sign that stays on its line.
func phone(p model.Phone) model.Text {
	return model.Text{S: "☎\u00a0" + p.Number.S, Loc: p.Number.Loc}
}
