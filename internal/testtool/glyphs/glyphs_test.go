package glyphs

import (
	"math"
	"testing"
)

// TestScan reads a content stream as sodan's renderer writes it: a font
// selected in one BT … ET, the text in the next, character spacing set
// before a run and reset after it, and a rectangle.
func TestScan(t *testing.T) {
	fonts := map[string]*font{"F1": {name: "BIZUDPGothic-Bold", bold: true, dw: 1000, w: map[rune]float64{'W': 980, 'e': 560, 'b': 600}, descent: 140}}
	content := []byte("BT /F1 10.00 Tf ET\n0.5 Tc q 0.102 g BT 72.00 720.00 Td <005700650062> Tj ET Q\n0 Tc BT 72 700 Td (\\000W) Tj ET\n10 20 30 40 re f\n")
	var pg Page
	if err := scan(&pg, 800, content, fonts); err != nil {
		t.Fatal(err)
	}
	if len(pg.Runs) != 2 || pg.Runs[0].Text != "Web" || pg.Runs[1].Text != "W" || !pg.Runs[0].Bold {
		t.Fatalf("runs %+v", pg.Runs)
	}
	r := pg.Runs[0]
	mm := func(pt float64) float64 { return pt * ptToMM }
	if math.Abs(r.X-mm(72)) > 1e-9 || math.Abs(r.Y-mm(80)) > 1e-9 || math.Abs(r.Spacing-mm(0.5)) > 1e-9 {
		t.Errorf("run at %v,%v spacing %v", r.X, r.Y, r.Spacing)
	}
	// The second glyph starts after the first's advance and the spacing.
	if g := r.Glyphs[1]; math.Abs(g.X-mm(72+9.8+0.5)) > 1e-9 || math.Abs(r.Glyphs[0].W-mm(9.8)) > 1e-9 {
		t.Errorf("glyphs %+v", r.Glyphs)
	}
	if pg.Runs[1].Spacing != 0 {
		t.Errorf("spacing not reset: %v", pg.Runs[1].Spacing)
	}
	if len(pg.Paths) != 1 || math.Abs(pg.Paths[0].Y1-mm(780)) > 1e-9 || math.Abs(pg.Paths[0].X1-mm(40)) > 1e-9 {
		t.Errorf("paths %+v", pg.Paths)
	}
}

// TestBlocks groups lines one leading apart and aligned, and not lines of
// another size or far apart.
func TestBlocks(t *testing.T) {
	run := func(s string, x, y, size float64) Run {
		return Run{Text: s, X: x, Y: y, Size: size, Glyphs: []Glyph{{R: []rune(s)[0], X: x, Y: y, W: 3}}}
	}
	pg := Page{Runs: []Run{run("あ", 10, 10, 9), run("い", 13, 10, 9), run("う", 10, 14, 9), run("え", 10, 18, 9), run("お", 10, 40, 9), run("か", 10, 44, 12)}}
	lines := pg.Lines()
	if len(lines) != 5 || lines[0].Text != "あい" {
		t.Fatalf("lines %+v", lines)
	}
	blocks := pg.Blocks()
	if len(blocks) != 3 || len(blocks[0].Lines) != 3 || math.Abs(blocks[0].Leading-4) > 1e-9 {
		t.Errorf("blocks %+v", blocks)
	}
}
