package pdf

import (
	"github.com/go-pdf/fpdf"
	"rsc.io/qr"

	"sodan/internal/layout"
)

// quietZone is the white margin around a QR code, in modules, that the
// standard requires; it is drawn inside QR.Size.
const quietZone = 4

// drawQR paints code as vectors: a white square of q.Size (quiet zone
// included), then every horizontal run of dark modules as one rectangle,
// all rectangles filled as a single path. One fill with the nonzero rule
// leaves no hairline seams between neighbouring modules, which viewers draw
// when each module is filled separately.
func drawQR(p *fpdf.Fpdf, q layout.QR, code *qr.Code) {
	n := code.Size + 2*quietZone
	module := q.Size / float64(n)
	// Every edge is computed from its module index, so the bottom of one row
	// and the top of the next are the same number and round the same way.
	x := func(i int) float64 { return q.X + float64(quietZone+i)*module }
	y := func(i int) float64 { return q.Y + float64(quietZone+i)*module }

	p.SetFillColor(255, 255, 255)
	p.Rect(q.X, q.Y, q.Size, q.Size, "F")
	p.SetFillColor(0, 0, 0)
	dark := false
	for row := 0; row < code.Size; row++ {
		for col := 0; col < code.Size; {
			if !code.Black(col, row) {
				col++
				continue
			}
			end := col + 1
			for end < code.Size && code.Black(end, row) {
				end++
			}
			p.MoveTo(x(col), y(row))
			p.LineTo(x(end), y(row))
			p.LineTo(x(end), y(row+1))
			p.LineTo(x(col), y(row+1))
			p.ClosePath()
			dark = true
			col = end
		}
	}
	if dark {
		p.DrawPath("F")
	}
}
