package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"sodan/internal/layout"
	"sodan/internal/testtool"
)

// longDoc has n pages, each with its number in text and a rounded box;
// every 25th page is slide-sized, pages 1, 70 and 140 have bookmarks, 129
// a QR code and 130 a link.
func longDoc(n int) *layout.Doc {
	doc := &layout.Doc{Meta: testMeta()}
	for i := 1; i <= n; i++ {
		pg := layout.Page{W: a4W, H: a4H}
		if i%25 == 0 {
			pg.W, pg.H = slideW, slideH
		}
		c := layout.Color{R: 30, G: 60, B: 90}
		pg.Items = append(pg.Items,
			layout.Rect{X: 10, Y: 10, W: 100, H: 30, Radius: 3, Stroke: &c},
			layout.Text{X: 15, Y: 25, Str: fmt.Sprintf("ページ %d の本文", i), Size: 12, Bold: i%2 == 0})
		switch i {
		case 1, 70, 140:
			pg.Items = append(pg.Items, layout.Bookmark{Title: fmt.Sprintf("しおり%d", i), Level: 0, Y: 10})
		case 129:
			pg.Items = append(pg.Items, layout.QR{X: 20, Y: 60, Size: 30, Data: qrURL})
		case 130:
			pg.Items = append(pg.Items, layout.Link{X: 15, Y: 20, W: 60, H: 6, URL: linkURL})
		}
		doc.Pages = append(doc.Pages, pg)
	}
	return doc
}

// TestWriteManyParts writes a document longer than one fpdf part three
// times over (and a bit): it must be a valid PDF whose pages, text,
// bookmarks, link and QR code are those of the same document drawn as one
// part, and whose pages look the same.
func TestWriteManyParts(t *testing.T) {
	doc := longDoc(3*chunkPages + 10)
	path, data := writeFile(t, doc)
	checkXref(t, data)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	ctx, err := api.ReadAndValidate(bytes.NewReader(data), conf)
	if err != nil {
		t.Fatalf("pdfcpu validate -m strict: %v", err)
	}
	if ctx.PageCount != len(doc.Pages) {
		t.Fatalf("%d pages, want %d", ctx.PageCount, len(doc.Pages))
	}

	saved := chunkPages
	chunkPages = 1 << 20
	one, err := render(doc, loadFonts(t))
	chunkPages = saved
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(one, data) {
		t.Fatal("one part and four gave the same bytes: the document was not split")
	}
	onePath := filepath.Join(t.TempDir(), "one.pdf")
	if err := os.WriteFile(onePath, one, 0o644); err != nil {
		t.Fatal(err)
	}
	if a, b := testtool.Run(t, "pdftotext", "-layout", path, "-"), testtool.Run(t, "pdftotext", "-layout", onePath, "-"); a != b {
		t.Error("the text differs from that of the document in one part")
	}
	text := testtool.Run(t, "pdftotext", "-f", "200", "-l", "200", path, "-")
	if !strings.Contains(text, "ページ 200 の本文") {
		t.Errorf("page 200 reads %q", text)
	}
	for _, key := range []string{"outlines", "pages"} {
		a := testtool.Run(t, "qpdf", "--json", "--json-key="+key, path)
		b := testtool.Run(t, "qpdf", "--json", "--json-key="+key, onePath)
		var ja, jb map[string]any
		if json.Unmarshal([]byte(a), &ja) != nil || json.Unmarshal([]byte(b), &jb) != nil {
			t.Fatalf("qpdf --json %s", key)
		}
		// Object numbers differ; what they say of pages must not.
		if fa, fb := flatten(ja[key]), flatten(jb[key]); fa != fb {
			t.Errorf("qpdf %s differ:\n%.400s\n%.400s", key, fa, fb)
		}
	}
	dir := t.TempDir()
	for _, pg := range []string{"1", "64", "65", "129", "130", "150", "202"} {
		testtool.Run(t, "pdftoppm", "-r", "30", "-gray", "-f", pg, "-l", pg, "-singlefile", path, filepath.Join(dir, "a"+pg))
		testtool.Run(t, "pdftoppm", "-r", "30", "-gray", "-f", pg, "-l", pg, "-singlefile", onePath, filepath.Join(dir, "b"+pg))
		a, _ := os.ReadFile(filepath.Join(dir, "a"+pg+".pgm"))
		b, _ := os.ReadFile(filepath.Join(dir, "b"+pg+".pgm"))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("page %s looks different (%d and %d bytes)", pg, len(a), len(b))
		}
	}
}

// flatten prints v without the object numbers qpdf's JSON names objects by.
func flatten(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	var out strings.Builder
	for _, f := range strings.Split(s, `"`) {
		if strings.HasSuffix(f, " 0 R") {
			f = "ref"
		}
		out.WriteString(f)
		out.WriteByte('"')
	}
	return out.String()
}

// TestWriteManyPartsPreflight checks a document of several parts for
// PDF/A-1b with Apache PDFBox Preflight.
func TestWriteManyPartsPreflight(t *testing.T) {
	testtool.Long(t)
	path, _ := writeFile(t, longDoc(2*chunkPages+1))
	for _, p := range testtool.Preflight(t, path)[path] {
		t.Errorf("PDFBox Preflight PDF/A-1b: %s", p)
	}
}
