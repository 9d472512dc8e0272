package glyphs

// Line is the runs drawn one after another on one baseline at one size,
// each starting where the one before ended or a little after (less than
// an em): one line of a paragraph as a reader sees it.
type Line struct {
	Runs   []Run
	Text   string
	X0, X1 float64 // the left edge of the first glyph, the end of the last
	Y      float64 // baseline
	Size   float64
	Bold   bool
}

// Glyphs returns the line's glyphs in order.
func (l Line) Glyphs() []Glyph {
	var out []Glyph
	for _, r := range l.Runs {
		out = append(out, r.Glyphs...)
	}
	return out
}

// Lines joins the page's runs into lines, in drawing order.
func (p Page) Lines() []Line {
	var out []Line
	for _, r := range p.Runs {
		if len(r.Glyphs) == 0 {
			continue
		}
		if n := len(out); n > 0 {
			l := &out[n-1]
			em := r.Size * ptToMM
			if abs(l.Y-r.Y) < 0.02 && abs(l.Size-r.Size) < 0.01 && l.Bold == r.Bold &&
				r.X >= l.X1-0.05*em && r.X-l.X1 < em {
				l.Runs = append(l.Runs, r)
				l.Text += r.Text
				l.X1 = r.End()
				continue
			}
		}
		out = append(out, Line{Runs: []Run{r}, Text: r.Text, X0: r.X, X1: r.End(), Y: r.Y, Size: r.Size, Bold: r.Bold})
	}
	return out
}

// Block is lines drawn one after another at one size and weight, one
// leading apart and aligned the same way (left, right or centred): the
// lines of one paragraph, or of paragraphs set one under another without
// space between them.
type Block struct {
	Lines   []Line
	Leading float64 // the distance between baselines, mm (0 for one line)
}

// Blocks groups the page's lines into blocks.
func (p Page) Blocks() []Block {
	var out []Block
	for _, l := range p.Lines() {
		if n := len(out); n > 0 {
			b := &out[n-1]
			last := b.Lines[len(b.Lines)-1]
			step := l.Y - last.Y
			em := l.Size * ptToMM
			aligned := abs(l.X0-last.X0) < 0.05 || abs(l.X1-last.X1) < 0.05 || abs((l.X0+l.X1)-(last.X0+last.X1)) < 0.1
			if abs(l.Size-last.Size) < 0.01 && l.Bold == last.Bold && aligned && step > 0.9*em && step < 2.2*em &&
				(b.Leading == 0 || abs(step-b.Leading) < 0.05) {
				b.Lines = append(b.Lines, l)
				b.Leading = step
				continue
			}
		}
		out = append(out, Block{Lines: []Line{l}})
	}
	return out
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
