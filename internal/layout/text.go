package layout

import (
	"fmt"
	"math"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/model"
	"sodan/internal/yamlpos"
)

// PtToMM converts points to millimetres.
const PtToMM = 25.4 / 72

// Style is how a block of text is set. Sizes are in points; Leading is the
// line height as a multiple of the size.
type Style struct {
	Size    float64
	MinSize float64 // text may shrink down to this size to fit; 0 means Size
	Leading float64
	Bold    bool
	Color   Color
}

// LineHeight is the height of one line at size, in mm.
func (st Style) LineHeight(size float64) float64 {
	l := st.Leading
	if l == 0 {
		l = 1.5
	}
	return size * PtToMM * l
}

// Block is a text broken into lines at one size.
type Block struct {
	Lines []string
	Size  float64 // points
	LineH float64 // mm
	Style Style
}

// Height is the block's height in mm.
func (b Block) Height() float64 { return float64(len(b.Lines)) * b.LineH }

// Draw returns the items that draw the block with its first line's top at
// (x, y). The baseline sits where the glyphs' body is centred in the line.
func (b Block) Draw(x, y float64) []Item {
	items := make([]Item, 0, len(b.Lines))
	sizeMM := b.Size * PtToMM
	for i, l := range b.Lines {
		if l == "" {
			continue
		}
		base := y + float64(i)*b.LineH + (b.LineH-sizeMM)/2 + 0.86*sizeMM
		items = append(items, Text{X: x, Y: round2(base), Str: l, Bold: b.Style.Bold, Size: b.Size, Color: b.Style.Color})
	}
	return items
}

// DrawRight is Draw with every line aligned to end at x+w.
func (b Block) DrawRight(m Measurer, x, y, w float64) []Item {
	items := b.Draw(x, y)
	for i, it := range items {
		t := it.(Text)
		t.X = round2(x + w - m.Width(t.Str, t.Bold, t.Size))
		items[i] = t
	}
	return items
}

// DrawCentred is Draw with every line centred in the width w.
func (b Block) DrawCentred(m Measurer, x, y, w float64) []Item {
	items := b.Draw(x, y)
	for i, it := range items {
		t := it.(Text)
		t.X = round2(x + (w-m.Width(t.Str, t.Bold, t.Size))/2)
		items[i] = t
	}
	return items
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// Limit bounds a block: at most MaxLines lines and MaxHeight mm (zero means
// no bound).
type Limit struct {
	MaxLines  int
	MaxHeight float64
}

// Setter checks, breaks and fits text, collecting every problem with the
// position of the source text it came from, so one run reports them all.
type Setter struct {
	M    Measurer
	Errs diag.List
}

// shrinkStep is how much a size shrinks per step, in points.
const shrinkStep = 0.5

// Check reports characters the embedded fonts cannot draw (missing glyphs,
// characters outside the Basic Multilingual Plane, control characters),
// naming each character and its code point. It returns false if any.
func (s *Setter) Check(t model.Text) bool {
	ok := true
	seen := map[rune]bool{}
	i := 0
	for _, r := range t.S {
		i++
		if r == '\n' || seen[r] || s.M.HasGlyph(r) {
			continue
		}
		seen[r] = true
		ok = false
		s.Errs.Add(diag.At(t.Loc, "%s", yamlpos.GlyphMessage(r, i)))
	}
	return ok
}

// Fit breaks t to lines no wider than width mm in style st, shrinking the
// size step by step down to st.MinSize until the lines fit lim and no word
// had to be cut. When even the smallest size does not fit, it records a
// problem naming the source text and returns the smallest-size block, so
// layout can go on and report further problems.
func (s *Setter) Fit(t model.Text, width float64, st Style, lim Limit) (Block, bool) {
	s.Check(t)
	min := st.MinSize
	if min == 0 || min > st.Size {
		min = st.Size
	}
	var b broken
	for size := st.Size; size >= min-1e-9; size -= shrinkStep {
		b = s.breakAt(t.S, width, st, size)
		if b.fits(lim) && b.whole {
			return b.Block, true
		}
	}
	reason := fmt.Sprintf("%d 行になります", len(b.Lines))
	if !b.whole {
		reason = "一語（番号・英単語・URL）が枠の幅より長くなります"
	}
	s.Errs.Add(diag.At(t.Loc, "文が枠に収まりません（幅 %.0fmm%s）。%.1fpt まで縮めても%s。文を短くするか、改行を減らしてください",
		width, limitText(lim), min, reason))
	return b.Block, false
}

func limitText(lim Limit) string {
	var parts []string
	if lim.MaxLines > 0 {
		parts = append(parts, fmt.Sprintf("%d 行まで", lim.MaxLines))
	}
	if lim.MaxHeight > 0 {
		parts = append(parts, fmt.Sprintf("高さ %.0fmm まで", lim.MaxHeight))
	}
	if len(parts) == 0 {
		return ""
	}
	return "・" + strings.Join(parts, "・")
}

// broken is a block and whether every line ended at a real break
// opportunity.
type broken struct {
	Block
	whole bool
}

func (b broken) fits(lim Limit) bool {
	if lim.MaxLines > 0 && len(b.Lines) > lim.MaxLines {
		return false
	}
	if lim.MaxHeight > 0 && b.Height() > lim.MaxHeight+1e-6 {
		return false
	}
	return true
}

func (s *Setter) breakAt(text string, width float64, st Style, size float64) broken {
	w := func(x string) float64 { return s.M.Width(x, st.Bold, size) }
	lines, ok := Break(text, width, w)
	st.Size = size
	return broken{Block: Block{Lines: lines, Size: size, LineH: st.LineHeight(size), Style: st}, whole: ok}
}

// Line fits a single-line text (a phone number, a heading) into width,
// shrinking down to st.MinSize; it never wraps.
func (s *Setter) Line(t model.Text, width float64, st Style) (Block, bool) {
	return s.Fit(t, width, st, Limit{MaxLines: 1})
}

// Plain makes a model.Text for text the layout writes itself (labels such
// as "CHECK1"), which has no source position.
func Plain(s string) model.Text { return model.Text{S: s} }
