package xlsx

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"sodan/internal/layout/spec"
	"sodan/internal/model"
	"sodan/internal/source"
	"sodan/internal/testtool"
)

// loadBook builds the bundled book; each call gives a fresh copy that a
// test may change.
func loadBook(tb testing.TB) *model.Book {
	tb.Helper()
	raw, errs := source.Load(os.DirFS("../../sources"), "sources")
	if len(errs) > 0 {
		tb.Fatalf("load sources: %v", errs)
	}
	book, errs := model.Build(raw)
	if len(errs) > 0 {
		tb.Fatalf("build model: %v", errs)
	}
	return book
}

// useScale switches book to the scale edition with the given ID.
func useScale(tb testing.TB, book *model.Book, id string) {
	tb.Helper()
	for _, s := range book.Risk.Scales {
		if s.ID == id {
			book.Risk.Scale = s
			return
		}
	}
	tb.Fatalf("no scale %q in the sources", id)
}

// bundledLook is layouts/workbook.yaml, read once.
var bundledLook = sync.OnceValue(func() *spec.Workbook {
	look, errs := spec.ReadWorkbook(os.DirFS("../../layouts"), "layouts", nil)
	if len(errs) > 0 {
		panic(errs)
	}
	return look
})

// writeBook writes the workbook of book with the bundled layout.
func writeBook(tb testing.TB, book *model.Book) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, book, bundledLook()); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// openBook reads a written workbook back with excelize.
func openBook(tb testing.TB, data []byte) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// sheets is the recalculated content of a workbook as LibreOffice shows
// it: sheet name → rows → cells, as displayed.
type sheets map[string][][]string

// at is the shown value of cell (col, row), both 1-based; "" when the CSV
// has no such cell.
func (s sheets) at(sheet string, col, row int) string {
	rows := s[sheet]
	if row-1 >= len(rows) || col-1 >= len(rows[row-1]) {
		return ""
	}
	return rows[row-1][col-1]
}

// recalc converts each workbook with LibreOffice headless to CSV, one file
// per sheet, in a single soffice run with a fresh profile, and returns the
// sheets of each workbook by its name.
func recalc(tb testing.TB, books map[string][]byte) map[string]sheets {
	tb.Helper()
	testtool.Need(tb, "soffice")
	dir := tb.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	for _, d := range []string{in, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			tb.Fatal(err)
		}
	}
	args := []string{
		"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", out,
	}
	for name, data := range books {
		p := filepath.Join(in, name+".xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		args = append(args, p)
	}
	testtool.Run(tb, "soffice", args...)
	result := map[string]sheets{}
	for name := range books {
		result[name] = sheets{}
		for _, sh := range sheetOrder {
			p := filepath.Join(out, name+"-"+sh+".csv")
			data, err := os.ReadFile(p)
			if err != nil {
				tb.Fatalf("LibreOffice wrote no CSV for %s: %v", sh, err)
			}
			r := csv.NewReader(bytes.NewReader(data))
			r.FieldsPerRecord = -1
			rows, err := r.ReadAll()
			if err != nil {
				tb.Fatalf("%s: %v", p, err)
			}
			result[name][sh] = rows
		}
	}
	return result
}

// save writes a built workbook (after a test changed cells) to bytes.
// mustBuild builds the workbook of book with the default layout.
func mustBuild(tb testing.TB, book *model.Book) *writer {
	tb.Helper()
	w, err := build(book, bundledLook())
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

func save(tb testing.TB, w *writer) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := w.f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	w.f.Close()
	return buf.Bytes()
}

// hasJapanese reports whether s has a kana or kanji.
func hasJapanese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x3040 && r <= 0x9FFF })
}
