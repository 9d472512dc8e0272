package xlsx

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sodan/internal/testtool"
)

// The markers replace every cached value, text or number, in the copy of
// the workbook that shows whether an engine computes the results or shows
// the cache. A number stays a number: LibreOffice recomputes a formula
// whose cached value is a text anyway, but keeps a cached number.
const (
	marker       = "キャッシュの値"
	markerNumber = 987654
)

// TestCachedValuesAgainstEngines reads the cached value of every formula
// cell of the generated workbook straight from the file as written (no
// calculation engine) and requires LibreOffice and Gnumeric, recalculating
// everything, to compute the same for each cell; the two engines must also
// agree on every sheet. A copy whose cached values are all replaced by a
// marker must come out of both engines the same as the real workbook,
// which shows the engines computed the results rather than showing the
// cache. Gnumeric without recalculating, a reader that shows the cached
// values, must show the same as the engines computed. Both scale
// editions.
func TestCachedValuesAgainstEngines(t *testing.T) {
	testtool.Long(t)
	for _, id := range []string{"current", "old"} {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			book := loadBook(t)
			useScale(t, book, id)
			generated := writeBook(t, book)
			marked := mustBuild(t, book)
			for _, cells := range marked.cache {
				for ref, fc := range cells {
					if fc.value.isNum {
						fc.value = cachedNumber(markerNumber)
					} else {
						fc.value = cachedText(marker)
					}
					cells[ref] = fc
				}
			}
			books := map[string][]byte{"generated": generated, "marked": save(t, marked)}
			lo, gn := recalc(t, books), gnumeric(t, books)

			f := openBook(t, generated)
			n := 0
			for i, sh := range sheetOrder {
				for ref := range formulaCells(readPart(t, generated, "xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml")) {
					n++
					v, err := f.GetCellValue(sh, ref)
					if err != nil {
						t.Fatal(err)
					}
					col, row, err := excelize.CellNameToCoordinates(ref)
					if err != nil {
						t.Fatal(err)
					}
					if l, g := lo["generated"].at(sh, col, row), gn["generated"].at(sh, col, row); v != l || v != g {
						t.Errorf("%s!%s: cached %q, LibreOffice %q, Gnumeric %q", sh, ref, v, l, g)
					}
				}
			}
			if n == 0 {
				t.Fatal("no formula cells found")
			}
			sameSheets(t, "LibreOffice/Gnumeric", lo["generated"], gn["generated"])
			sameSheets(t, "LibreOffice/cached", lo["generated"], gnumericCached(t, map[string][]byte{"generated": generated})["generated"])
			sameSheets(t, "LibreOffice generated/marked", lo["generated"], lo["marked"])
			sameSheets(t, "Gnumeric generated/marked", gn["generated"], gn["marked"])
			for _, s := range []sheets{lo["marked"], gn["marked"]} {
				for sh, rows := range s {
					for _, r := range rows {
						if l := strings.Join(r, ","); strings.Contains(l, marker) || strings.Contains(l, strconv.Itoa(markerNumber)) {
							t.Errorf("%s shows a cached value instead of computing it: %q", sh, r)
						}
					}
				}
			}
			t.Logf("%d formula cells", n)
		})
	}
}
