package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"fmt"
	"strings"
	"sync"
	"time"

	"sodan/internal/layout"
)

// This file writes what PDF/A-1b (ISO 19005-1, level B) asks beyond a
// well-formed file: the document information twice, as the Info dictionary
// and as XMP metadata that says the same (§6.7.3), and an output intent
// with an ICC profile (icc.go) that gives the device colours fpdf writes
// (DeviceRGB, DeviceGray) a meaning (§6.2.2).

// srgbCondition names the output condition of the sRGB profile.
const srgbCondition = "sRGB IEC61966-2.1"

// iccStream is the profile as a stream object, compressed once.
var iccStream = sync.OnceValue(func() []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(srgbProfile())
	w.Close()
	return streamObject(fmt.Sprintf("<</N 3 /Length %d /Filter /FlateDecode>>", z.Len()), z.Bytes())
})

// infoField is one entry of the document information.
type infoField struct {
	key string // Info dictionary key
	v   string
}

// infoFields are the non-empty text entries of the Info dictionary.
func infoFields(m layout.Meta) []infoField {
	var fs []infoField
	for _, f := range []infoField{
		{"Producer", producer}, {"Title", m.Title}, {"Subject", m.Subject}, {"Author", m.Author},
		{"Keywords", keywords(m)}, {"Creator", m.Creator},
	} {
		if f.v != "" {
			fs = append(fs, f)
		}
	}
	return fs
}

// keywords is m's keywords as the one text that the Info dictionary's
// Keywords and XMP's pdf:Keywords hold.
func keywords(m layout.Meta) string { return strings.Join(m.Keywords, ", ") }

// infoDict is the Info dictionary; both dates are m.Date with its time
// zone, which PDF/A needs to match the XMP dates.
func infoDict(m layout.Meta) []byte {
	var b bytes.Buffer
	b.WriteString("<<\n")
	for _, f := range infoFields(m) {
		fmt.Fprintf(&b, "/%s %s\n", f.key, textString(f.v))
	}
	d := pdfDate(m.Date)
	fmt.Fprintf(&b, "/CreationDate %s\n/ModDate %s\n>>\n", literal(d), literal(d))
	return b.Bytes()
}

// pdfDate formats t as a PDF date with its offset from UTC:
// D:20250401090000+09'00'.
func pdfDate(t time.Time) string {
	z := t.Format("-0700")
	return "D:" + t.Format("20060102150405") + z[:3] + "'" + z[3:] + "'"
}

// xmpStream is the XMP metadata stream: the Info entries in their XMP
// properties (dc:title, dc:creator, dc:description, pdf:Keywords,
// xmp:CreatorTool, pdf:Producer, xmp:CreateDate, xmp:ModifyDate) and the
// PDF/A identification. PDF/A-1 forbids filters on it.
func xmpStream(m layout.Meta) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	var x strings.Builder
	// The byte order mark in begin is required by the XMP packet format.
	x.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n" +
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n" +
		"<dc:format>application/pdf</dc:format>\n")
	alt := func(tag, v string) {
		if v != "" {
			fmt.Fprintf(&x, "<%s><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></%s>\n", tag, esc(v), tag)
		}
	}
	alt("dc:title", m.Title)
	if m.Author != "" {
		fmt.Fprintf(&x, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(m.Author))
	}
	alt("dc:description", m.Subject)
	if m.Lang != "" {
		fmt.Fprintf(&x, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(m.Lang))
	}
	d := m.Date.Format("2006-01-02T15:04:05-07:00")
	x.WriteString("</rdf:Description>\n" +
		"<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
	fmt.Fprintf(&x, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", d, d, d)
	if m.Creator != "" {
		fmt.Fprintf(&x, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(m.Creator))
	}
	x.WriteString("</rdf:Description>\n" +
		"<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
	fmt.Fprintf(&x, "<pdf:Producer>%s</pdf:Producer>\n", esc(producer))
	if k := keywords(m); k != "" {
		fmt.Fprintf(&x, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(k))
	}
	x.WriteString("</rdf:Description>\n" +
		"<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n" +
		"<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n" +
		"</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	var b bytes.Buffer
	fmt.Fprintf(&b, "<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream\n", x.Len(), x.String())
	return b.Bytes()
}
