// Package zipcheck checks the bytes of an .xlsx file before a spreadsheet
// library reads it: sizes as actually inflated, every part's CRC, that
// every XML part is well formed, cell references and shared-string
// indices. excelize reads past all of these in silence (a damaged sheet
// comes out shorter), so the workbook reader asks this package first. It
// needs nothing but the standard library, which also lets it be fuzzed
// quickly.
package zipcheck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Limits on a workbook given to the report. A ledger of the largest size
// the layout allows (5,000 rows) saved by Excel or LibreOffice stays far
// below each of them; anything larger is refused before it is read.
const (
	// MaxFileSize is the largest .xlsx file read, in bytes.
	MaxFileSize = 20 << 20
)

// The limits inside the file (variables only so that tests can make them
// small; they never change while sodan runs).
var (
	// MaxPartSize is the most one part of the zip may inflate to.
	MaxPartSize int64 = 32 << 20
	// MaxInflated is the most all parts together may inflate to.
	MaxInflated int64 = 64 << 20
	// maxSheetRows and maxSheetCells bound one worksheet.
	maxSheetRows  = 10000
	maxSheetCells = 400000
)

// cfbMagic starts an OLE compound file: an Excel 97–2003 book, or an
// .xlsx encrypted with a password (which Office stores inside one).
var cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// damage is a workbook that cannot be trusted, in Japanese.
type damage struct{ msg string }

func (d *damage) Error() string { return d.msg }

func damagef(format string, args ...any) error {
	return &damage{fmt.Sprintf(format, args...)}
}

// Check checks, before excelize sees them, everything in a workbook's
// bytes that excelize would otherwise pass over in silence: the size of
// the file and of every part as it is actually inflated (not as the zip
// headers claim), every part's CRC, that every XML part is well formed,
// that every cell reference is valid, and that every shared-string index
// points into the table. A sheet excelize reads from a damaged part comes
// out shorter without an error, so none of this can be left to it.
func Check(data []byte) error {
	if len(data) > MaxFileSize {
		return damagef("ファイルが大きすぎます（%d MB を超えています）。リスク分析シートはふつう 1 MB もありません。別のファイルを指定していないか確認してください", MaxFileSize>>20)
	}
	if bytes.HasPrefix(data, cfbMagic) {
		if bytes.Contains(data, utf16le("EncryptionInfo")) {
			return damagef("パスワードで暗号化（保護）されたブックです。Excel で開いてパスワードを外し（ファイル → 情報 → ブックの保護 → パスワードを使用して暗号化 を空にする）、保存し直してから指定してください")
		}
		return damagef("Excel 97-2003 形式（.xls）のブックです。Excel や LibreOffice で「Excel ブック（.xlsx）」として保存し直してから指定してください")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return damagef("xlsx のブックとして開けません（zip として読めません）。sodan build で作ったリスク分析シート（.xlsx）に記入したものを指定してください")
	}
	sheets := sheetNames(zr)
	var total int64
	strings_ := -1
	// The shared strings first: the sheets' indices are checked against
	// their count.
	files := append([]*zip.File(nil), zr.File...)
	for i, f := range files {
		if strings.EqualFold(f.Name, "xl/sharedStrings.xml") {
			files[0], files[i] = files[i], files[0]
		}
	}
	for _, f := range files {
		if f.FileInfo().IsDir() {
			continue
		}
		what := partName(f.Name, sheets)
		if f.UncompressedSize64 > uint64(MaxPartSize) {
			return damagef("ブックの中の%sが大きすぎます（%d MB を超えます）。壊れたファイルか、リスク分析シートではないファイルです", what, MaxPartSize>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return damagef("ブックの中の%sを読めません（%s）。ファイルが壊れています", what, zipReason(err))
		}
		cr := &countingReader{r: rc, left: min(MaxPartSize, MaxInflated-total)}
		var perr error
		switch ext := strings.ToLower(path.Ext(f.Name)); {
		case strings.EqualFold(f.Name, "xl/sharedStrings.xml"):
			strings_, perr = countStrings(cr)
		case strings.HasPrefix(strings.ToLower(f.Name), "xl/worksheets/") && ext == ".xml":
			perr = checkSheet(cr, max(strings_, 0))
		case ext == ".xml" || ext == ".rels" || ext == ".vml":
			perr = wellFormed(cr)
		}
		if perr == nil {
			_, perr = io.Copy(io.Discard, cr) // to the end, where the CRC is checked
		}
		rc.Close()
		total += cr.n
		switch {
		case cr.over:
			return damagef("ブックの中の%sが、展開すると大きすぎます（合わせて %d MB まで、一つ %d MB まで）。壊れたファイルか、リスク分析シートではないファイルです", what, MaxInflated>>20, MaxPartSize>>20)
		case perr != nil:
			return damagef("ブックの中の%sが壊れています（%s）。保存し直したものか、バックアップを指定してください", what, zipReason(perr))
		}
	}
	return nil
}

// utf16le is s in UTF-16LE, as names are stored in a compound file.
func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

// zipReason says in Japanese why a part could not be read.
func zipReason(err error) string {
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "CRC が一致しません"
	case errors.Is(err, zip.ErrAlgorithm):
		return "知らない圧縮方式です"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return "zip の形が正しくありません"
	case errors.As(err, &se):
		return fmt.Sprintf("XML の %d 行目: %s", se.Line, se.Msg)
	case errors.As(err, new(*damage)):
		return err.Error()
	}
	return err.Error()
}

// countingReader reads at most left bytes from r, counting them and noting
// when there was more.
type countingReader struct {
	r    io.Reader
	left int64
	n    int64
	over bool
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// Is there more than the limit?
		var one [1]byte
		if n, _ := c.r.Read(one[:]); n > 0 {
			c.over = true
			return 0, errors.New("too large")
		}
		return c.r.Read(p)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.left -= int64(n)
	return n, err
}

// wellFormed reads an XML document to its end.
func wellFormed(r io.Reader) error {
	d := xml.NewDecoder(r)
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// countStrings checks the shared-strings table and counts its entries.
func countStrings(r io.Reader) (int, error) {
	d := xml.NewDecoder(r)
	n := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			n++
		}
	}
}

var cellRef = regexp.MustCompile(`^([A-Z]{1,3})([1-9][0-9]{0,6})$`)

// checkSheet checks a worksheet: well formed, every cell reference valid,
// every shared-string index within the table of n strings, and no more
// rows and cells than a ledger can have.
func checkSheet(r io.Reader, n int) error {
	d := xml.NewDecoder(r)
	rows, cells := 0, 0
	ref, typ, inV := "", "", false
	var v strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				if rows++; rows > maxSheetRows {
					return &damage{fmt.Sprintf("行が多すぎます（%d 行まで）", maxSheetRows)}
				}
			case "c":
				if cells++; cells > maxSheetCells {
					return &damage{fmt.Sprintf("セルが多すぎます（%d 個まで）", maxSheetCells)}
				}
				ref, typ = "", ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						ref = a.Value
					case "t":
						typ = a.Value
					}
				}
				if ref != "" && !validRef(ref) {
					return &damage{fmt.Sprintf("セルの位置「%s」が正しくありません", ref)}
				}
			case "v":
				inV = true
				v.Reset()
			}
		case xml.CharData:
			if inV {
				v.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "v" {
				inV = false
				if typ == "s" {
					i, err := strconv.Atoi(strings.TrimSpace(v.String()))
					if err != nil || i < 0 || i >= n {
						return &damage{fmt.Sprintf("セル %s の文字列の番号「%s」が文字列の表（%d 個）にありません", ref, v.String(), n)}
					}
				}
			}
		}
	}
}

// validRef reports whether ref names a cell within Excel's grid
// (XFD1048576 at most).
func validRef(ref string) bool {
	m := cellRef.FindStringSubmatch(ref)
	if m == nil {
		return false
	}
	col := 0
	for _, c := range m[1] {
		col = col*26 + int(c-'A'+1)
	}
	row, _ := strconv.Atoi(m[2])
	return col <= 16384 && row <= 1048576
}

// sheetNames maps worksheet parts to the names of their sheets, from the
// workbook and its relationships, so a damaged part is named as the user
// sees it. Parts it cannot map are left out.
func sheetNames(zr *zip.Reader) map[string]string {
	read := func(name string, v any) bool {
		for _, f := range zr.File {
			if strings.EqualFold(f.Name, name) {
				rc, err := f.Open()
				if err != nil {
					return false
				}
				defer rc.Close()
				return xml.NewDecoder(io.LimitReader(rc, MaxPartSize)).Decode(v) == nil
			}
		}
		return false
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	out := map[string]string{}
	if !read("xl/workbook.xml", &wb) || !read("xl/_rels/workbook.xml.rels", &rels) {
		return out
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(t, "xl/") {
			t = path.Join("xl", t)
		}
		targets[r.ID] = strings.ToLower(t)
	}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.ID]; ok {
			out[t] = s.Name
		}
	}
	return out
}

// partName is how a part is named in a message: its sheet's name where it
// is a worksheet, and its path in the zip.
func partName(name string, sheets map[string]string) string {
	if s, ok := sheets[strings.ToLower(name)]; ok {
		return fmt.Sprintf("シート「%s」（%s）", s, name)
	}
	return fmt.Sprintf("「%s」", name)
}
