package pdf

import (
	"encoding/binary"
	"math"
	"sync"
)

// srgbProfile is the ICC profile of the output intent: an sRGB display
// profile of ICC version 2.1 (PDF/A-1 rests on PDF 1.4, which knows ICC
// profiles up to version 2), made here from the published values of
// IEC 61966-2-1: the primaries and the D65 white point, and its tone curve
// sampled at trcPoints points. It is a matrix/TRC profile with the tags
// ICC.1:2001-04 asks of one (desc, cprt, wtpt, rXYZ, gXYZ, bXYZ, rTRC,
// gTRC, bTRC; the three curves share their data), 604 bytes in all.
//
// It replaces the 6,922-byte profile of Little CMS with curves of 1,024
// points that was embedded before: poppler inverts the curves of the
// profile for every page, which with those took about 25 ms a page, so
// every test and every reader using pdftoppm or pdftotext on our PDFs
// paid for it. Sampled at 64 points and interpolated linearly, the curve
// is within 0.0001 of the sRGB function, a fortieth of one of 255 levels;
// Little CMS maps every 8-bit colour through it to its own built-in sRGB
// unchanged.
var srgbProfile = sync.OnceValue(makeSRGBProfile)

// trcPoints is the number of points of the profile's tone curve.
const trcPoints = 64

// srgbDecode is the sRGB transfer function (IEC 61966-2-1): encoded value
// to linear light, both in [0, 1].
func srgbDecode(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

// sRGB's primaries and white point (CIE 1931 xy), and the ICC profile
// connection space's illuminant, D50, as ICC.1 gives it in XYZ.
var (
	srgbPrimaries = [3][2]float64{{0.64, 0.33}, {0.30, 0.60}, {0.15, 0.06}}
	srgbWhite     = [2]float64{0.3127, 0.3290}
	pcsWhite      = [3]float64{0.9642, 1.0, 0.8249}
)

// xyToXYZ is the colour of chromaticity xy with luminance 1.
func xyToXYZ(xy [2]float64) [3]float64 {
	return [3]float64{xy[0] / xy[1], 1, (1 - xy[0] - xy[1]) / xy[1]}
}

// srgbColorants returns the XYZ of the red, green and blue primaries at
// full intensity, adapted from D65 to D50 with the Bradford transform, as
// ICC profiles store them.
func srgbColorants() [3][3]float64 {
	// The primaries' XYZ scaled so that together they make the white.
	var p [3][3]float64 // p[i]: primary i, luminance 1
	for i, xy := range srgbPrimaries {
		p[i] = xyToXYZ(xy)
	}
	m := [3][3]float64{} // columns are the primaries
	for i := range 3 {
		for j := range 3 {
			m[j][i] = p[i][j]
		}
	}
	s := mulVec(invert(m), xyToXYZ(srgbWhite))
	// Bradford: to cone responses, scale by the ratio of the whites, back.
	brad := [3][3]float64{
		{0.8951, 0.2664, -0.1614},
		{-0.7502, 1.7135, 0.0367},
		{0.0389, -0.0685, 1.0296},
	}
	src, dst := mulVec(brad, xyToXYZ(srgbWhite)), mulVec(brad, pcsWhite)
	var scale [3][3]float64
	for i := range 3 {
		scale[i][i] = dst[i] / src[i]
	}
	adapt := mul(invert(brad), mul(scale, brad))
	var out [3][3]float64
	for i := range 3 {
		v := p[i]
		for j := range 3 {
			v[j] *= s[i]
		}
		out[i] = mulVec(adapt, v)
	}
	return out
}

func mul(a, b [3][3]float64) [3][3]float64 {
	var c [3][3]float64
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				c[i][j] += a[i][k] * b[k][j]
			}
		}
	}
	return c
}

func mulVec(a [3][3]float64, v [3]float64) [3]float64 {
	var r [3]float64
	for i := range 3 {
		for k := range 3 {
			r[i] += a[i][k] * v[k]
		}
	}
	return r
}

// invert inverts a 3×3 matrix (the ones here are far from singular).
func invert(a [3][3]float64) [3][3]float64 {
	det := a[0][0]*(a[1][1]*a[2][2]-a[1][2]*a[2][1]) -
		a[0][1]*(a[1][0]*a[2][2]-a[1][2]*a[2][0]) +
		a[0][2]*(a[1][0]*a[2][1]-a[1][1]*a[2][0])
	var r [3][3]float64
	for i := range 3 {
		for j := range 3 {
			// cofactor of a[j][i]
			r1, r2 := (j+1)%3, (j+2)%3
			c1, c2 := (i+1)%3, (i+2)%3
			r[i][j] = (a[r1][c1]*a[r2][c2] - a[r1][c2]*a[r2][c1]) / det
		}
	}
	return r
}

// s15Fixed16 is ICC's signed 15.16 fixed-point number.
func s15Fixed16(v float64) uint32 { return uint32(int32(math.Round(v * 65536))) }

// makeSRGBProfile writes the profile (see srgbProfile).
func makeSRGBProfile() []byte {
	xyz := func(v [3]float64) []byte {
		b := []byte("XYZ \x00\x00\x00\x00")
		for _, c := range v {
			b = binary.BigEndian.AppendUint32(b, s15Fixed16(c))
		}
		return b
	}
	// textDescriptionType: the ASCII description and empty Unicode and
	// ScriptCode ones (67 bytes of ScriptCode data).
	desc := func(s string) []byte {
		b := []byte("desc\x00\x00\x00\x00")
		b = binary.BigEndian.AppendUint32(b, uint32(len(s)+1))
		b = append(b, s...)
		b = append(b, 0)
		b = append(b, make([]byte, 4+4+2+1+67)...)
		return b
	}
	curve := []byte("curv\x00\x00\x00\x00")
	curve = binary.BigEndian.AppendUint32(curve, trcPoints)
	for i := range trcPoints {
		v := srgbDecode(float64(i) / (trcPoints - 1))
		curve = binary.BigEndian.AppendUint16(curve, uint16(math.Round(v*65535)))
	}
	col := srgbColorants()
	type tag struct {
		sig  string
		data []byte
	}
	tags := []tag{
		{"desc", desc("sRGB IEC61966-2.1")},
		{"cprt", []byte("text\x00\x00\x00\x00No copyright, use freely\x00")},
		{"wtpt", xyz(xyToXYZ(srgbWhite))},
		{"rXYZ", xyz(col[0])},
		{"gXYZ", xyz(col[1])},
		{"bXYZ", xyz(col[2])},
		{"rTRC", curve},
		{"gTRC", nil}, // the same data as rTRC
		{"bTRC", nil},
	}

	b := make([]byte, 128, 1024)
	put32 := func(at int, v uint32) { binary.BigEndian.PutUint32(b[at:], v) }
	put32(8, 0x02100000) // version 2.1.0
	copy(b[12:], "mntrRGB XYZ ")
	// Creation date and time: fixed, so that the bytes never change.
	for i, v := range []uint16{2025, 1, 1, 0, 0, 0} {
		binary.BigEndian.PutUint16(b[24+2*i:], v)
	}
	copy(b[36:], "acsp")
	for i, v := range pcsWhite {
		put32(68+4*i, s15Fixed16(v))
	}
	b = binary.BigEndian.AppendUint32(b, uint32(len(tags)))
	table := len(b)
	b = append(b, make([]byte, 12*len(tags))...)
	var off, size int
	for i, t := range tags {
		if t.data != nil {
			for len(b)%4 != 0 {
				b = append(b, 0)
			}
			off, size = len(b), len(t.data)
			b = append(b, t.data...)
		}
		copy(b[table+12*i:], t.sig)
		put32(table+12*i+4, uint32(off))
		put32(table+12*i+8, uint32(size))
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	put32(0, uint32(len(b)))
	return b
}
