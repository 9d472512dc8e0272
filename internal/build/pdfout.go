package build

import (
	"io"
	"time"

	"sodan/internal/layout"
	"sodan/internal/render/pdf"
)

// pdfFile is the writer of doc as a PDF drawn with fonts. The planners
// fill in what a document says of itself (title, author, subject,
// keywords); what every file of the build carries alike is added here,
// on a copy, since a deck's Doc is shared by the jobs of its files: the
// tool that made it, the language of the sources, and date, the build
// date (never the clock).
func pdfFile(doc *layout.Doc, fonts *pdf.Fonts, date time.Time) func(io.Writer) error {
	d := *doc
	d.Meta.Creator, d.Meta.Lang, d.Meta.Date = "sodan", "ja-JP", date
	return func(w io.Writer) error { return pdf.Write(w, &d, fonts) }
}

// putPDF gives doc to put as the PDF name, dated with the build date.
func putPDF(ctx *Context, put Put, name string, doc *layout.Doc, fonts *pdf.Fonts) error {
	return put(name, len(doc.Pages), pdfFile(doc, fonts, ctx.Date))
}
