package text

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Choosing the breaks of a paragraph. The greedy fill (scan) finds the
// fewest lines the paragraph can take; best then chooses, among the
// breaks that keep that number of lines, the ones that cost least, the
// way TeX chooses a paragraph's breaks:
//
//   - each break costs by what it splits (breakCost): nothing between
//     Latin words or after 、。 and closing brackets; little between
//     phrases (文節), where kana give way to a kanji, katakana or Latin
//     word (but not after a single kana that is not a particle, as in
//     取り|組む or お|助け); more inside a phrase; much inside a compound
//     of kanji, most where a single kanji would be left on one side
//     (相|談窓口, 注意喚|起); most of all inside a katakana word. Numbers, Latin words, e-mail addresses and
//     URLs are never broken at all (break.go);
//   - each line but the last costs by the square of its short fall from
//     the measure, six times as much when it will be justified (its short
//     fall becomes space between its characters), and a justified line
//     whose gaps would widen by more than an eighth of an em costs a
//     little more (costSpread); for headings (balance) the last line too,
//     so the lines come out even;
//   - a last line of fewer than minLast characters, or narrower than
//     minShare of the measure, costs so much that it is chosen only when
//     nothing else keeps the number of lines;
//   - when a text may take a line more (setting.spare) and the fewest
//     lines can only be had by splitting a katakana word or breaking the
//     last-line rules, a line more is taken if it costs less (costLine).
//
// A break at a phrase boundary therefore always wins over one inside a
// word when both keep the number of lines.

// Costs of a break by what it splits (see breakCost).
const (
	costFree      = 0   // between Latin words, after 、。 or a closing bracket
	costOpening   = 0.5 // before an opening bracket
	costPhrase    = 1   // where kana give way to kanji or katakana, or Latin meets Japanese
	costScript    = 3   // between a kanji and a katakana word
	costParticle  = 3   // after a particle, inside a run of hiragana
	costKana      = 5   // inside a run of hiragana
	costOkurigana = 6   // between a word and the kana that end it or attach to it
	costCompound  = 20  // inside a compound of kanji, a kanji left alone on one side: 相|談窓口
	costWords     = 8   // between two words of a long compound, two kanji or more on each side: 基準|適合
	costKatakana  = 100 // inside a katakana word
	costOther     = 2

	// costRule is added for a last line that breaks minLast or minShare.
	costRule = 1000
	// costLine is the cost of a line more than the fewest, when the text
	// may take one (setting.spare): dearer than any break but one inside
	// a katakana word, and than a last line that breaks the rules.
	costLine = 60
	// slackCost and justifiedCost weigh the square of a line's short fall
	// as a share of the measure.
	slackCost     = 10.0
	justifiedCost = 60.0
	// costSpread is added for a justified line whose gaps would each
	// widen by more than maxSpread em, an eighth (the loosest a reader
	// does not notice): dearer than a break inside a run of kana, so
	// that 相談して|ください wins over 切らずに|相談してください on a loose
	// line, but far cheaper than a break inside a compound or a katakana
	// word, which a phrase boundary always beats.
	costSpread = 4
	maxSpread  = 0.125
)

// script is the kind of letter a rune is, for breakCost.
type script int

const (
	scriptOther script = iota
	scriptHan
	scriptHiragana
	scriptKatakana
	scriptLatin
	scriptDigit
)

func scriptOf(r rune) script {
	switch {
	case '0' <= r && r <= '9':
		return scriptDigit
	case isLatin(r):
		return scriptLatin
	case r == '々' || r == '〆' || unicode.Is(unicode.Han, r):
		return scriptHan
	case unicode.Is(unicode.Hiragana, r):
		return scriptHiragana
	case r == 'ー' || r == 'ヶ' || r == 'ヵ' || unicode.Is(unicode.Katakana, r) && r != '・':
		return scriptKatakana
	}
	return scriptOther
}

// isCounter reports whether r is a unit or counter that a number keeps
// with it (JIS X 4051 keeps numbers with their units).
func isCounter(r rune) bool {
	return strings.ContainsRune("年月日時分秒円件人歳回個台枚番号条段割倍％%か", r)
}

// isParticle reports whether r is a hiragana that is often a particle
// (助詞) on its own: a phrase may end after it.
func isParticle(r rune) bool { return strings.ContainsRune("はがをにでとのへもやてば", r) }

// breakCost is the cost of a break between the runes a and b, where
// before is the rune before a and after the one after b (-1 for none);
// space says that spaces stood between a and b.
func breakCost(before, a, b, after rune, space bool) float64 {
	switch {
	case space:
		return costFree
	case strings.ContainsRune("、。，．！？!?", a) || LineStartForbidden(a) && isJapanesePunct(a) && !strings.ContainsRune("・：；ー〜～", a):
		return costFree
	case LineEndForbidden(b):
		return costOpening
	}
	x, y := scriptOf(a), scriptOf(b)
	switch {
	case x == scriptDigit && isCounter(b):
		return costCompound // a number and its unit: 24|時間, 2026|年
	case strings.ContainsRune("年月", a) && y == scriptDigit:
		return costKana // between the parts of a date: 2026年|12月
	case (b == 'お' || b == 'ご') && after >= 0 && scriptOf(after) == scriptHan && x != scriptHiragana:
		return costPhrase // an honorific prefix starts a word: お助け, ご相談
	case x == scriptHiragana && y == scriptHan && !isParticle(a) && (before < 0 || scriptOf(before) != scriptHiragana):
		// One kana between kanji is the ending of a word that goes on
		// (取り|組む, 駆け|付け) or a prefix (お|助け): inside a word.
		return costOkurigana
	case x == scriptHiragana && (y == scriptHan || y == scriptKatakana || y == scriptLatin || y == scriptDigit):
		return costPhrase
	case (x == scriptHan || x == scriptKatakana) && (y == scriptLatin || y == scriptDigit):
		return costPhrase
	case (x == scriptLatin || x == scriptDigit) && (y == scriptHan || y == scriptKatakana):
		return costScript
	case x == scriptHan && y == scriptKatakana, x == scriptKatakana && y == scriptHan:
		return costScript
	case x == scriptHiragana && y == scriptHiragana:
		if isParticle(a) {
			return costParticle
		}
		return costKana
	case y == scriptHiragana && x != scriptOther:
		return costOkurigana
	case x == scriptHan && y == scriptHan:
		if scriptOf(before) == scriptHan && scriptOf(after) == scriptHan {
			return costWords
		}
		return costCompound
	case x == scriptKatakana && y == scriptKatakana:
		return costKatakana
	}
	return costOther
}

// best chooses where the n lines of the paragraph p end (the last cluster
// of each line), at the least cost, and returns the cost; nil when no n
// lines do or the chosen lines measure wider than the limit after all
// (widths that are not additive).
func (b *breaker) best(p string, n int) ([]int, float64) {
	cl := b.cl
	N := len(cl)
	if !(b.max > 0) || math.IsInf(b.max, 0) {
		return nil, 0
	}
	// Prefix sums of widths and gaps: line s..e is W[e+1]-W[s] plus
	// G[e]-G[s] wide (e its last cluster that is not a space).
	// S counts the gaps that justification widens (stretchable).
	W := make([]float64, N+1)
	G := make([]float64, N+1)
	S := make([]int, N+1)
	for i, c := range cl {
		W[i+1] = W[i] + c.w
		G[i+1] = G[i] + c.gap
		S[i+1] = S[i]
		if i+1 < N && !(isLatinType(c.last) && isLatinType(cl[i+1].first)) {
			S[i+1]++
		}
	}
	// content[e] is the last cluster at or before e that is not a space.
	content := make([]int, N)
	last := -1
	for i, c := range cl {
		if !c.space {
			last = i
		}
		content[i] = last
	}
	cands := make([]int, 0, N/2+1)
	for k := 0; k < N-1; k++ {
		if cl[k].flags&bOpp != 0 {
			cands = append(cands, k)
		}
	}
	cands = append(cands, N-1)
	C := len(cands)

	set := b.set
	minLast := set.minLast
	weight := slackCost
	if set.justify {
		weight = justifiedCost
	}
	width := func(s, e int) float64 {
		e = content[e]
		if e < s {
			return 0
		}
		return W[e+1] - W[s] + G[e] - G[s]
	}
	lineCost := func(s, e int, final bool) float64 {
		w := width(s, e)
		short := (b.max - w) / b.max
		c := 0.0
		if !final || set.balance {
			c += weight * short * short
		}
		if !final && set.justify && set.em > 0 {
			// Justified, the line's short fall is shared among its
			// stretchable gaps; more than maxSpread each shows.
			if n := S[content[e]] - S[s]; n > 0 && (b.max-w)/float64(n) > maxSpread*set.em {
				c += costSpread
			} else if n == 0 && b.max-w > maxSpread*set.em {
				c += costSpread
			}
		}
		if !final {
			x, before := rune(' '), rune(-1)
			if ce := content[e]; ce >= 0 {
				x = cl[ce].last
				if ce > 0 && !cl[ce-1].space {
					before = cl[ce-1].last
				}
			}
			y, after := cl[e].next, rune(-1)
			if k := b.after(e); k+1 < N && !cl[k+1].space {
				after = cl[k+1].first
			}
			c += breakCost(before, x, y, after, cl[e].space || e+1 < N && cl[e+1].space)
			return c
		}
		if minLast > 0 {
			from := b.start(s)
			if e2 := content[e]; e2 >= s && utf8.RuneCountInString(p[from:cl[e2].end]) < minLast {
				c += costRule
			}
		}
		if set.minShare > 0 && w < set.minShare*b.max {
			c += costRule
		}
		return c
	}

	// lo[ci] is the fewest lines that can end at candidate ci, rest[ci]
	// the fewest lines the text after it needs: line j may end at ci only
	// when lo[ci] <= j <= n-rest[ci], a range of one or two lines for most
	// candidates, which keeps the search linear in the paragraph's length.
	inf := math.Inf(1)
	const unreachable = math.MaxInt32
	lo := make([]int, C)
	rest := make([]int, C)
	for ci := range C {
		lo[ci] = unreachable
		if width(0, cands[ci]) <= b.limit {
			lo[ci] = 1
			continue
		}
		for pi := ci - 1; pi >= 0; pi-- {
			s := b.after(cands[pi])
			if s <= cands[ci] && width(s, cands[ci]) > b.limit {
				break
			}
			if lo[pi] < unreachable {
				lo[ci] = min(lo[ci], lo[pi]+1)
			}
		}
	}
	for ci := C - 1; ci >= 0; ci-- {
		if ci == C-1 {
			rest[ci] = 0
			continue
		}
		rest[ci] = unreachable
		s := b.after(cands[ci])
		for ki := ci + 1; ki < C; ki++ {
			if s <= cands[ki] && width(s, cands[ki]) > b.limit {
				break
			}
			if rest[ki] < unreachable {
				rest[ci] = min(rest[ci], rest[ki]+1)
			}
		}
	}
	if lo[C-1] > n {
		return nil, 0
	}
	// cost[ci][j-lo[ci]] is the least cost of lines 1..j with line j
	// ending at ci; prev the candidate where line j-1 ends.
	cost := make([][]float64, C)
	prev := make([][]int32, C)
	for ci := range C {
		if lo[ci] == unreachable || rest[ci] == unreachable || lo[ci] > n-rest[ci] {
			continue
		}
		k := n - rest[ci] - lo[ci] + 1
		cost[ci] = make([]float64, k)
		prev[ci] = make([]int32, k)
		for i := range cost[ci] {
			cost[ci][i] = inf
		}
	}
	at := func(ci, j int) float64 {
		if cost[ci] == nil || j < lo[ci] || j-lo[ci] >= len(cost[ci]) {
			return inf
		}
		return cost[ci][j-lo[ci]]
	}
	for ci := range C {
		e := cands[ci]
		final := ci == C-1
		for jj := range cost[ci] {
			j := lo[ci] + jj
			if final != (j == n) {
				continue // the paragraph's end ends line n, and only it
			}
			if j == 1 {
				if width(0, e) <= b.limit {
					cost[ci][jj] = lineCost(0, e, final)
					prev[ci][jj] = -1
				}
				continue
			}
			for pi := ci - 1; pi >= 0; pi-- {
				s := b.after(cands[pi])
				if s > e {
					continue
				}
				if width(s, e) > b.limit {
					break // an earlier start is wider still
				}
				pc := at(pi, j-1)
				if pc == inf {
					continue
				}
				if c := pc + lineCost(s, e, final); c < cost[ci][jj] {
					cost[ci][jj], prev[ci][jj] = c, int32(pi)
				}
			}
		}
	}
	if at(C-1, n) == inf {
		return nil, 0
	}
	ends := make([]int, n)
	for j, ci := n, C-1; j >= 1; j-- {
		ends[j-1] = cands[ci]
		ci = int(prev[ci][j-lo[ci]])
	}
	for i, e := range ends {
		s := 0
		if i > 0 {
			s = b.after(ends[i-1])
		}
		if b.measure(p, s, e) > b.max {
			return nil, 0
		}
	}
	return ends, at(C-1, n)
}
