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
// per sheet with the values as shown, in a single soffice run with a fresh
// profile that recalculates every formula, and returns the sheets of each
// workbook by its name.
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
		"-env:UserInstallation=file://" + recalcProfile(tb, dir),
		"--headless", "--norestore",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
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
		result[name] = readCSV(tb, "LibreOffice", func(sh string) string { return filepath.Join(out, name+"-"+sh+".csv") })
	}
	return result
}

// gnumeric recalculates each workbook with Gnumeric (ssconvert --recalc)
// and returns its sheets as CSV with the values as shown, like recalc.
func gnumeric(tb testing.TB, books map[string][]byte) map[string]sheets {
	tb.Helper()
	return ssconvert(tb, books, "--recalc")
}

// gnumericCached converts each workbook with Gnumeric without
// recalculating, as a viewer that does not calculate shows it: formula
// cells show their cached values.
func gnumericCached(tb testing.TB, books map[string][]byte) map[string]sheets {
	tb.Helper()
	return ssconvert(tb, books)
}

// ssconvert converts each workbook to CSV, one file per sheet, with
// Gnumeric's ssconvert and the given options.
func ssconvert(tb testing.TB, books map[string][]byte, opts ...string) map[string]sheets {
	tb.Helper()
	testtool.Need(tb, "ssconvert")
	dir := tb.TempDir()
	result := map[string]sheets{}
	for name, data := range books {
		in := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(in, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		args := append(append([]string{"--export-file-per-sheet"}, opts...), in, filepath.Join(dir, name+"_%s.csv"))
		testtool.Run(tb, "ssconvert", args...)
		result[name] = readCSV(tb, "Gnumeric", func(sh string) string { return filepath.Join(dir, name+"_"+sh+".csv") })
	}
	return result
}

// readCSV reads the CSV file of every sheet, at the path file gives for
// its name, that engine wrote.
func readCSV(tb testing.TB, engine string, file func(sheet string) string) sheets {
	tb.Helper()
	out := sheets{}
	for _, sh := range sheetOrder {
		p := file(sh)
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatalf("%s wrote no CSV for %s: %v", engine, sh, err)
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			tb.Fatalf("%s: %v", p, err)
		}
		out[sh] = rows
	}
	return out
}

// sameSheets reports every cell of every sheet where a and b (named by
// what) differ, a missing cell reading as empty.
func sameSheets(t *testing.T, what string, a, b sheets) {
	t.Helper()
	for _, sh := range sheetOrder {
		n := 0
		for r := 1; r <= max(len(a[sh]), len(b[sh])); r++ {
			cols := 0
			if r <= len(a[sh]) {
				cols = len(a[sh][r-1])
			}
			if r <= len(b[sh]) {
				cols = max(cols, len(b[sh][r-1]))
			}
			for c := 1; c <= cols; c++ {
				if x, y := a.at(sh, c, r), b.at(sh, c, r); x != y {
					if n++; n <= 5 {
						t.Errorf("%s %s!%s: %q ≠ %q", what, sh, cell(c, r), x, y)
					}
				}
			}
		}
		if n > 5 {
			t.Errorf("%s %s: %d cells differ in all", what, sh, n)
		}
	}
}

// recalcProfile makes a fresh LibreOffice profile under dir that
// recalculates every formula of an xlsx file on load, and returns its
// path. By default LibreOffice keeps the cached values it finds and
// computes only the cells without one, which would hide a wrong cached
// value and show stale ones in a workbook a test filled in.
func recalcProfile(tb testing.TB, dir string) string {
	tb.Helper()
	p := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(p, "user"), 0o755); err != nil {
		tb.Fatal(err)
	}
	const always = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
	if err := os.WriteFile(filepath.Join(p, "user", "registrymodifications.xcu"), []byte(always), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// mustBuild builds the workbook of book with the default layout.
func mustBuild(tb testing.TB, book *model.Book) *writer {
	tb.Helper()
	w, err := build(book, bundledLook())
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

// save writes a built workbook (after a test changed cells) to bytes.
func save(tb testing.TB, w *writer) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := w.f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	w.f.Close()
	return buf.Bytes()
}

// saved builds the workbook of book and reads it back: the writer (which
// knows where it put everything), the saved bytes and the file opened from
// them.
func saved(tb testing.TB, book *model.Book) (*writer, []byte, *excelize.File) {
	tb.Helper()
	w := mustBuild(tb, book)
	data := save(tb, w)
	return w, data, openBook(tb, data)
}

// hasJapanese reports whether s has a kana or kanji.
func hasJapanese(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x3040 && r <= 0x9FFF })
}
