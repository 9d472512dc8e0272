package layout

// Measurer tells the layout how wide a string is in the font that will draw
// it, and whether the font has a glyph for a character. The PDF renderer
// implements it from the embedded fonts' real metrics.
type Measurer interface {
	// Width returns the advance width of s in mm at size points.
	Width(s string, bold bool, size float64) float64
	// HasGlyph reports whether r can be drawn (both faces have it and it is
	// inside the Basic Multilingual Plane).
	HasGlyph(r rune) bool
}
