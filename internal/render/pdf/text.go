package pdf

import (
	"strconv"

	"sodan/internal/layout"
)

// text draws one run of text on a page h mm high, writing the operators
// itself (fpdf is given no fonts; see embed.go): in its own graphics state,
// its colour, font (/F0 regular, /F1 bold) and size, the character spacing
// if it has any, its position, and the characters as two-byte CIDs (their
// Unicode values), in hexadecimal. Numbers are written as fpdf's Text
// writes them, so the text stands where it stood when fpdf drew it.
func (d *drawer) text(it layout.Text, h float64) {
	b := append(d.buf[:0], "q "...)
	c := it.Color
	if c.R == c.G && c.G == c.B {
		b = appendNum(b, float64(c.R)/255, 3)
		b = append(b, " g"...)
	} else {
		for _, v := range [3]uint8{c.R, c.G, c.B} {
			b = appendNum(b, float64(v)/255, 3)
			b = append(b, ' ')
		}
		b = append(b, "rg"...)
	}
	if it.Bold {
		b = append(b, " BT /F1 "...)
	} else {
		b = append(b, " BT /F0 "...)
	}
	b = appendNum(b, it.Size, 2)
	b = append(b, " Tf "...)
	if it.Spacing != 0 {
		b = appendNum(b, it.Spacing*ptPerMM, 4)
		b = append(b, " Tc "...)
	}
	b = appendNum(b, it.X*ptPerMM, 2)
	b = append(b, ' ')
	b = appendNum(b, (h-it.Y)*ptPerMM, 2)
	b = append(b, " Td <"...)
	const hex = "0123456789ABCDEF"
	for _, r := range it.Str { // check has made sure every rune is in the BMP
		b = append(b, hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15])
	}
	b = append(b, "> Tj ET Q"...)
	d.pdf.RawWriteStr(string(b))
	d.buf = b
}

// appendNum appends v with prec decimals, as fpdf's "%.Nf" writes it.
func appendNum(b []byte, v float64, prec int) []byte {
	return strconv.AppendFloat(b, v, 'f', prec, 64)
}
