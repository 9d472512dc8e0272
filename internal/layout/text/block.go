package text

import (
	"math"
	"unicode/utf8"

	"sodan/internal/layout"
)

// Block is a text broken into lines at one size. A Block made by a Setter
// also knows how its lines are spaced and justified; one made by hand is
// drawn as its lines are written.
type Block struct {
	Lines []string
	Size  float64 // points
	LineH float64 // mm
	Style layout.Style

	m       layout.Measurer // nil for a block made by hand
	gap     float64         // 和欧間, mm
	measure float64         // the width the lines were set in, mm
	justify bool
	ends    []bool // ends[i]: line i ends a paragraph
}

// Height is the block's height in mm.
func (b Block) Height() float64 { return float64(len(b.Lines)) * b.LineH }

// final reports whether line i ends a paragraph.
func (b Block) final(i int) bool {
	return i >= len(b.Lines)-1 || i < len(b.ends) && b.ends[i]
}

// measurer is the block's own Measurer, else m.
func (b Block) measurer(m layout.Measurer) layout.Measurer {
	if b.m != nil {
		return b.m
	}
	return m
}

// LineWidth is the natural width of line i as drawn, in mm.
func (b Block) LineWidth(m layout.Measurer, i int) float64 {
	return lineWidth(b.measurer(m), b.Lines[i], b.Style.Bold, b.Size, b.gap)
}

// lineWidth is the width of s with the engine's space at each place where
// Japanese meets Latin.
func lineWidth(m layout.Measurer, s string, bold bool, size, gap float64) float64 {
	w := m.Width(s, bold, size)
	if gap > 0 {
		prev := rune(-1)
		for _, r := range s {
			if prev >= 0 && autospaced(prev, r) {
				w += gap
			}
			prev = r
		}
	}
	return w
}

// Draw returns the items that draw the block with its first line's top at
// (x, y). The baseline sits where the glyphs' body is centred in the line.
// A justified block draws every line that does not end a paragraph to
// the width it was set in: what the line falls short is shared equally
// among the gaps between its characters, except those inside a Latin
// word or number, which are not letter-spaced (JIS X 4051 adjusts the
// spacing of Japanese text only).
func (b Block) Draw(x, y float64) []layout.Item {
	items := make([]layout.Item, 0, len(b.Lines))
	for i, l := range b.Lines {
		spacing := 0.0
		if b.justify && b.m != nil && !b.final(i) {
			if n := stretchable(l); n > 0 {
				spacing = max(0, b.measure-b.LineWidth(nil, i)) / float64(n)
			}
		}
		items = b.line(items, i, x, y, spacing)
	}
	return items
}

// isLatinType reports whether r is set as Latin type: letters, digits and
// ASCII punctuation, between which justification adds no space.
func isLatinType(r rune) bool { return '!' <= r && r <= '~' || isLatin(r) }

// stretchable counts the gaps of line l that justification widens: those
// between two characters not both of Latin type.
func stretchable(l string) int {
	n := 0
	prev := rune(-1)
	for _, r := range l {
		if prev >= 0 && !(isLatinType(prev) && isLatinType(r)) {
			n++
		}
		prev = r
	}
	return n
}

// line appends the runs of line i drawn from x on the block drawn at y,
// with spacing mm added at each gap that justification widens: one Text
// for each stretch of Latin type and of Japanese (the Latin drawn without
// spacing), split again where the engine spaces Japanese from Latin.
func (b Block) line(items []layout.Item, i int, x, y, spacing float64) []layout.Item {
	l := b.Lines[i]
	if l == "" {
		return items
	}
	sizeMM := b.Size * layout.PtToMM
	base := layout.Round(y + float64(i)*b.LineH + (b.LineH-sizeMM)/2 + 0.86*sizeMM)
	text := func(s string, at, sp float64) layout.Text {
		return layout.Text{X: layout.Round(at), Y: base, Str: s, Bold: b.Style.Bold, Size: b.Size, Color: b.Style.Color,
			Spacing: math.Round(sp*1e4) / 1e4}
	}
	if b.m == nil || b.gap <= 0 && spacing == 0 {
		return append(items, text(l, x, 0))
	}
	start, at := 0, x
	prev := rune(-1)
	emit := func(end int) {
		run := l[start:end]
		first, _ := utf8.DecodeRuneInString(run)
		sp := spacing
		if isLatinType(first) {
			sp = 0 // a run of Latin type has no gap that stretches
		}
		items = append(items, text(run, at, sp))
		n := float64(utf8.RuneCountInString(run))
		at += b.m.Width(run, b.Style.Bold, b.Size) + sp*(n-1) + spacing
	}
	for k, r := range l {
		if prev >= 0 {
			gap := autospaced(prev, r)
			if gap || spacing > 0 && isLatinType(prev) != isLatinType(r) {
				emit(k)
				if gap {
					at += b.gap
				}
				start = k
			}
		}
		prev = r
	}
	emit(len(l))
	return items
}

// DrawRight is Draw with every line aligned to end at x+w.
func (b Block) DrawRight(m layout.Measurer, x, y, w float64) []layout.Item {
	var items []layout.Item
	for i := range b.Lines {
		items = b.line(items, i, x+w-b.LineWidth(m, i), y, 0)
	}
	return items
}

// DrawCentred is Draw with every line centred in the width w.
func (b Block) DrawCentred(m layout.Measurer, x, y, w float64) []layout.Item {
	var items []layout.Item
	for i := range b.Lines {
		items = b.line(items, i, x+(w-b.LineWidth(m, i))/2, y, 0)
	}
	return items
}

// Width is the width of the block's widest line.
func (b Block) Width(m layout.Measurer) float64 {
	w := 0.0
	for i := range b.Lines {
		w = math.Max(w, b.LineWidth(m, i))
	}
	return w
}

// LastWidth is the width of the block's last line (0 for no lines).
func (b Block) LastWidth(m layout.Measurer) float64 {
	if len(b.Lines) == 0 {
		return 0
	}
	return b.LineWidth(m, len(b.Lines)-1)
}

// Links returns a link to url over each line of the block drawn at (x, y);
// none when url is empty.
func (b Block) Links(m layout.Measurer, x, y float64, url string) []layout.Item {
	if url == "" {
		return nil
	}
	var out []layout.Item
	for i := range b.Lines {
		out = append(out, layout.Link{X: layout.Round(x), Y: layout.Round(y + float64(i)*b.LineH),
			W: layout.Round(b.LineWidth(m, i)), H: layout.Round(b.LineH), URL: url})
	}
	return out
}
