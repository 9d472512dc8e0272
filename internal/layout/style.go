package layout

import (
	"math"

	"sodan/internal/diag"
)

// PtToMM converts points to millimetres; it is the one unit conversion of
// the project (the renderer's points per mm is its inverse).
const PtToMM = 25.4 / 72

// Style is how a block of text is set. Sizes are in points; Leading is the
// line height as a multiple of the size. The layout files give every style
// its size, minimum size and leading.
type Style struct {
	Size    float64
	MinSize float64 // text may shrink down to this size to fit (at most Size)
	Leading float64
	Bold    bool
	Color   Color
	// Loc is where the style is written in its layout file: a problem with
	// a text the layout writes itself (a label, a page number) points there.
	Loc diag.Loc
}

// LineHeight is the height of one line at size, in mm.
func (st Style) LineHeight(size float64) float64 {
	return size * PtToMM * st.Leading
}

// Round rounds a length to 0.01 mm, the precision of positions in a Doc.
func Round(v float64) float64 { return math.Round(v*100) / 100 }

// Smallest is the size st may shrink to: MinSize, or Size when MinSize is
// not set or larger.
func (st Style) Smallest() float64 {
	if st.MinSize > 0 && st.MinSize < st.Size {
		return st.MinSize
	}
	return st.Size
}
