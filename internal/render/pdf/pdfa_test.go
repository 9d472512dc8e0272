package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"sodan/internal/layout"
	"sodan/internal/testtool"
	"sodan/internal/testtool/gstate"
)

func init() {
	// pdfcpu would otherwise write a configuration file into the home
	// directory.
	model.ConfigPath = "disable"
}

// richDoc is testDoc with 40 rounded rectangles on the first page (an
// unclosed q each would nest deeper than the limit) and bookmarks three
// levels deep.
func richDoc() *layout.Doc {
	doc := testDoc()
	for i := range 40 {
		x, y := 15+float64(i%8)*22, 150+float64(i/8)*22
		r := layout.Rect{X: x, Y: y, W: 20, H: 20, Radius: 4, Fill: &pale}
		if i%2 == 1 {
			r.Stroke, r.LineWidth = &navy, 0.4
		}
		doc.Pages[0].Items = append(doc.Pages[0].Items, r)
	}
	doc.Pages[1].Items = append(doc.Pages[1].Items,
		layout.Bookmark{Title: "報告（深い階層）", Level: 2, Y: 60},
		layout.Bookmark{Title: "警察", Level: 1, Y: 80})
	return doc
}

func writeBytes(t *testing.T, doc *layout.Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, doc, loadFonts(t)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestWriteStrict validates a file with pdfcpu in strict mode and checks
// that every page closes each graphics state it opens, never deeper than
// the limit.
func TestWriteStrict(t *testing.T) {
	data := writeBytes(t, richDoc())
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	ctx, err := api.ReadAndValidate(bytes.NewReader(data), conf)
	if err != nil {
		t.Fatalf("pdfcpu validate -m strict: %v", err)
	}
	for p := 1; p <= ctx.PageCount; p++ {
		r, err := pdfcpu.ExtractPageContent(ctx, p)
		if err != nil {
			t.Fatalf("page %d: %v", p, err)
		}
		content, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		s, err := gstate.Scan(content)
		if err != nil {
			t.Fatalf("page %d: %v", p, err)
		}
		for _, msg := range s.Problems() {
			t.Errorf("page %d: %s", p, msg)
		}
		if p == 1 && s.Q < 41 {
			t.Errorf("page 1 has %d q, want one for each of the 41 rounded rectangles at least", s.Q)
		}
	}
}

var (
	startxrefRE = regexp.MustCompile(`\nstartxref\n(\d+)\n%%EOF\n\z`)
	idRE        = regexp.MustCompile(`\ntrailer\n<<\n/Size (\d+)\n/Root \d+ 0 R\n/Info \d+ 0 R\n/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]\n>>\n`)
)

// checkXref checks that every entry of data's cross-reference table points
// at its object, and returns the table's offset.
func checkXref(t *testing.T, data []byte) int {
	t.Helper()
	m := startxrefRE.FindSubmatch(data)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	table := string(data[xref:])
	var n int
	if _, err := fmt.Sscanf(table, "xref\n0 %d\n", &n); err != nil {
		t.Fatalf("no cross-reference table at %d: %v", xref, err)
	}
	lines := strings.Split(table, "\n")[2:]
	if len(lines) < n || lines[0] != "0000000000 65535 f " {
		t.Fatalf("cross-reference table too short or without entry 0")
	}
	for i := 1; i < n; i++ {
		var off, gen int
		if _, err := fmt.Sscanf(lines[i], "%010d %05d n ", &off, &gen); err != nil {
			t.Fatalf("entry %d %q: %v", i, lines[i], err)
		}
		if want := fmt.Sprintf("%d 0 obj\n", i); off >= len(data) || !bytes.HasPrefix(data[off:], []byte(want)) {
			t.Errorf("entry %d points at %d, which is not %q", i, off, want)
		}
	}
	return xref
}

func TestWriteFileStructure(t *testing.T) {
	data := writeBytes(t, richDoc())
	if !bytes.HasPrefix(data, []byte("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")) {
		t.Errorf("header %q, want PDF 1.4 and a binary comment", data[:16])
	}
	xref := checkXref(t, data)
	m := idRE.FindSubmatch(data)
	if m == nil {
		t.Fatalf("trailer without /ID:\n%s", data[xref:])
	}
	sum := sha256.Sum256(data[:xref])
	if id := hex.EncodeToString(sum[:16]); string(m[2]) != id || string(m[3]) != id {
		t.Errorf("/ID [%s %s], want both %s (from the content)", m[2], m[3], id)
	}
	for _, bad := range []string{"/EmbeddedFiles", "/Count 0", "/JavaScript", "/Transparency", "/SMask", "/CA ", "/ca "} {
		if bytes.Contains(data, []byte(bad)) {
			t.Errorf("file contains %s", bad)
		}
	}
	links := regexp.MustCompile(`(?m)^<</Type /Annot /Subtype /Link .*$`).FindAll(data, -1)
	if len(links) != 2 {
		t.Errorf("%d link annotations, want 2 objects of their own", len(links))
	}
	for _, l := range links {
		if !bytes.Contains(l, []byte(" /F 4 ")) || !bytes.Contains(l, []byte("/A <</S /URI /URI (https://")) {
			t.Errorf("link without the Print flag or a URI action: %s", l)
		}
	}
	for _, want := range []string{"/Metadata ", "/S /GTS_PDFA1 ", "/DestOutputProfile ", "/Lang (ja-JP)", "/PageMode /UseOutlines"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("file lacks %s", want)
		}
	}
}

func TestOutlineCounts(t *testing.T) {
	x := &extra{pages: []pageExtra{{h: a4H}, {h: slideH}}}
	for _, m := range []struct{ level, page int }{{0, 0}, {1, 0}, {2, 0}, {2, 1}, {1, 1}, {0, 1}, {1, 1}} {
		x.marks = append(x.marks, mark{Bookmark: layout.Bookmark{Title: "見出し", Level: m.level, Y: 10}, page: m.page})
	}
	o := &objects{list: make([][]byte, 7)}
	root := addOutlines(o, x, []int{3, 5})
	if root != 7 || len(o.list) != 15 {
		t.Fatalf("root %d with %d objects, want 7 and 15", root, len(o.list))
	}
	if got, want := string(o.list[root]), "<</Type /Outlines /First 8 0 R\n/Last 13 0 R\n/Count 7>>\n"; got != want {
		t.Errorf("root %q, want %q", got, want)
	}
	// Object, parent, links and count of each item.
	for i, want := range []struct {
		parent int
		links  string
		count  int
	}{
		{7, "/Next 13 0 R\n/First 9 0 R\n/Last 12 0 R\n", 4},
		{8, "/Next 12 0 R\n/First 10 0 R\n/Last 11 0 R\n", 2},
		{9, "/Next 11 0 R\n", 0},
		{9, "/Prev 10 0 R\n", 0},
		{8, "/Prev 9 0 R\n", 0},
		{7, "/Prev 8 0 R\n/First 14 0 R\n/Last 14 0 R\n", 1},
		{13, "", 0},
	} {
		page := []int{3, 3, 3, 5, 5, 5, 5}[i]
		top := []float64{a4H, a4H, a4H, slideH, slideH, slideH, slideH}[i] - 10
		count := ""
		if want.count > 0 {
			count = fmt.Sprintf("\n/Count %d", want.count)
		}
		w := fmt.Sprintf("<</Title %s\n/Parent %d 0 R\n%s/Dest [%d 0 R /XYZ 0 %.2f null]%s>>\n",
			textString("見出し"), want.parent, want.links, page, top*ptPerMM, count)
		if got := string(o.list[8+i]); got != w {
			t.Errorf("item %d:\n%s\nwant\n%s", i, got, w)
		}
	}
}

// decodeText reads a hexadecimal UTF-16BE text string as textString writes
// it.
func decodeText(t *testing.T, s string) string {
	t.Helper()
	b, err := hex.DecodeString(strings.TrimSuffix(strings.TrimPrefix(s, "<FEFF"), ">"))
	if err != nil || len(b)%2 != 0 {
		t.Fatalf("text string %q: %v", s, err)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// TestMetadataAgree checks that the Info dictionary and the XMP metadata
// say the same, as PDF/A-1 requires.
func TestMetadataAgree(t *testing.T) {
	m := testMeta()
	m.Title = `<対策> & "確認"`
	m.Date = time.Date(2026, 11, 25, 9, 30, 0, 0, time.FixedZone("JST", 9*3600))
	info := map[string]string{}
	for _, l := range strings.Split(string(infoDict(m)), "\n") {
		if k, v, ok := strings.Cut(l, " "); ok {
			info[strings.TrimPrefix(k, "/")] = v
		}
	}
	if got := info["CreationDate"]; got != "(D:20261125093000+09'00')" || info["ModDate"] != got {
		t.Errorf("Info dates %s and %s", got, info["ModDate"])
	}

	x := xmpStream(m)
	if !bytes.HasPrefix(x, []byte("<</Type /Metadata /Subtype /XML /Length ")) || bytes.Contains(x, []byte("/Filter")) {
		t.Errorf("metadata stream dictionary: %.60s", x)
	}
	_, packet, err := stream(x)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Descriptions []struct {
			Title       string `xml:"title>Alt>li"`
			Creator     string `xml:"creator>Seq>li"`
			Description string `xml:"description>Alt>li"`
			Keywords    string `xml:"Keywords"`
			Producer    string `xml:"Producer"`
			CreatorTool string `xml:"CreatorTool"`
			CreateDate  string `xml:"CreateDate"`
			ModifyDate  string `xml:"ModifyDate"`
			Part        string `xml:"part"`
			Conformance string `xml:"conformance"`
		} `xml:"RDF>Description"`
	}
	if err := xml.Unmarshal(packet, &doc); err != nil {
		t.Fatalf("XMP: %v\n%s", err, packet)
	}
	got := map[string]string{}
	for _, d := range doc.Descriptions {
		for k, v := range map[string]string{
			"Title": d.Title, "Author": d.Creator, "Subject": d.Description, "Keywords": d.Keywords,
			"Producer": d.Producer, "Creator": d.CreatorTool, "CreateDate": d.CreateDate,
			"ModifyDate": d.ModifyDate, "part": d.Part, "conformance": d.Conformance,
		} {
			if v != "" {
				got[k] = v
			}
		}
	}
	for _, k := range []string{"Title", "Author", "Subject", "Keywords", "Producer", "Creator"} {
		if want := decodeText(t, info[k]); got[k] != want {
			t.Errorf("XMP %s %q, Info %q", k, got[k], want)
		}
	}
	for k, want := range map[string]string{
		"CreateDate": "2026-11-25T09:30:00+09:00", "ModifyDate": "2026-11-25T09:30:00+09:00",
		"part": "1", "conformance": "B",
	} {
		if got[k] != want {
			t.Errorf("XMP %s %q, want %q", k, got[k], want)
		}
	}
	if got := pdfDate(time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)); got != "D:20250401090000+00'00'" {
		t.Errorf("UTC date %s", got)
	}
}

// TestCIDSets checks that each font's CIDSet lists .notdef and exactly the
// characters drawn with that face.
func TestCIDSets(t *testing.T) {
	doc := testDoc()
	data := writeBytes(t, doc)
	want := map[string]map[int]bool{"Regular": {0: true}, "Bold": {0: true}}
	for _, pg := range doc.Pages {
		for _, it := range pg.Items {
			if tx, ok := it.(layout.Text); ok {
				face := map[bool]string{false: "Regular", true: "Bold"}[tx.Bold]
				for _, r := range tx.Str {
					want[face][int(r)] = true
				}
			}
		}
	}
	descs := regexp.MustCompile(`/FontName /[A-Z]{6}\+BIZUDPGothic-(\w+) [^\n]*/CIDSet (\d+) 0 R>>`).FindAllSubmatch(data, -1)
	if len(descs) != 2 {
		t.Fatalf("%d font descriptors with a CIDSet, want 2", len(descs))
	}
	for _, d := range descs {
		face, obj := string(d[1]), string(d[2])
		at := bytes.Index(data, []byte("\n"+obj+" 0 obj\n"))
		if at < 0 {
			t.Fatalf("no object %s", obj)
		}
		_, z, err := stream(data[at+len(obj)+8 : at+len(obj)+8+bytes.Index(data[at+len(obj)+8:], []byte("endobj\n"))])
		if err != nil {
			t.Fatal(err)
		}
		r, err := zlib.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Fatal(err)
		}
		bits, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]bool{}
		for i, b := range bits {
			for j := range 8 {
				if b&(0x80>>j) != 0 {
					got[8*i+j] = true
				}
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want[face]) {
			t.Errorf("%s: CIDSet %v, want %v", face, got, want[face])
		}
	}
}

// TestFinishRefusesSurprises changes fpdf's file in ways finish does not
// expect: each must give an error, and random damage must never make it
// panic or write a file whose table points elsewhere.
func TestFinishRefusesSurprises(t *testing.T) {
	raw, x, err := drawDoc(richDoc(), loadFonts(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := finish(raw, x); err != nil {
		t.Fatal(err)
	}
	replace := func(old, new string) []byte {
		if !bytes.Contains(raw, []byte(old)) {
			t.Fatalf("fpdf's file has no %q", old)
		}
		b := bytes.Replace(raw, []byte(old), []byte(new), 1)
		if len(b) != len(raw) {
			t.Fatalf("replacing %q changes the length", old)
		}
		return b
	}
	xref := bytes.LastIndex(raw, []byte("\nxref\n")) + 1
	entry := xref + len("xref\n0 00\n") + 20 // object 1
	moved := bytes.Clone(raw)
	moved[entry+9]++
	for name, b := range map[string][]byte{
		"another header":     replace("%PDF-1.3", "%PDF-1.5"),
		"no EOF":             raw[:len(raw)-6],
		"offset off by one":  moved,
		"another catalog":    replace("/EmbeddedFiles", "/JavaScripts\x20\x20"),
		"a page with links":  replace("/Resources 2 0 R\n", "/Annots   [] 0 R\n"),
		"fewer pages":        replace("/Count 3\n", "/Count 2\n"),
		"fonts in resources": replace("/Font <<\n>>", "/Font << >>"),
		"other resources":    replace("/ProcSet [", "/ProcSeT ["),
		"a table cut short":  raw[:xref+30],
	} {
		if _, err := finish(b, x); err == nil {
			t.Errorf("%s: no error", name)
		}
	}

	// Random damage where finish reads: outside the stream data.
	var text []int
	for i := 0; i < len(raw); i++ {
		text = append(text, i)
		const open = ">>\nstream\n"
		if bytes.HasPrefix(raw[i:], []byte(open)) {
			end := bytes.Index(raw[i:], []byte("\nendstream\n"))
			if end < 0 {
				t.Fatal("stream without end")
			}
			i += end
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	failed := 0
	for range 200 {
		b := bytes.Clone(raw)
		for range 1 + rng.IntN(3) {
			b[text[rng.IntN(len(text))]] = byte(rng.IntN(256))
		}
		out, err := finish(b, x)
		if err != nil {
			failed++
			continue
		}
		checkXref(t, out)
	}
	t.Logf("%d of 200 damaged files refused (%d bytes outside streams)", failed, len(text))
}

// TestWritePreflight checks the test document for PDF/A-1b with Apache
// PDFBox Preflight.
func TestWritePreflight(t *testing.T) {
	testtool.Long(t)
	path, _ := writeFile(t, richDoc())
	for _, p := range testtool.Preflight(t, path)[path] {
		t.Errorf("PDFBox Preflight PDF/A-1b: %s", p)
	}
}
