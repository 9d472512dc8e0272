package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// cached is the value Go computes for a formula cell, stored in the
// workbook beside the formula so that programs which do not calculate
// (Excel's Protected View, mail and file previewers) show the results.
// Spreadsheet programs still recalculate on open (fullCalcOnLoad). The
// zero cached is the empty text, what a formula shows until the inputs it
// needs are there.
type cached struct {
	text   string
	number int
	isNum  bool
}

func cachedNumber(n int) cached { return cached{number: n, isNum: true} }

func cachedText(s string) cached { return cached{text: s} }

// blank is the result of a formula whose inputs are not all there yet.
var blank = cachedText("")

// formulaCell is a formula the writer set and the value it caches.
type formulaCell struct {
	formula string
	value   cached
}

// formula writes a formula (without the leading "=") and records the value
// it gives for the workbook as written.
func (w *writer) formula(sheet string, col, row int, f string, v cached) {
	if w.err != nil {
		return
	}
	ref := cell(col, row)
	w.fail(w.f.SetCellFormula(sheet, ref, f))
	if w.cache == nil {
		w.cache = map[string]map[string]formulaCell{}
	}
	if w.cache[sheet] == nil {
		w.cache[sheet] = map[string]formulaCell{}
	}
	w.cache[sheet][ref] = formulaCell{formula: f, value: v}
}

// cachedAt is the value cached for the formula cell at col and row of
// sheet, written earlier: a formula that only refers to that cell shows
// the same value.
func (w *writer) cachedAt(sheet string, col, row int) cached {
	return w.cache[sheet][cell(col, row)].value
}

// zipWriter is the zip writer excelize saves through (File.SetZipWriter).
// excelize writes formula cells without a value (<f> and no <v>) and has
// no call to store one, so the worksheets go through withCachedValues on
// their way into the package. Every other part passes unchanged. A new
// workbook keeps the sheet with ID n in xl/worksheets/sheetN.xml; should
// that ever differ, the formulas would not match and Write would fail
// rather than put values in the wrong sheet.
func (w *writer) zipWriter(out io.Writer) excelize.ZipWriter {
	z := &cacheZip{zw: zip.NewWriter(out), parts: map[string]map[string]formulaCell{}}
	for id, name := range w.f.GetSheetMap() {
		cells := map[string]formulaCell{}
		for ref, fc := range w.cache[name] {
			cells[ref] = fc
		}
		z.parts["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = cells
	}
	return z
}

// cacheZip buffers each worksheet part excelize writes and adds the
// cached values when the next part starts or the package is closed.
type cacheZip struct {
	zw    *zip.Writer
	parts map[string]map[string]formulaCell // by part name, until written
	name  string                            // the worksheet being buffered
	buf   bytes.Buffer
	err   error
}

// Create starts a part of the package.
func (z *cacheZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if _, ok := z.parts[name]; ok {
		z.name = name
		return &z.buf, nil
	}
	return z.zw.Create(name)
}

// AddFS adds the files of fsys to the package.
func (z *cacheZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close writes the last worksheet and finishes the package. It fails if a
// worksheet part never came, which would leave its results without values.
func (z *cacheZip) Close() error {
	err := z.flush()
	if err == nil && len(z.parts) > 0 {
		missing := make([]string, 0, len(z.parts))
		for name := range z.parts {
			missing = append(missing, name)
		}
		sort.Strings(missing)
		err = fmt.Errorf("cached values: no worksheet part %s", strings.Join(missing, ", "))
	}
	if cerr := z.zw.Close(); err == nil {
		err = cerr
	}
	return err
}

// flush writes the buffered worksheet with its cached values.
func (z *cacheZip) flush() error {
	if z.err != nil || z.name == "" {
		return z.err
	}
	name := z.name
	z.name = ""
	data, err := withCachedValues(z.buf.Bytes(), z.parts[name])
	z.buf.Reset()
	if err != nil {
		z.err = fmt.Errorf("cached values: %s: %w", name, err)
		return z.err
	}
	delete(z.parts, name)
	fw, err := z.zw.Create(name)
	if err == nil {
		_, err = fw.Write(data)
	}
	z.err = err
	return err
}

// formulaAttrs is how excelize writes the attributes of a cell that
// SetCellFormula set, after the reference: an optional style and t="str".
var formulaAttrs = regexp.MustCompile(`^( s="[0-9]+")? t="str"$`)

// withCachedValues adds to each formula cell of a worksheet's XML the
// value recorded in cells (by cell reference): a number as <v>6</v> with
// no type, a text as t="str" and <v>大</v>, an empty result as <v></v>.
// Every formula cell must be in cells with the same formula, written as
// excelize writes it, and every entry of cells must be found: anything
// else means the XML is not what the writer made, and is an error rather
// than a guess.
func withCachedValues(data []byte, cells map[string]formulaCell) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(data) + 16*len(cells))
	seen := make(map[string]bool, len(cells))
	last := 0
	for pos := 0; ; {
		// One <c> element: no element nests in a cell and text in it
		// escapes "<" and ">", so the first ">" ends the start tag and
		// the first "</c>" the element.
		i := bytes.Index(data[pos:], []byte(`<c r="`))
		if i < 0 {
			break
		}
		start := pos + i
		gt := bytes.IndexByte(data[start:], '>')
		if gt < 0 {
			return nil, fmt.Errorf("unterminated cell at byte %d", start)
		}
		open := data[start : start+gt+1]
		if bytes.HasSuffix(open, []byte("/>")) {
			pos = start + len(open)
			continue
		}
		n := bytes.Index(data[start+len(open):], []byte("</c>"))
		if n < 0 {
			return nil, fmt.Errorf("unterminated cell at byte %d", start)
		}
		content := data[start+len(open) : start+len(open)+n]
		end := start + len(open) + n + len("</c>")
		pos = end
		if !bytes.HasPrefix(content, []byte("<f")) {
			continue
		}
		ref, attrs, _ := bytes.Cut(open[len(`<c r="`):len(open)-1], []byte(`"`))
		fc, ok := cells[string(ref)]
		if !ok {
			return nil, fmt.Errorf("%s: formula without a cached value", ref)
		}
		var f bytes.Buffer
		f.WriteString("<f>")
		if err := xml.EscapeText(&f, []byte(fc.formula)); err != nil {
			return nil, err
		}
		f.WriteString("</f>")
		if !formulaAttrs.Match(attrs) || !bytes.HasPrefix(content, []byte("<f>")) || !bytes.HasSuffix(content, []byte("</f>")) {
			return nil, fmt.Errorf("%s: unexpected formula cell %s", ref, data[start:end])
		}
		if !bytes.Equal(content, f.Bytes()) {
			return nil, fmt.Errorf("%s: formula %s, but the value was computed for %s", ref, content, f.Bytes())
		}
		seen[string(ref)] = true
		out.Write(data[last:start])
		out.WriteString(`<c r="`)
		out.Write(ref)
		out.WriteString(`"`)
		out.Write(bytes.TrimSuffix(attrs, []byte(` t="str"`)))
		if !fc.value.isNum {
			out.WriteString(` t="str"`)
		}
		out.WriteString(">")
		out.Write(content)
		out.WriteString("<v>")
		if fc.value.isNum {
			out.WriteString(strconv.Itoa(fc.value.number))
		} else if err := xml.EscapeText(&out, []byte(fc.value.text)); err != nil {
			return nil, err
		}
		out.WriteString("</v></c>")
		last = end
	}
	out.Write(data[last:])
	if len(seen) != len(cells) {
		var lost []string
		for ref := range cells {
			if !seen[ref] {
				lost = append(lost, ref)
			}
		}
		sort.Strings(lost)
		return nil, fmt.Errorf("no formula cell %s", strings.Join(lost, ", "))
	}
	return out.Bytes(), nil
}
