package text

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// breakLines splits text into lines no wider than maxWidth, measuring candidate
// lines with width (same unit as maxWidth). It is the only line breaker for
// Japanese text in this project; fpdf's own wrapping must not be used.
//
// Break opportunities come from UAX #14 (github.com/rivo/uniseg), and lines
// only ever break between grapheme clusters. On top of UAX #14:
//
//   - JIS X 4051 kinsoku: no line starts with a character for which
//     LineStartForbidden is true and no line ends with one for which
//     LineEndForbidden is true. A break that would violate this is not taken;
//     the characters around it move to the next line together (追い出し).
//   - Runs of digits and digit-hyphen-digit runs (03-1234-5678, 03‐3251‐7881,
//     full-width ０３－１２３４) and e-mail addresses are never broken.
//   - A URL (http:// or https:// up to the first character that cannot
//     appear in a URL, such as a space, <, > or any non-ASCII character) is
//     kept whole if it fits on a line by itself; otherwise it breaks only
//     after a slash when every part between slashes fits a line, and else
//     after one of / . - _ ? & = (but not after a hyphen between digits).
//     setting.address applies the same rule to a whole text, for addresses
//     printed without their scheme.
//
// "\n" and "\r\n" end a line; the newline itself is not part of any line.
// An empty line between two newlines is kept as an empty string, and a final
// newline does not start another line (so "" gives no lines and "a\n" gives
// one). Other characters that UAX #14 treats as mandatory breaks (a lone
// "\r", U+000B, U+000C, U+0085, U+2028, U+2029) are kept in the text and are
// only break opportunities.
//
// Spaces (U+0020) at the end of a line are dropped, and a line never starts
// with spaces that followed a break. Apart from those spaces and the
// newlines, no byte is lost, duplicated or reordered: joining the lines gives
// back the input. Invalid UTF-8 is kept byte for byte.
//
// ok is true when every line ended at a real break opportunity. When one
// unbreakable unit (a long word, a number, an e-mail address, or a URL part
// between break points) is wider than maxWidth by itself, breakLines splits it
// between grapheme clusters, preferring UAX #14 breaks and then kinsoku-safe
// positions, and returns ok=false so that the caller can shrink the font. No
// line is then wider than maxWidth unless it is a single grapheme cluster.
//
// width is called once per grapheme cluster and once per line, plus a few
// calls for a line whose real width turns out larger than the sum of its
// parts; breakLines relies on widths being roughly additive only to choose the
// break, and re-measures each chosen line. width must not be nil.
func breakLines(text string, maxWidth float64, width func(string) float64) (lines []string, ok bool) {
	r := breakText(text, maxWidth, setting{width: width})
	return r.lines, r.whole
}

// setting is how breakText sets a text besides its width.
type setting struct {
	width func(string) float64
	// gap is the space the engine puts between a Japanese letter and a
	// Latin letter or digit on the same line (see space.go), in the unit
	// of width; lines are measured with it.
	gap float64
	// address: every paragraph is a web address as printed
	// (www.ipa.go.jp/…, without its scheme), kept whole when it fits and
	// otherwise broken only at its URL break points.
	address bool
	// best chooses the breaks of each paragraph by cost (compose.go),
	// among the lines that keep the fewest lines; otherwise each line is
	// filled as far as it goes.
	best bool
	// justify: the lines will be justified, so a short line costs more.
	// balance: the lines should be about as long as each other
	// (headings), the last one too.
	justify, balance bool
	// em is the size of an em in the unit of width, to tell how far
	// justification would spread a line's characters.
	em float64
	// minLast is the fewest characters, and minShare the least share of
	// maxWidth, of the last line of a paragraph of several lines.
	minLast  int
	minShare float64
	// spare: a paragraph may take one line more than the fewest, when
	// that spares it a bad break (see compose.go).
	spare bool
}

func breakText(text string, maxWidth float64, set setting) broken {
	b := breaker{
		width:   set.width,
		max:     maxWidth,
		limit:   maxWidth + 1e-9*math.Max(1, math.Abs(maxWidth)),
		ok:      true,
		address: set.address,
		set:     set,
	}
	for len(text) > 0 {
		para := text
		text = ""
		if i := strings.IndexByte(para, '\n'); i >= 0 {
			para, text = para[:i], para[i+1:]
			para = strings.TrimSuffix(para, "\r")
		}
		b.paragraph(para)
		if len(b.ends) > 0 {
			b.ends[len(b.ends)-1] = true
		}
	}
	return broken{lines: b.lines, ends: b.ends, whole: b.ok}
}

// Facts about the boundary after a grapheme cluster.
const (
	// bRaw: UAX #14 allows a break here (inside a URL: the URL rule does).
	bRaw uint8 = 1 << iota
	// bKinsoku: the line would neither end nor the next start with a
	// forbidden character.
	bKinsoku
	// bGlue: the boundary is inside a number, an e-mail address or a URL.
	bGlue
	// bURL: a break point inside a URL, after / . - _ ? & =.
	bURL
	// bOpp: a real break opportunity for the greedy fill.
	bOpp
)

// cluster is one grapheme cluster of the paragraph being broken.
type cluster struct {
	end   int     // byte offset just past the cluster
	first rune    // the cluster's first rune (utf8.RuneError for a bad byte)
	last  rune    // the cluster's last rune
	next  rune    // first rune of the next non-space cluster, or -1
	w     float64 // measured width
	flags uint8   // facts about the boundary after the cluster
	space bool    // the cluster is a single U+0020
	gap   float64 // the engine's space between this cluster and the next
}

// breaker holds the state of one breakLines call.
type breaker struct {
	width   func(string) float64
	max     float64 // the limit for a measured line
	limit   float64 // the limit for a sum of cluster widths (max plus rounding slack)
	ok      bool
	address bool // every paragraph is a URL without its scheme
	set     setting
	lines   []string
	ends    []bool // ends[i]: lines[i] ends a paragraph

	cl    []cluster
	spans [][2]int // URL spans of the current paragraph, in byte offsets
	cand  []int    // scratch for fit
}

// paragraph breaks one paragraph (text without newlines) into lines.
func (b *breaker) paragraph(p string) {
	b.segment(p)
	n := len(b.cl)
	if n == 0 {
		b.lines = append(b.lines, "")
		b.ends = append(b.ends, false)
		return
	}
	b.glueNumbers()
	b.glueURLs(p)
	b.glueEmails(p)
	b.kinsoku()
	b.opportunities()

	ok := b.ok
	b.ok = true
	var ends []int
	for pos := 0; pos < n; {
		end := b.fit(p, pos, b.scan(pos))
		ends = append(ends, end)
		pos = b.after(end)
	}
	if b.set.best && b.ok && len(ends) > 1 {
		better, cost := b.best(p, len(ends))
		if b.set.spare && (better == nil || cost >= costKatakana) {
			if more, c := b.best(p, len(ends)+1); more != nil && (better == nil || c+costLine < cost) {
				better = more
			}
		}
		if better != nil {
			ends = better
		}
	}
	b.ok = b.ok && ok
	for i, end := range ends {
		pos := 0
		if i > 0 {
			pos = b.after(ends[i-1])
		}
		b.lines = append(b.lines, b.text(p, pos, end))
		b.ends = append(b.ends, false)
	}
}

// after is the first cluster of the line that follows a break after
// cluster end: the spaces at the break are dropped.
func (b *breaker) after(end int) int {
	pos := end + 1
	for pos < len(b.cl) && b.cl[pos].space {
		pos++
	}
	return pos
}

// measure is the width of the line of clusters pos..end as set: its text
// measured, and the engine's spaces between Japanese and Latin.
func (b *breaker) measure(p string, pos, end int) float64 {
	w := b.width(b.text(p, pos, end))
	for k := pos; k < end; k++ {
		w += b.cl[k].gap // never beside a space
	}
	return w
}

// segment splits p into grapheme clusters, measures them and records where
// UAX #14 allows a break.
func (b *breaker) segment(p string) {
	if n := utf8.RuneCountInString(p); cap(b.cl) < n {
		b.cl = make([]cluster, 0, n)
	}
	b.cl = b.cl[:0]
	state, off, rest := -1, 0, p
	for len(rest) > 0 {
		var c string
		var bounds int
		c, rest, bounds, state = uniseg.StepString(rest, state)
		off += len(c)
		r, _ := utf8.DecodeRuneInString(c)
		var f uint8
		if bounds&uniseg.MaskLine != uniseg.LineDontBreak {
			f = bRaw
		}
		last, _ := utf8.DecodeLastRuneInString(c)
		b.cl = append(b.cl, cluster{end: off, first: r, last: last, w: b.width(c), flags: f, space: c == " "})
	}
	if b.set.gap > 0 {
		for i := 0; i+1 < len(b.cl); i++ {
			if autospaced(b.cl[i].last, b.cl[i+1].first) {
				b.cl[i].gap = b.set.gap
			}
		}
	}
}

// start returns the byte offset where cluster i begins.
func (b *breaker) start(i int) int {
	if i == 0 {
		return 0
	}
	return b.cl[i-1].end
}

// text returns the line made of clusters pos..end without trailing spaces.
func (b *breaker) text(p string, pos, end int) string {
	for end >= pos && b.cl[end].space {
		end--
	}
	if end < pos {
		return ""
	}
	return p[b.start(pos):b.cl[end].end]
}

// kinsoku marks the boundaries where a break leaves no forbidden character
// at a line end or line start. Spaces around a break are dropped, so the
// characters that count are the last non-space one before the boundary and
// the first non-space one after it.
func (b *breaker) kinsoku() {
	cl := b.cl
	next := rune(-1)
	for i := len(cl) - 1; i >= 0; i-- {
		cl[i].next = next
		if !cl[i].space {
			next = cl[i].first
		}
	}
	prev := rune(-1)
	for i := range cl {
		if !cl[i].space {
			prev = cl[i].first
		}
		if (prev < 0 || !LineEndForbidden(prev)) && (cl[i].next < 0 || !LineStartForbidden(cl[i].next)) {
			cl[i].flags |= bKinsoku
		}
	}
}

// opportunities marks the real break opportunities: UAX #14 breaks that
// kinsoku allows and that are not inside a glued unit. URL break points
// count too, but only in a unit that is wider than the line.
func (b *breaker) opportunities() {
	cl := b.cl
	for i := range cl {
		if cl[i].flags&(bRaw|bKinsoku|bGlue) == bRaw|bKinsoku {
			cl[i].flags |= bOpp
		}
	}
	for s := 0; s < len(cl); {
		e, sum, content, url := s, 0.0, 0.0, false
		for ; e < len(cl)-1 && cl[e].flags&bOpp == 0; e++ {
			sum += cl[e].w
			if !cl[e].space {
				content = sum
			}
			url = url || cl[e].flags&bURL != 0
		}
		if !cl[e].space {
			content = sum + cl[e].w
		}
		if url && !(content <= b.limit) {
			slashes := b.slashPartsFit(s, e)
			for k := s; k < e; k++ {
				if cl[k].flags&(bURL|bKinsoku) == bURL|bKinsoku && (!slashes || cl[k].first == '/') {
					cl[k].flags |= bOpp
				}
			}
		}
		s = e + 1
	}
}

// slashPartsFit reports whether the URL unit of clusters s..e has a slash
// to break after and every part of it between slashes fits on a line.
func (b *breaker) slashPartsFit(s, e int) bool {
	sum, any := 0.0, false
	for k := s; k <= e; k++ {
		c := b.cl[k]
		sum += c.w
		if !(sum <= b.limit) {
			return false
		}
		if k < e && c.flags&(bURL|bKinsoku) == bURL|bKinsoku && c.first == '/' {
			sum, any = 0, true
		}
	}
	return any
}

// scan fills a line greedily from cluster pos by summed cluster widths and
// returns the cluster after which the line ends.
func (b *breaker) scan(pos int) int {
	sum, lastOpp := 0.0, -1
	for i := pos; i < len(b.cl); i++ {
		c := &b.cl[i]
		sum += c.w
		if i > pos {
			sum += b.cl[i-1].gap
		}
		if !c.space && !(sum <= b.limit) {
			if lastOpp >= 0 {
				return lastOpp
			}
			b.ok = false
			return b.forced(pos, i-1)
		}
		if c.flags&bOpp != 0 {
			lastOpp = i
		}
	}
	return len(b.cl) - 1
}

// forced chooses where to split a unit that is wider than the line, among
// the clusters pos..last that fit: the last UAX #14 break that kinsoku
// allows, else the last kinsoku-safe cluster boundary, else last.
func (b *breaker) forced(pos, last int) int {
	if last < pos {
		return pos // a single grapheme cluster wider than the line
	}
	safeRaw, safe := -1, -1
	for j := pos; j <= last; j++ {
		if b.cl[j].space {
			continue // the break after the spaces is the same break
		}
		switch f := b.cl[j].flags; {
		case f&(bRaw|bKinsoku) == bRaw|bKinsoku:
			safeRaw = j
		case f&bKinsoku != 0:
			safe = j
		}
	}
	switch {
	case safeRaw >= 0:
		return safeRaw
	case safe >= 0:
		return safe
	}
	return last
}

// fit measures the chosen line pos..end for real and, if it is wider than
// the limit (widths were not additive), moves the end back: to the last real
// opportunity that fits, else to the last cluster that fits.
func (b *breaker) fit(p string, pos, end int) int {
	if b.measure(p, pos, end) <= b.max {
		return end
	}
	if j := b.search(p, pos, end, bOpp); j >= 0 {
		return j
	}
	b.ok = false
	if j := b.search(p, pos, end, 0); j >= 0 {
		return j
	}
	return pos
}

// search returns the last cluster j in pos..end-1 with flags including want
// whose line pos..j measures no wider than the limit, or -1. It bisects,
// assuming a longer line is never narrower.
func (b *breaker) search(p string, pos, end int, want uint8) int {
	b.cand = b.cand[:0]
	for j := pos; j < end; j++ {
		if b.cl[j].flags&want == want && (want != 0 || !b.cl[j].space) {
			b.cand = append(b.cand, j)
		}
	}
	found := -1
	for lo, hi := 0, len(b.cand); lo < hi; {
		mid := int(uint(lo+hi) >> 1)
		if b.measure(p, pos, b.cand[mid]) <= b.max {
			found = b.cand[mid]
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return found
}
