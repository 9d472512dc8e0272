package text

import (
	"math"

	"sodan/internal/layout"
)

// Block is a text broken into lines at one size.
type Block struct {
	Lines []string
	Size  float64 // points
	LineH float64 // mm
	Style layout.Style
}

// Height is the block's height in mm.
func (b Block) Height() float64 { return float64(len(b.Lines)) * b.LineH }

// Draw returns the items that draw the block with its first line's top at
// (x, y). The baseline sits where the glyphs' body is centred in the line.
func (b Block) Draw(x, y float64) []layout.Item {
	items := make([]layout.Item, 0, len(b.Lines))
	sizeMM := b.Size * layout.PtToMM
	for i, l := range b.Lines {
		if l == "" {
			continue
		}
		base := y + float64(i)*b.LineH + (b.LineH-sizeMM)/2 + 0.86*sizeMM
		items = append(items, layout.Text{X: x, Y: layout.Round(base), Str: l, Bold: b.Style.Bold, Size: b.Size, Color: b.Style.Color})
	}
	return items
}

// DrawRight is Draw with every line aligned to end at x+w.
func (b Block) DrawRight(m layout.Measurer, x, y, w float64) []layout.Item {
	items := b.Draw(x, y)
	for i, it := range items {
		t := it.(layout.Text)
		t.X = layout.Round(x + w - m.Width(t.Str, t.Bold, t.Size))
		items[i] = t
	}
	return items
}

// DrawCentred is Draw with every line centred in the width w.
func (b Block) DrawCentred(m layout.Measurer, x, y, w float64) []layout.Item {
	items := b.Draw(x, y)
	for i, it := range items {
		t := it.(layout.Text)
		t.X = layout.Round(x + (w-m.Width(t.Str, t.Bold, t.Size))/2)
		items[i] = t
	}
	return items
}

// Width is the width of the block's widest line.
func (b Block) Width(m layout.Measurer) float64 {
	w := 0.0
	for _, l := range b.Lines {
		w = math.Max(w, m.Width(l, b.Style.Bold, b.Size))
	}
	return w
}

// LastWidth is the width of the block's last line (0 for no lines).
func (b Block) LastWidth(m layout.Measurer) float64 {
	if len(b.Lines) == 0 {
		return 0
	}
	return m.Width(b.Lines[len(b.Lines)-1], b.Style.Bold, b.Size)
}

// Links returns a link to url over each line of the block drawn at (x, y);
// none when url is empty.
func (b Block) Links(m layout.Measurer, x, y float64, url string) []layout.Item {
	if url == "" {
		return nil
	}
	var out []layout.Item
	for i, l := range b.Lines {
		out = append(out, layout.Link{X: layout.Round(x), Y: layout.Round(y + float64(i)*b.LineH),
			W: layout.Round(m.Width(l, b.Style.Bold, b.Size)), H: layout.Round(b.LineH), URL: url})
	}
	return out
}
