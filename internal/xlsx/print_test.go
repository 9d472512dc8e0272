package xlsx

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sodan/internal/testtool"
)

var pdfOut = flag.String("pdf", "", "also write the workbooks printed by LibreOffice to PDF files with this prefix, to look at")

// TestPrint prints the workbook (with a few ledger rows and answers filled
// in) to PDF with LibreOffice and checks what a reader of the paper sees:
// A4 landscape pages, every sheet, headings on every ledger page with the
// first and last column on the same page, and no "###" for a value too
// wide for its cell. Both scale editions are printed.
func TestPrint(t *testing.T) {
	testtool.Long(t)
	for _, id := range []string{"current", "old"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			testPrint(t, id)
		})
	}
}

func testPrint(t *testing.T, scale string) {
	testtool.Need(t, "soffice")
	book := loadBook(t)
	useScale(t, book, scale)
	w := mustBuild(t, book)
	fillLedger(t, w)
	for i, a := range w.check.answers {
		must(t, w.f.SetCellStr(sheetCheck, a, book.SelfCheck.Answers[i%2].Label.S))
	}
	p := w.ledger
	data := save(t, w)

	dir := t.TempDir()
	in := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	testtool.Run(t, "soffice", "-env:UserInstallation=file://"+recalcProfile(t, dir),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, in)
	pdf := filepath.Join(dir, "book.pdf")
	if *pdfOut != "" {
		b, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*pdfOut+"-"+scale+".pdf", b, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	info := testtool.Run(t, "pdfinfo", "-f", "1", "-l", "999", pdf)
	pages := testtool.PDFPages(t, info)
	for _, size := range regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)`).FindAllStringSubmatch(info, -1) {
		wd, _ := strconv.ParseFloat(size[1], 64)
		ht, _ := strconv.ParseFloat(size[2], 64)
		if wd < 841 || wd > 843 || ht < 594 || ht > 596 {
			t.Errorf("page size %s x %s pt, want A4 landscape (842 x 595)", size[1], size[2])
		}
	}

	first, last := p.cols[0].title, p.cols[len(p.cols)-1].title
	seen := map[string]bool{}
	for n := 1; n <= pages; n++ {
		text := testtool.Run(t, "pdftotext", "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), pdf, "-")
		if strings.Contains(text, "###") {
			t.Errorf("page %d shows ### (a value too wide for its cell)", n)
		}
		for _, sh := range sheetOrder {
			if strings.Contains(text, sh+" "+strconv.Itoa(n)+" / ") {
				seen[sh] = true
				if sh == sheetLedger && (!strings.Contains(text, first) || !strings.Contains(text, last)) {
					t.Errorf("ledger page %d lacks the heading %q or %q: columns cut or titles not repeated", n, first, last)
				}
			}
		}
	}
	for _, sh := range sheetOrder {
		if !seen[sh] {
			t.Errorf("no printed page has the footer of %s", sh)
		}
	}
	t.Logf("%d pages, %d bytes of xlsx", pages, len(data))
}
