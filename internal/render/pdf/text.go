package pdf

import (
	"strconv"

	"sodan/internal/layout"
)

// text draws one run of text. A run with spacing is drawn with that
// character spacing (the Tc operator, which fpdf has no setter for), set
// just before it and reset just after, so no other text is spaced.
func (d *drawer) text(it layout.Text) {
	p := d.pdf
	d.font(it.Bold, it.Size)
	p.SetTextColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
	if it.Spacing == 0 {
		p.Text(it.X, it.Y, it.Str)
		return
	}
	tc := strconv.FormatFloat(it.Spacing*ptPerMM, 'f', 4, 64)
	p.RawWriteStr(tc + " Tc")
	p.Text(it.X, it.Y, it.Str)
	p.RawWriteStr("0 Tc")
}
