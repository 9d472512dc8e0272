// Package layout holds what every output's layout shares: the Doc (pages of
// items positioned in millimetres, plain data), the Measurer through which
// a layout asks the renderer how wide text is and how big a QR code must
// be, text styles, the plan dump, and the labels every output prints the
// same way (addresses, dates, continuation marks). The planners live in
// its sub-packages: quicklist, slides, nup and report, each setting every
// line through text; spec reads the layout files.
package layout

import "time"

// Doc is a laid-out document: pages of items positioned in millimetres, with
// the origin at the top-left corner of each page.
type Doc struct {
	Meta  Meta
	Pages []Page
}

// Meta is the document information written into the file. The planners
// set what a document says of itself, its title, author, subject and
// keywords; the one who writes the file sets the rest, which every file
// of a build carries alike.
type Meta struct {
	Title    string
	Author   string
	Subject  string
	Keywords []string  // in the file, one text with ", " between them
	Creator  string    // the program that made the file
	Lang     string    // BCP 47, e.g. "ja-JP"
	Date     time.Time // creation and modification date (never the clock)
}

// Page is one page of a Doc.
type Page struct {
	W, H  float64 // page size in mm
	Items []Item  // drawn in order
}

// Item is one drawing operation: Text, Rect, Line, Polygon, QR, Link or
// Bookmark.
type Item interface{ item() }

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Point is a position in mm.
type Point struct{ X, Y float64 }

// Text is a line of text, or a run of one, drawn with its baseline at Y,
// starting at X. Spacing is added after each character (the PDF's
// character spacing): what justifies a line.
type Text struct {
	X, Y    float64 // mm; Y is the baseline
	Str     string
	Bold    bool
	Size    float64 // points
	Color   Color
	Spacing float64 // mm, at least 0
}

// Rect is a rectangle, filled and/or stroked; Radius rounds the corners.
// A stroked item always gives its width (LineWidth, Width) in mm: the
// layout does not rely on the renderer's default.
type Rect struct {
	X, Y, W, H float64
	Fill       *Color // nil: not filled
	Stroke     *Color // nil: not stroked
	LineWidth  float64
	Radius     float64
	Dash       bool
}

// Line is a straight line.
type Line struct {
	X1, Y1, X2, Y2 float64
	Color          Color
	Width          float64
	Dash           bool
}

// Polygon is a closed shape (arrow heads, chevrons).
type Polygon struct {
	Points    []Point
	Fill      *Color
	Stroke    *Color
	LineWidth float64
}

// QR is a QR code for Data drawn as vector squares in a Size×Size mm square
// whose top-left corner is X, Y (the quiet zone is inside the square).
type QR struct {
	X, Y, Size float64
	Data       string
}

// Link makes the rectangle a clickable link to URL (already percent-encoded).
type Link struct {
	X, Y, W, H float64
	URL        string
}

// Bookmark adds an outline entry pointing at Y on the page it is on.
type Bookmark struct {
	Title string
	Level int
	Y     float64
}

func (Text) item()     {}
func (Rect) item()     {}
func (Line) item()     {}
func (Polygon) item()  {}
func (QR) item()       {}
func (Link) item()     {}
func (Bookmark) item() {}
