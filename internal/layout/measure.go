package layout

// Measurer is what a layout asks of the renderer that will draw it: how
// wide a string is in the font that draws it, whether the font has a glyph
// for a character, and how many modules a QR code of some data has. The
// PDF renderer implements it from the embedded fonts' metrics and its QR
// encoder, so the layout never predicts either.
type Measurer interface {
	// Width returns the advance width of s in mm at size points.
	Width(s string, bold bool, size float64) float64
	// HasGlyph reports whether r can be drawn (both faces have it and it is
	// inside the Basic Multilingual Plane).
	HasGlyph(r rune) bool
	// QRModules returns the side, in modules, of the QR code the renderer
	// draws for data, the quiet zone included; 0 when data is too long for
	// a QR code.
	QRModules(data string) int
}

// MinQRModule is the smallest QR module, in mm, that office printers and
// phone cameras handle reliably: no layout draws a smaller one, and the
// renderer refuses one.
const MinQRModule = 0.5
