package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sodan/fonts"
	"sodan/internal/layout"
	"sodan/internal/testtool"
)

// writeFile writes doc to a PDF in a temporary directory and returns its
// path and bytes.
func writeFile(t *testing.T, doc *layout.Doc) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, doc, loadFonts(t)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "test.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes", path, b.Len())
	return path, b.Bytes()
}

func TestWriteText(t *testing.T) {
	path, _ := writeFile(t, testDoc())
	text := testtool.Run(t, "pdftotext", "-layout", path, "-")
	for _, s := range []string{titleJa, bodyJa, latin, boldJa, slideJa, "報告はこちら →", linkURL,
		"同じパスワードを複数のサービスで使わないこと。"} {
		if !strings.Contains(text, s) {
			t.Errorf("pdftotext output lacks %q:\n%s", s, text)
		}
	}
}

var fontLine = regexp.MustCompile(`^([A-Z]{6})\+(\S+)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s`)

func TestWriteFonts(t *testing.T) {
	path, _ := writeFile(t, testDoc())
	out := testtool.Run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("pdffonts lists %d fonts, want 2:\n%s", len(lines)-2, out)
	}
	names := map[string]string{}
	tags := map[string]bool{}
	for _, l := range lines[2:] {
		m := fontLine.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("font is not an embedded Unicode subset with a tag: %q", l)
			continue
		}
		names[m[2]] = m[1]
		tags[m[1]] = true
	}
	if _, ok := names["BIZUDPGothic-Regular"]; !ok {
		t.Errorf("no regular face in\n%s", out)
	}
	if _, ok := names["BIZUDPGothic-Bold"]; !ok {
		t.Errorf("no bold face in\n%s", out)
	}
	if len(tags) != 2 {
		t.Errorf("the two faces share a subset tag:\n%s", out)
	}
}

func TestWriteStructure(t *testing.T) {
	path, data := writeFile(t, testDoc())
	check := testtool.Run(t, "qpdf", "--check", path)
	if !strings.Contains(check, "No syntax or stream encoding errors found") || strings.Contains(check, "WARNING") {
		t.Errorf("qpdf --check:\n%s", check)
	}

	// -isodates: the same text in every time zone.
	info := testtool.Run(t, "pdfinfo", "-isodates", "-f", "1", "-l", "3", path)
	for _, want := range []string{
		"Title:           " + docTitle,
		"Author:          相談窓口プロジェクト",
		"Pages:           3",
		"Page    1 size:  595.28 x 841.89 pts (A4)",
		"Page    2 size:  595.28 x 841.89 pts (A4)",
		"Page    3 size:  960 x 540 pts",
		"CreationDate:    2025-04-01T09:00:00Z",
		"ModDate:         2025-04-01T09:00:00Z",
		"PDF version:     1.4",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if !bytes.Contains(data, []byte("/URI ("+linkURL+")")) || !bytes.Contains(data, []byte("/URI ("+qrURL+")")) {
		t.Error("link annotations with the URLs are missing")
	}
	if !bytes.Contains(data, []byte("/Lang (ja-JP)")) {
		t.Error("no /Lang")
	}
	if bytes.Contains(data, []byte("/Subtype /Image")) {
		t.Error("the file has an image; QR codes must be vectors")
	}
}

// outline is one entry of qpdf's JSON outline dump.
type outline struct {
	Title string    `json:"title"`
	Dest  []any     `json:"dest"`
	Page  int       `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func TestWriteBookmarks(t *testing.T) {
	path, _ := writeFile(t, testDoc())
	out := testtool.Run(t, "qpdf", "--json", "--json-key=outlines", path)
	var js struct{ Outlines []outline }
	if err := json.Unmarshal([]byte(out), &js); err != nil {
		t.Fatal(err)
	}
	// Destinations are in points from the bottom of their own page (fpdf
	// measured them from the bottom of the last page; Write writes them).
	type want struct {
		title string
		page  int
		top   float64
		kids  int
	}
	wants := []want{
		{bookmarkTop, 1, (a4H - 20) * ptPerMM, 0},
		{bookmarkContacts, 2, (a4H - 20) * ptPerMM, 1},
		{bookmarkSlide, 3, slideH * ptPerMM, 0},
	}
	if len(js.Outlines) != len(wants) {
		t.Fatalf("%d top-level bookmarks, want %d:\n%s", len(js.Outlines), len(wants), out)
	}
	for i, w := range wants {
		o := js.Outlines[i]
		if o.Title != w.title || o.Page != w.page || len(o.Kids) != w.kids {
			t.Errorf("bookmark %d: %q on page %d with %d kids, want %q on page %d with %d",
				i, o.Title, o.Page, len(o.Kids), w.title, w.page, w.kids)
		}
		if len(o.Dest) != 5 {
			t.Errorf("bookmark %q: dest %v", o.Title, o.Dest)
			continue
		}
		if top, ok := o.Dest[3].(float64); !ok || math.Abs(top-w.top) > 0.01 {
			t.Errorf("bookmark %q: destination top %v, want %.2f", o.Title, o.Dest[3], w.top)
		}
	}
	if k := js.Outlines[1].Kids; len(k) == 1 && k[0].Title != "フィッシング対策協議会" {
		t.Errorf("child bookmark %q", k[0].Title)
	}
}

func TestWriteQRReadsBack(t *testing.T) {
	path, _ := writeFile(t, testDoc())
	dir := t.TempDir()
	// Only the code's corner of page 2 (at 20, 45 mm, 30 mm wide) with
	// some white around it, at 300 dpi.
	px := func(mm float64) string { return fmt.Sprint(int(mm / 25.4 * 300)) }
	testtool.Run(t, "pdftoppm", "-r", "300", "-png", "-f", "2", "-l", "2",
		"-x", px(10), "-y", px(35), "-W", px(50), "-H", px(50), path, filepath.Join(dir, "page"))
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pngs) != 1 {
		t.Fatalf("pdftoppm made %v", pngs)
	}
	got := testtool.Run(t, "zbarimg", "--raw", "-q", pngs[0])
	if strings.TrimRight(got, "\n") != qrURL {
		t.Errorf("zbarimg read %q, want %q", got, qrURL)
	}
}

// TestWritePixels renders the first page small and looks at a few places,
// as a reader glancing at it would: the filled arrow is red, the title band
// is pale blue, the margin is white.
func TestWritePixels(t *testing.T) {
	path, _ := writeFile(t, testDoc())
	dir := t.TempDir()
	testtool.Run(t, "pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", path, filepath.Join(dir, "page"))
	pngs, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pngs) != 1 {
		t.Fatalf("pdftoppm made %v", pngs)
	}
	file, err := os.Open(pngs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	img, err := png.Decode(file)
	if err != nil {
		t.Fatal(err)
	}
	at := func(xmm, ymm float64) [3]uint32 {
		p := image.Pt(int(xmm/25.4*60), int(ymm/25.4*60))
		r, g, b, _ := img.At(p.X, p.Y).RGBA()
		return [3]uint32{r >> 8, g >> 8, b >> 8}
	}
	for _, tc := range []struct {
		what   string
		x, y   float64
		colour [3]uint32
	}{
		{"arrow", 116, 80, [3]uint32{0xc0, 0x20, 0x20}},
		{"title band", 150, 20, [3]uint32{0xe8, 0xf0, 0xfa}},
		{"margin", 5, 200, [3]uint32{0xff, 0xff, 0xff}},
	} {
		got := at(tc.x, tc.y)
		for i := range got {
			if d := int(got[i]) - int(tc.colour[i]); d < -8 || d > 8 {
				t.Errorf("%s at (%g, %g) mm: colour %02x, want %02x", tc.what, tc.x, tc.y, got, tc.colour)
				break
			}
		}
	}
}

func TestWriteDeterministic(t *testing.T) {
	f := loadFonts(t)
	var a, b bytes.Buffer
	if err := Write(&a, testDoc(), f); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, testDoc(), f); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same document differ")
	}
}

// TestSubsetTags checks that tags follow the glyphs: the same text gives
// the same tags, other text other tags, and regular and bold never share.
func TestSubsetTags(t *testing.T) {
	f := loadFonts(t)
	tagsOf := func(doc *layout.Doc) []string {
		var b bytes.Buffer
		if err := Write(&b, doc, f); err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(`/FontName /([A-Z]{6})\+`)
		var tags []string
		for _, m := range re.FindAllSubmatch(b.Bytes(), -1) {
			tags = append(tags, string(m[1]))
		}
		if len(tags) != 2 || tags[0] == tags[1] {
			t.Fatalf("tags %v, want two different", tags)
		}
		return tags
	}
	a := tagsOf(testDoc())
	other := testDoc()
	other.Pages[0].Items = append(other.Pages[0].Items, layout.Text{X: 20, Y: 200, Str: "追加", Size: 10})
	b := tagsOf(other)
	if a[0] == b[0] && a[1] == b[1] {
		t.Errorf("tags %v did not change with the glyphs", a)
	}
}

func TestWriteRefusesCharacters(t *testing.T) {
	for _, s := range []string{"笑顔😀です", "𠮷野家", "タブ\tあり", "\x00", "壊れた\xe3\x81"} {
		doc := testDoc()
		doc.Pages[1].Items = append(doc.Pages[1].Items, layout.Text{X: 20, Y: 100, Str: s, Size: 10})
		var b bytes.Buffer
		err := Write(&b, doc, loadFonts(t))
		if err == nil {
			t.Errorf("%q: no error", s)
			continue
		}
		if b.Len() != 0 {
			t.Errorf("%q: %d bytes written despite the error", s, b.Len())
		}
		if !strings.HasPrefix(err.Error(), "render pdf: page 2, item 7: ") {
			t.Errorf("%q: error %q does not say where", s, err)
		}
		if !utf8.ValidString(s) {
			continue
		}
		if !errors.Is(err, ErrNoGlyph) {
			t.Errorf("%q: error %v is not ErrNoGlyph", s, err)
		}
	}
}

func TestWriteRefusesBadInput(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name   string
		change func(d *layout.Doc)
		is     error
	}{
		{"no pages", func(d *layout.Doc) { d.Pages = nil }, nil},
		{"no date", func(d *layout.Doc) { d.Meta.Date = time.Time{} }, nil},
		{"emoji title", func(d *layout.Doc) { d.Meta.Title = "注意😀" }, nil},
		{"bad lang", func(d *layout.Doc) { d.Meta.Lang = "ja JP)" }, nil},
		{"page size", func(d *layout.Doc) { d.Pages[0].W = 0 }, nil},
		{"nan text", func(d *layout.Doc) { add(d, layout.Text{X: nan, Y: 10, Str: "あ", Size: 10}) }, nil},
		{"zero size", func(d *layout.Doc) { add(d, layout.Text{X: 10, Y: 10, Str: "あ"}) }, nil},
		{"nil item", func(d *layout.Doc) { add(d, nil) }, nil},
		{"nil pointer", func(d *layout.Doc) { add(d, (*layout.Rect)(nil)) }, nil},
		{"polygon", func(d *layout.Doc) {
			add(d, layout.Polygon{Points: []layout.Point{{X: 1, Y: 1}, {X: 2, Y: 2}}, Fill: &red})
		}, nil},
		{"url space", func(d *layout.Doc) { add(d, layout.Link{X: 1, Y: 1, W: 1, H: 1, URL: "https://example.com/a b"}) }, nil},
		{"url japanese", func(d *layout.Doc) { add(d, layout.Link{X: 1, Y: 1, W: 1, H: 1, URL: "https://例え.jp/"}) }, nil},
		{"bookmark jump", func(d *layout.Doc) { add(d, layout.Bookmark{Title: "深い", Level: 3}) }, nil},
		{"bookmark emoji", func(d *layout.Doc) { add(d, layout.Bookmark{Title: "😀"}) }, nil},
		{"qr too small", func(d *layout.Doc) { add(d, layout.QR{X: 10, Y: 10, Size: 15, Data: qrURL}) }, ErrQRTooSmall},
		{"qr no data", func(d *layout.Doc) { add(d, layout.QR{X: 10, Y: 10, Size: 30}) }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := testDoc()
			tc.change(doc)
			var b bytes.Buffer
			err := Write(&b, doc, loadFonts(t))
			if err == nil {
				t.Fatal("no error")
			}
			t.Log(err)
			if !strings.HasPrefix(err.Error(), "render pdf: ") {
				t.Errorf("error %q lacks the prefix", err)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error is not %v", tc.is)
			}
			if b.Len() != 0 {
				t.Errorf("%d bytes written despite the error", b.Len())
			}
		})
	}
	if err := Write(io.Discard, nil, loadFonts(t)); err == nil {
		t.Error("nil doc: no error")
	}
	if err := Write(io.Discard, testDoc(), nil); err == nil {
		t.Error("nil fonts: no error")
	}
}

// add appends an item to the second page.
func add(d *layout.Doc, it layout.Item) { d.Pages[1].Items = append(d.Pages[1].Items, it) }

// TestWritePointersAsValues: items stored as pointers draw exactly what
// the same items stored as values draw, byte for byte, and differ from a
// document without them.
func TestWritePointersAsValues(t *testing.T) {
	text := layout.Text{X: 20, Y: 120, Str: "ポインタ", Size: 10}
	rect := layout.Rect{X: 20, Y: 125, W: 10, H: 10, Fill: &navy}
	line := layout.Line{X1: 20, Y1: 140, X2: 40, Y2: 140, Color: navy, Width: 0.3}
	values, pointers, without := testDoc(), testDoc(), testDoc()
	add(values, text)
	add(values, rect)
	add(values, line)
	add(pointers, &text)
	add(pointers, &rect)
	add(pointers, &line)
	var a, b, c bytes.Buffer
	for _, w := range []struct {
		buf *bytes.Buffer
		doc *layout.Doc
	}{{&a, values}, {&b, pointers}, {&c, without}} {
		if err := Write(w.buf, w.doc, loadFonts(t)); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("pointer items draw differently from value items")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("the items drew nothing")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteReportsWriterError(t *testing.T) {
	err := Write(failWriter{}, testDoc(), loadFonts(t))
	if err == nil || err.Error() != "render pdf: disk full" {
		t.Errorf("error %v, want render pdf: disk full", err)
	}
}

func BenchmarkWrite(b *testing.B) {
	f := loadFonts(b)
	doc := handoutDoc(f)
	n := 0
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(layout.Text); ok {
				n += len([]rune(tx.Str))
			}
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, doc, f); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d pages, %d characters, %d bytes", len(doc.Pages), n, buf.Len())
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, doc, f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadFonts(b *testing.B) {
	for b.Loop() {
		if _, err := LoadFonts(); err != nil {
			b.Fatal(err)
		}
	}
}

// docRunes returns the runes doc draws with the regular and the bold face.
func docRunes(doc *layout.Doc) *[2]runeSet {
	var used [2]runeSet
	for _, p := range doc.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(layout.Text); ok {
				i := 0
				if tx.Bold {
					i = 1
				}
				for _, r := range tx.Str {
					used[i].add(r)
				}
			}
		}
	}
	return &used
}

// BenchmarkWriteMinimal writes a page with two characters, one in each
// face: what every PDF costs whatever it holds, most of it in fpdf.
func BenchmarkWriteMinimal(b *testing.B) {
	f := loadFonts(b)
	doc := &layout.Doc{Meta: testMeta(), Pages: []layout.Page{{W: a4W, H: a4H, Items: []layout.Item{
		layout.Text{X: 20, Y: 20, Str: "あ", Size: 10},
		layout.Text{X: 20, Y: 30, Str: "い", Bold: true, Size: 10},
	}}}}
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, doc, f); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleWrite() {
	f, err := LoadFonts()
	if err != nil {
		fmt.Println(err)
		return
	}
	doc := &layout.Doc{
		Meta: layout.Meta{Title: "てびき", Lang: "ja-JP", Date: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)},
		Pages: []layout.Page{{W: 210, H: 297, Items: []layout.Item{
			layout.Text{X: 20, Y: 30, Str: "不審なメールに注意", Bold: true, Size: 16},
			layout.QR{X: 20, Y: 40, Size: 30, Data: "https://www.antiphishing.jp/"},
		}}},
	}
	var b bytes.Buffer
	if err := Write(&b, doc, f); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(b.Bytes(), []byte("%PDF-")))

	doc.Pages[0].Items = append(doc.Pages[0].Items, layout.Text{X: 20, Y: 90, Str: "𠮷", Size: 10})
	fmt.Println(Write(io.Discard, doc, f))
	// Output:
	// true
	// render pdf: page 1, item 3: text "𠮷": U+20BB7 '𠮷': character not in the embedded fonts
}

// TestWriteLeavesFontBytesAlone draws the characters whose glyphs lie past
// the font's long horizontal metrics (the subsets give every glyph a long
// metric): the embedded font files must not change, nor the output.
func TestWriteLeavesFontBytesAlone(t *testing.T) {
	f := loadFonts(t)
	sums := func() [2][32]byte {
		faces, err := fonts.Faces()
		if err != nil {
			t.Fatal(err)
		}
		return [2][32]byte{sha256.Sum256(faces[0].Data), sha256.Sum256(faces[1].Data)}
	}
	before := sums()
	doc := testDoc()
	const rare = "˚΅ˆ΄ ¨" // glyphs 13928–13931 in BIZ UDPGothic
	add(doc, layout.Text{X: 20, Y: 100, Str: rare, Size: 10})
	add(doc, layout.Text{X: 20, Y: 110, Str: rare, Bold: true, Size: 10})
	var a, b bytes.Buffer
	if err := Write(&a, doc, f); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, doc, f); err != nil {
		t.Fatal(err)
	}
	if sums() != before {
		t.Error("Write changed the embedded font files")
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same document differ")
	}
}

// TestWriteConcurrent writes from several goroutines with one Fonts, as a
// build that renders the handout and the slides at once does; run with
// -race it catches any write into shared font data.
func TestWriteConcurrent(t *testing.T) {
	f := loadFonts(t)
	doc := testDoc()
	add(doc, layout.Text{X: 20, Y: 100, Str: "˚΅ˆ΄", Size: 10})
	var want bytes.Buffer
	if err := Write(&want, doc, f); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var b bytes.Buffer
			err := Write(&b, doc, f)
			if err == nil && !bytes.Equal(b.Bytes(), want.Bytes()) {
				err = errors.New("concurrent write gave other bytes")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
