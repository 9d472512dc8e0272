// Package pdf draws a laid-out document (layout.Doc) as a PDF with the
// embedded Japanese fonts, and measures text for the layout with the same
// font metrics. It is the only package that imports fpdf.
//
// The files are PDF/A-1b (ISO 19005-1, level B) and pass qpdf --check,
// pdfcpu's strict validation and PDFBox Preflight. fpdf v0.9.0 (pinned,
// archived, used unmodified) needs these workarounds for that, each
// explained where it is done:
//
//   - fonts (embed.go): fpdf's fonts cost most of the time of a small PDF
//     (it parses and hashes each whole face for every document), so fpdf
//     is given none: text is written as text operators (text.go) and
//     finish adds the fonts, each a subset of a face (cut.go) with its
//     tagged name, widths, ToUnicode CMap and CIDSet.
//   - drawer.draw, case layout.Rect (this file): fpdf's RoundedRect writes
//     "q … B" and never the closing Q, so every rounded rectangle left one
//     graphics state open (a 6-up page nested 44 deep, over the limit of
//     28). Write closes it with a Q straight after; nothing in between
//     changes the graphics state, so the page looks the same.
//   - finish (finish.go): bookmarks, link annotations, the catalog, the
//     Info dictionary, XMP metadata, the sRGB output intent, the fonts, the
//     header and the trailer's /ID, which fpdf writes wrongly or not at
//     all, are written by rebuilding fpdf's file with a new
//     cross-reference table.
//
// Nothing else that fpdf leaves unbalanced is used: Text wraps its colour
// in q … Q itself, and clipping, transforms and transparency (SetAlpha) are
// never called.
package pdf

import (
	"fmt"
	"io"
	"slices"

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
// written to w then. The file is PDF/A-1b (see the package doc). The same
// doc gives the same bytes: dates come only from doc.Meta.Date (which must
// be set), fpdf's catalog sort is on, and the trailer's /ID is a hash of
// the content.
//
// Each face the document draws text with is embedded as a subset of the
// glyphs it draws (cut.go, embed.go).
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
	d := drawer{qrs: pl.qrs, extra: &extra{meta: doc.Meta, fonts: f, used: &pl.used, made: makeFonts(f, &pl.used)}}
	var m merger
	for from := 0; from < len(doc.Pages); from += chunkPages {
		to := min(from+chunkPages, len(doc.Pages))
		raw, err := d.drawPages(doc, from, to)
		if err != nil {
			return nil, err
		}
		if err := m.add(raw, to-from); err != nil {
			return nil, fmt.Errorf("finish: %w", err)
		}
	}
	out, err := m.finish(d.extra)
	if err != nil {
		return nil, fmt.Errorf("finish: %w", err)
	}
	return out, nil
}

// chunkPages is the most pages one fpdf document draws. fpdf holds every
// page's contents, uncompressed, until it writes the whole file at once;
// so a long document is drawn as several fpdf files of this many pages,
// each compressed and merged into one PDF (merge.go) before the next is
// drawn. A 965-page deck is then never more than a few megabytes in fpdf,
// and the outputs of the bundled sources (34 pages at most) are single
// fpdf files.
var chunkPages = 64 // a variable only so that tests can change it

// drawPages has fpdf draw the pages from..to-1 of doc (checked already)
// and returns fpdf's file.
func (d *drawer) drawPages(doc *layout.Doc, from, to int) ([]byte, error) {
	first := doc.Pages[0] // every part has the first page's size as its default
	p := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "mm",
		Size:           fpdf.SizeType{Wd: first.W, Ht: first.H},
	})
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	// finish compresses the page contents (it is cheaper there).
	p.SetCompression(false)
	p.SetCatalogSort(true)
	// finish writes the document information and /Lang itself; fixed
	// dates only keep fpdf from reading the clock.
	p.SetCreationDate(doc.Meta.Date)
	p.SetModificationDate(doc.Meta.Date)
	d.pdf = p
	for pi := from; pi < to; pi++ {
		page := doc.Pages[pi]
		p.AddPageFormat("P", fpdf.SizeType{Wd: page.W, Ht: page.H})
		d.extra.pages = append(d.extra.pages, pageExtra{h: page.H})
		for _, it := range page.Items {
			it, _ := itemValue(it) // checked above
			d.draw(it, pi, page.H)
		}
		if err := p.Error(); err != nil {
			return nil, fmt.Errorf("page %d: %w", pi+1, err)
		}
	}
	var file taken
	err := p.Output(&file)
	d.pdf = nil
	if err != nil {
		return nil, err
	}
	return file.b, nil
}

// taken is where fpdf's Output writes the file, without copying it: fpdf
// writes the whole file from its own buffer in one Write (bytes.Buffer's
// WriteTo) and never uses the buffer again, so taken keeps that slice.
// A document of 700 slides is tens of megabytes before finish compresses
// its pages; one copy fewer of it is that much less memory at the peak.
type taken struct{ b []byte }

func (t *taken) Write(p []byte) (int, error) {
	if t.b == nil {
		t.b = p
	} else {
		t.b = append(slices.Clip(t.b), p...) // not how fpdf writes, but not wrong
	}
	return len(p), nil
}

// drawer draws items on the current fpdf page.
type drawer struct {
	pdf *fpdf.Fpdf
	qrs []*qr.Code
	// extra collects what finish adds to fpdf's file: links, bookmarks.
	extra *extra
	buf   []byte // the text operators being written (text.go)
}

// draw draws it on page pi (0-based), h mm high.
func (d *drawer) draw(it layout.Item, pi int, h float64) {
	p := d.pdf
	switch it := it.(type) {
	case layout.Text:
		if it.Str == "" {
			return
		}
		d.text(it, h)
	case layout.Rect:
		style, dashed := d.paint(it.Fill, it.Stroke, it.LineWidth, it.Dash)
		if style == "" {
			return
		}
		if r := min(it.Radius, it.W/2, it.H/2); r > 0 {
			p.RoundedRect(it.X, it.Y, it.W, it.H, r, "1234", style)
			// fpdf's rounded rectangle opens a graphics state with q
			// and never closes it; close it (see the package doc).
			p.RawWriteStr("Q")
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
		// finish writes links and bookmarks itself (see finish.go).
		pg := &d.extra.pages[pi]
		pg.links = append(pg.links, it)
	case layout.Bookmark:
		d.extra.marks = append(d.extra.marks, mark{Bookmark: it, page: pi})
	}
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
