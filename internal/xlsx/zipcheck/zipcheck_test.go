package zipcheck

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// realFiles are workbooks saved by spreadsheet programs: the generated
// リスク分析シート opened and saved again by LibreOffice and by Gnumeric.
var realFiles = []string{"../testdata/saved-by-libreoffice.xlsx", "../testdata/saved-by-gnumeric.xlsx"}

// TestRealFilesPass: what LibreOffice and Gnumeric write passes.
func TestRealFilesPass(t *testing.T) {
	for _, name := range realFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := Check(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// small is a real file cut down to a few kilobytes, for fuzzing: the
// LibreOffice-saved workbook's small parts as they are, its shared strings
// cut to five and every worksheet to three rows of valid cells. (Go's
// fuzzer crawls through inputs the size of the real files: they inflate
// to 270 KB of XML, every byte of it instrumented.)
func small(t testing.TB) []byte {
	data, err := os.ReadFile(realFiles[0])
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
		`<row r="2"><c r="A2"><v>3</v></c><c r="B2" t="s"><v>2</v></c></row>` +
		`<row r="3"><c r="C3" t="str"><f>A2*2</f><v>6</v></c><c r="D3" t="s"><v>4</v></c></row></sheetData></worksheet>`
	const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">` +
		`<si><t>No.</t></si><si><t>回答</t></si><si><t>情報資産名称</t></si><si><t>実施している</t></si><si><t>顧客名簿</t></si></sst>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		var b []byte
		switch {
		case strings.HasPrefix(zf.Name, "xl/worksheets/sheet"):
			b = []byte(sheet)
		case zf.Name == "xl/sharedStrings.xml":
			b = []byte(sst)
		case zf.UncompressedSize64 > 4096:
			continue
		default:
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ = io.ReadAll(rc)
			rc.Close()
		}
		w, _ := zw.Create(zf.Name)
		w.Write(b)
	}
	zw.Close()
	return buf.Bytes()
}

// FuzzCheck feeds Check a real file cut down (see small) with its bytes
// mutated: it never panics or hangs, every refusal is a message in
// Japanese, and a file it passes opens as a zip whose every part reads to
// its end. The whole real files are checked by TestRealFilesPass.
func FuzzCheck(f *testing.F) {
	seed := small(f)
	if err := Check(seed); err != nil {
		f.Fatalf("the cut-down file does not pass: %v", err)
	}
	f.Add(seed)
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Check(data)
		var d *damage
		if err != nil && !errors.As(err, &d) {
			t.Fatalf("not a damage in Japanese: %v", err)
		}
		if err != nil {
			if d.msg == "" || !strings.ContainsAny(d.msg, "。）") {
				t.Fatalf("message %q", d.msg)
			}
			return
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("passed, but not a zip: %v", err)
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				t.Fatalf("passed, but %s does not open: %v", zf.Name, err)
			}
			if _, err := io.Copy(io.Discard, rc); err != nil {
				t.Fatalf("passed, but %s does not read: %v", zf.Name, err)
			}
			rc.Close()
		}
	})
}
