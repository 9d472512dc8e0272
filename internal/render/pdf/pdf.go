// Package pdf draws a laid-out document (layout.Doc) as a PDF with the
// embedded Japanese fonts, and measures text for the layout with the same
// font metrics. It is the only package that imports fpdf.
package pdf

import (
	"bytes"
	"fmt"
	"io"

	"github.com/go-pdf/fpdf"
	"rsc.io/qr"

	"sodan/internal/layout"
)

// defaultLineWidth is used for strokes whose width is 0 (fpdf's default).
const defaultLineWidth = 0.2

// Write draws doc with the fonts f and writes the PDF to w.
//
// The whole document is checked before anything is drawn: a character that
// HasGlyph refuses gives ErrNoGlyph, a QR code with modules under 0.5 mm
// gives ErrQRTooSmall, and other malformed input an error too; nothing is
// written to w then. The same doc gives the same bytes: dates come only from
// doc.Meta.Date (which must be set), and fpdf's catalog sort is on.
//
// Each call registers both faces with fpdf again, because fpdf cannot share
// a parsed font between documents; fpdf's parse of the two 4.7 MB files is
// about half the time of writing a two-page handout. The subsets are built
// when the file is written out.
func Write(w io.Writer, doc *layout.Doc, f *Fonts) error {
	out, err := render(doc, f)
	if err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	return nil
}

// render returns the finished PDF.
func render(doc *layout.Doc, f *Fonts) ([]byte, error) {
	pl, err := check(doc, f)
	if err != nil {
		return nil, err
	}
	first := doc.Pages[0]
	p := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: first.W, Ht: first.H},
	})
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	p.SetCompression(true)
	p.SetCatalogSort(true)
	p.SetCreationDate(doc.Meta.Date)
	p.SetModificationDate(doc.Meta.Date)
	m := doc.Meta
	for _, s := range []struct {
		v   string
		set func(string, bool)
	}{
		{m.Title, p.SetTitle}, {m.Author, p.SetAuthor}, {m.Subject, p.SetSubject},
		{m.Keywords, p.SetKeywords}, {m.Creator, p.SetCreator},
	} {
		if s.v != "" {
			s.set(s.v, true)
		}
	}
	if m.Lang != "" {
		p.SetLang(m.Lang)
	}
	for i := range f.faces {
		p.AddUTF8FontFromBytes(f.faces[i].family, f.faces[i].style, f.faces[i].data)
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("register fonts: %w", err)
	}

	d := drawer{pdf: p, fonts: f, qrs: pl.qrs, lastH: doc.Pages[len(doc.Pages)-1].H}
	for pi, page := range doc.Pages {
		p.AddPageFormat("P", fpdf.SizeType{Wd: page.W, Ht: page.H})
		for _, it := range page.Items {
			it, _ := itemValue(it) // checked above
			d.draw(it, page.H)
		}
		if err := p.Error(); err != nil {
			return nil, fmt.Errorf("page %d: %w", pi+1, err)
		}
	}

	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	if err := tagSubsets(out, f, &pl.used); err != nil {
		return nil, err
	}
	return out, nil
}

// drawer draws items on the current fpdf page.
type drawer struct {
	pdf   *fpdf.Fpdf
	fonts *Fonts
	qrs   []*qr.Code
	lastH float64 // height of the last page, for bookmarks

	fontSet bool // whether a font has been selected yet
	bold    bool
	size    float64
}

func (d *drawer) draw(it layout.Item, pageH float64) {
	p := d.pdf
	switch it := it.(type) {
	case layout.Text:
		if it.Str == "" {
			return
		}
		d.font(it.Bold, it.Size)
		p.SetTextColor(int(it.Color.R), int(it.Color.G), int(it.Color.B))
		p.Text(it.X, it.Y, it.Str)
	case layout.Rect:
		style, dashed := d.paint(it.Fill, it.Stroke, it.LineWidth, it.Dash)
		if style == "" {
			return
		}
		if r := min(it.Radius, it.W/2, it.H/2); r > 0 {
			p.RoundedRect(it.X, it.Y, it.W, it.H, r, "1234", style)
		} else {
			p.Rect(it.X, it.Y, it.W, it.H, style)
		}
		d.undash(dashed)
	case layout.Line:
		c := it.Color
		_, dashed := d.paint(nil, &c, it.Width, it.Dash)
		p.Line(it.X1, it.Y1, it.X2, it.Y2)
		d.undash(dashed)
	case layout.Polygon:
		style, _ := d.paint(it.Fill, it.Stroke, it.LineWidth, false)
		if style == "" {
			return
		}
		pts := make([]fpdf.PointType, len(it.Points))
		for i, pt := range it.Points {
			pts[i] = fpdf.PointType{X: pt.X, Y: pt.Y}
		}
		p.Polygon(pts, style)
	case layout.QR:
		drawQR(p, it, d.qrs[0])
		d.qrs = d.qrs[1:]
	case layout.Link:
		p.LinkString(it.X, it.Y, it.W, it.H, it.URL)
	case layout.Bookmark:
		// fpdf writes the title as UTF-16 only while a UTF-8 font is
		// selected.
		if !d.fontSet {
			d.font(false, 10)
		}
		// fpdf computes every destination from the height of the last
		// page; shift y so that pages of other heights come out right.
		p.Bookmark(it.Title, it.Level, it.Y+d.lastH-pageH)
	}
}

// font selects the regular or bold face at size points, if not selected.
func (d *drawer) font(bold bool, size float64) {
	if d.fontSet && d.bold == bold && d.size == size {
		return
	}
	i := 0
	if bold {
		i = 1
	}
	d.pdf.SetFont(d.fonts.faces[i].family, d.fonts.faces[i].style, size)
	d.fontSet, d.bold, d.size = true, bold, size
}

// paint sets colours, line width (0 means defaultLineWidth) and dash for a
// shape. It returns fpdf's style string ("F", "D", "FD"), or "" when there
// is nothing to paint, and whether it set a dash pattern.
func (d *drawer) paint(fill, stroke *layout.Color, width float64, dash bool) (style string, dashed bool) {
	p := d.pdf
	if fill != nil {
		p.SetFillColor(int(fill.R), int(fill.G), int(fill.B))
		style = "F"
	}
	if stroke != nil {
		if width == 0 {
			width = defaultLineWidth
		}
		p.SetDrawColor(int(stroke.R), int(stroke.G), int(stroke.B))
		p.SetLineWidth(width)
		if dash {
			p.SetDashPattern([]float64{3 * width, 2 * width}, 0)
			dashed = true
		}
		style += "D"
	}
	return style, dashed
}

// undash restores solid lines after a dashed shape.
func (d *drawer) undash(dashed bool) {
	if dashed {
		d.pdf.SetDashPattern(nil, 0)
	}
}
