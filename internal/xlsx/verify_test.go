package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"os"
	"regexp"
	"sodan/internal/testtool"
	"sodan/internal/xlsx/zipcheck"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// part is one entry of a rewritten zip.
type part struct {
	name string
	data []byte
	// header overrides, for lying zips
	crc    *uint32
	size   uint64
	method uint16
}

// rezip rewrites the workbook data, letting change alter each part (or
// drop it, returning nil).
func rezip(t *testing.T, data []byte, change func(p *part)) []byte {
	t.Helper()
	names, parts := zipParts(t, data)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		p := &part{name: name, data: parts[name], method: zip.Deflate}
		change(p)
		if p.data == nil {
			continue
		}
		writePart(t, zw, p)
	}
	zw.Close()
	return buf.Bytes()
}

// writePart writes p raw, so its CRC and sizes can be made to lie.
func writePart(t *testing.T, zw *zip.Writer, p *part) {
	t.Helper()
	var body bytes.Buffer
	switch p.method {
	case zip.Store:
		body.Write(p.data)
	default:
		fw, _ := flate.NewWriter(&body, flate.BestCompression)
		fw.Write(p.data)
		fw.Close()
	}
	h := &zip.FileHeader{Name: p.name, Method: p.method, CRC32: crc32.ChecksumIEEE(p.data),
		CompressedSize64: uint64(body.Len()), UncompressedSize64: uint64(len(p.data))}
	if p.crc != nil {
		h.CRC32 = *p.crc
	}
	if p.size != 0 {
		h.UncompressedSize64 = p.size
	}
	w, err := zw.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(body.Bytes())
}

const ledgerPart = "xl/worksheets/sheet4.xml"

// readErr reads data as a filled-in workbook and returns its one problem.
func readErr(t *testing.T, data []byte) string {
	t.Helper()
	_, errs := Read(bytes.NewReader(data), "記入.xlsx", loadBook(t))
	if len(errs) == 0 {
		t.Fatal("a damaged workbook was read without a problem")
	}
	return errs.Error()
}

// TestDamagedWorkbooks: every kind of damage that excelize reads past in
// silence (a shorter sheet) stops the report with a message naming the
// part.
func TestDamagedWorkbooks(t *testing.T) {
	book := loadBook(t)
	good := fill(t, writeBook(t, book), func(f *excelize.File) {
		for r := 4; r < 40; r++ {
			set(t, f, sheetLedger, ledgerCell(book, "asset", r), fmt.Sprintf("資産%d", r))
		}
	})
	if _, errs := Read(bytes.NewReader(good), "記入.xlsx", book); len(errs) > 0 {
		t.Fatal(errs)
	}
	// The ledger must be the sheet this test damages.
	if !strings.Contains(readErr(t, rezip(t, good, func(p *part) {
		if p.name == ledgerPart {
			p.data = append(p.data[:len(p.data)/2:len(p.data)/2], "<c r="...)
		}
	})), "シート「情報資産管理台帳」（xl/worksheets/sheet4.xml）が壊れています") {
		t.Fatalf("%s is not the ledger", ledgerPart)
	}
	bad := uint32(12345)
	cases := []struct {
		name   string
		change func(p *part)
		want   string
	}{
		{"bad CRC", func(p *part) {
			if p.name == ledgerPart {
				p.crc = &bad
			}
		}, "記入.xlsx: ブックの中のシート「情報資産管理台帳」（xl/worksheets/sheet4.xml）が壊れています（CRC が一致しません）"},
		{"bad CRC in a part excelize reads first", func(p *part) {
			if p.name == "xl/sharedStrings.xml" {
				p.crc = &bad
			}
		}, "「xl/sharedStrings.xml」が壊れています（CRC が一致しません）"},
		{"control character in a cell", func(p *part) {
			if p.name == "xl/sharedStrings.xml" {
				p.data = bytes.Replace(p.data, []byte("資産20"), []byte("資産\x0120"), 1)
			}
		}, "「xl/sharedStrings.xml」が壊れています（XML の 2 行目: illegal character code U+0001）"},
		{"invalid cell reference", func(p *part) {
			if p.name == ledgerPart {
				p.data = regexp.MustCompile(`r="([A-Z]+)20"`).ReplaceAll(p.data, []byte(`r="${1}0"`))
			}
		}, "セルの位置「A0」が正しくありません"},
		{"shared string out of range", func(p *part) {
			if p.name == ledgerPart {
				p.data = regexp.MustCompile(`(t="s"[^>]*><v>)\d+(</v>)`).ReplaceAll(p.data, []byte(`${1}99999${2}`))
			}
		}, "の文字列の番号「99999」が文字列の表"},
		{"zip bomb", func(p *part) {
			// Under limits made small for the test: every sheet inflates
			// to nearly the most one part may, all together to more than
			// the total.
			if strings.HasPrefix(p.name, "xl/worksheets/") {
				p.data = append(p.data, bytes.Repeat([]byte(" "), int(zipcheck.MaxPartSize)-len(p.data)-100)...)
			}
		}, "展開すると大きすぎます（合わせて 2 MB まで、一つ 1 MB まで）"},
		{"header claims 4 GB", func(p *part) {
			if p.name == ledgerPart {
				p.size = 4 << 30
			}
		}, "シート「情報資産管理台帳」（xl/worksheets/sheet4.xml）が大きすぎます"},
		{"header understates the size", func(p *part) {
			if p.name == ledgerPart {
				p.size = 10
			}
		}, "zip の形が正しくありません"},
		{"a million rows", func(p *part) {
			if p.name == ledgerPart {
				rows := bytes.Repeat([]byte("<row/>"), 1000000)
				p.data = bytes.Replace(p.data, []byte("<sheetData>"), append([]byte("<sheetData>"), rows...), 1)
				p.method = zip.Store
			}
		}, "行が多すぎます（10000 行まで）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "zip bomb" {
				defer func(p, i int64) { zipcheck.MaxPartSize, zipcheck.MaxInflated = p, i }(zipcheck.MaxPartSize, zipcheck.MaxInflated)
				zipcheck.MaxPartSize, zipcheck.MaxInflated = 1<<20, 2<<20
			}
			if got := readErr(t, rezip(t, good, c.change)); !strings.Contains(got, c.want) {
				t.Errorf("got  %s\nwant …%s…", got, c.want)
			}
		})
	}
}

// TestOtherKindsOfFile: a password-encrypted workbook, an old .xls, a
// truncated file and a file over the size limit are each named as such.
func TestOtherKindsOfFile(t *testing.T) {
	book := loadBook(t)
	data := writeBook(t, book)
	f := openBook(t, data)
	var enc bytes.Buffer
	if err := f.Write(&enc, excelize.Options{Password: "himitsu"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 4096)...)
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"encrypted", enc.Bytes(), "パスワードで暗号化（保護）されたブックです"},
		{"xls", xls, "Excel 97-2003 形式（.xls）のブックです"},
		{"truncated", data[:len(data)/2], "xlsx のブックとして開けません（zip として読めません）"},
		{"too large", append(data, make([]byte, zipcheck.MaxFileSize)...), "ファイルが大きすぎます（20 MB を超えています）"},
	} {
		if got := readErr(t, c.data); !strings.Contains(got, c.want) {
			t.Errorf("%s: got %s, want …%s…", c.name, got, c.want)
		}
	}
}

// TestReadLeavesNoTempFiles: with the options Read gives it, excelize
// keeps the largest part the limits let through in memory, where with its
// defaults it copies it to a temporary file (which an interrupted report
// would leave behind).
func TestReadLeavesNoTempFiles(t *testing.T) {
	testtool.Long(t) // a 32 MB part: slow under the race detector
	book := loadBook(t)
	data := rezip(t, writeBook(t, book), func(p *part) {
		if p.name == ledgerPart {
			p.data = bytes.Replace(p.data, []byte("</worksheet>"), append(bytes.Repeat([]byte(" "), int(zipcheck.MaxPartSize)-len(p.data)-20), "</worksheet>"...), 1)
		}
	})
	if err := zipcheck.Check(data); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		opts  excelize.Options
		spill bool
	}{{"excelize's defaults", excelize.Options{}, true}, {"Read's options", readOptions(), false}} {
		tmp := t.TempDir()
		opts := c.opts
		opts.TmpDir = tmp
		f, err := excelize.OpenReader(bytes.NewReader(data), opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.GetRows(sheetLedger); err != nil {
			t.Fatal(err)
		}
		entries, _ := os.ReadDir(tmp)
		f.Close()
		if spill := len(entries) > 0; spill != c.spill {
			t.Errorf("%s: temporary files %v, want some: %v", c.name, entries, c.spill)
		}
	}
	if _, errs := Read(bytes.NewReader(data), "大きい.xlsx", book); len(errs) > 0 {
		t.Fatal(errs)
	}
}

// TestVerifyAcceptsRealFiles: workbooks saved by LibreOffice and Gnumeric
// (the generated workbook opened and saved again, in testdata) pass the
// structural checks, and read without problems.
func TestVerifyAcceptsRealFiles(t *testing.T) {
	book := loadBook(t)
	for _, name := range []string{"saved-by-libreoffice.xlsx", "saved-by-gnumeric.xlsx"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := zipcheck.Check(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if _, errs := Read(bytes.NewReader(data), name, book); len(errs) > 0 {
			t.Errorf("%s: %v", name, errs)
		}
	}
}

// FuzzRead feeds the reader a real workbook (the generated one saved by
// LibreOffice) with one of its parts replaced by the fuzzer's bytes: it
// must never panic, and either read the book or say why not, naming the
// file. (Fuzzing whole 45 KB files made Go's fuzzer crawl; one part at a
// time keeps the inputs small and every one a well-formed zip, so the
// checks behind the zip are reached.)
func FuzzRead(f *testing.F) {
	book := loadBook(f)
	data, err := os.ReadFile("testdata/saved-by-libreoffice.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	names, parts := zipParts(f, data)
	for i, n := range names {
		if strings.HasPrefix(n, "xl/worksheets/") || n == "xl/sharedStrings.xml" || n == "xl/workbook.xml" {
			f.Add(parts[n], uint8(i))
		}
	}
	f.Fuzz(func(t *testing.T, part []byte, which uint8) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i, n := range names {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			if i == int(which)%len(names) {
				w.Write(part)
			} else {
				w.Write(parts[n])
			}
		}
		zw.Close()
		filled, errs := Read(bytes.NewReader(buf.Bytes()), "fuzz.xlsx", book)
		if (filled == nil) == (len(errs) == 0) {
			t.Fatalf("filled %v with %d problems", filled != nil, len(errs))
		}
		for _, d := range errs {
			if d.Pos.File != "fuzz.xlsx" || d.Msg == "" {
				t.Fatalf("problem without the file: %v", d)
			}
		}
	})
}
