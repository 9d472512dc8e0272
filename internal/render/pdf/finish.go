package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"sodan/internal/layout"
)

// fpdf v0.9.0 writes files that strict checkers refuse, and PDF/A-1b
// needs things it cannot write at all:
//
//   - every bookmark has /Count 0, also those with children, and the
//     outline root has no /Count;
//   - links are direct annotation dictionaries inside /Annots, without the
//     Print flag (/F 4);
//   - the catalog has an empty /Names << /EmbeddedFiles ... >>;
//   - the header is %PDF-1.3 with no binary comment line after it, and the
//     trailer has no /ID;
//   - there is no way to refer to XMP metadata from the catalog
//     (SetXmpMetadata writes a stream that nothing points to), no output
//     intent, and the Info dates have no time zone.
//
// fpdf has no hooks for any of this. So Write never calls fpdf's Bookmark
// or LinkString, nor any of its font methods (see embed.go): fpdf writes
// pages and resources only, and finish
// then rebuilds the file from fpdf's objects. It splits fpdf's output at the
// offsets of fpdf's own cross-reference table (checking that each object
// sits where the table says), keeps every object's bytes except the few it
// changes (the Info dictionary and the catalog are replaced, each page with
// links gets /Annots, the resources their fonts), appends its own
// objects (the fonts, bookmarks, link annotations, XMP metadata, the sRGB
// profile), and writes a new cross-reference table and a trailer with
// an /ID derived from the content. Anything in fpdf's output that differs
// from what finish expects is an error, never silently dropped. The file
// declares PDF 1.4 (PDF/A-1's base; fpdf writes nothing newer than 1.3).

// header is the PDF 1.4 header with the comment of four bytes above 127
// that tells transfer programs the file is binary (PDF/A-1 §6.1.2).
const header = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"

// producer is the Info dictionary's and the XMP metadata's Producer.
const producer = "go-pdf/fpdf v0.9.0"

// extra is what finish adds to the file fpdf wrote.
type extra struct {
	meta  layout.Meta
	pages []pageExtra
	marks []mark
	fonts *Fonts
	used  *[2]runeSet // the runes drawn with each face (embed.go)
	made  *fontsMade  // their fonts' streams, begun before the pages were drawn
}

// pageExtra is one page's height (mm) and links.
type pageExtra struct {
	h     float64
	links []layout.Link
}

// mark is a bookmark and the page (0-based) it was on.
type mark struct {
	layout.Bookmark
	page int
}

// fpdfFile is the file fpdf wrote, split into its objects.
type fpdfFile struct {
	objs       [][]byte // objs[n]: the bytes between "n 0 obj\n" and "endobj\n"
	order      []int    // object numbers in file order
	root, info int
}

var (
	tailRE    = regexp.MustCompile(`\nstartxref\n(\d+)\n%%EOF\n\z`)
	xrefRE    = regexp.MustCompile(`\Axref\n0 (\d+)\n0000000000 65535 f \n`)
	entryRE   = regexp.MustCompile(`\A(\d{10}) 00000 n \n`)
	trailerRE = regexp.MustCompile(`\Atrailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n>>\nstartxref\n`)
)

// parseFpdf splits b, a file written by fpdf, into its objects.
func parseFpdf(b []byte) (*fpdfFile, error) {
	const fpdfHeader = "%PDF-1.3\n"
	if !bytes.HasPrefix(b, []byte(fpdfHeader)) {
		return nil, errors.New("fpdf output does not start with " + strings.TrimSpace(fpdfHeader))
	}
	m := tailRE.FindSubmatch(b)
	if m == nil {
		return nil, errors.New("fpdf output does not end with startxref")
	}
	xref, err := strconv.Atoi(string(m[1]))
	if err != nil || xref >= len(b) {
		return nil, fmt.Errorf("fpdf output: startxref %s out of range", m[1])
	}
	pos := xref
	m = xrefRE.FindSubmatch(b[pos:])
	if m == nil {
		return nil, fmt.Errorf("fpdf output: no cross-reference table at %d", xref)
	}
	size, err := strconv.Atoi(string(m[1]))
	if err != nil || size < 2 || size > len(b)/20 {
		return nil, fmt.Errorf("fpdf output: %s objects", m[1])
	}
	pos += len(m[0])
	offsets := make([]int, size)
	for n := 1; n < size; n++ {
		m = entryRE.FindSubmatch(b[pos:])
		if m == nil {
			return nil, fmt.Errorf("fpdf output: bad cross-reference entry for object %d", n)
		}
		offsets[n], _ = strconv.Atoi(string(m[1]))
		pos += len(m[0])
	}
	m = trailerRE.FindSubmatch(b[pos:])
	if m == nil {
		return nil, errors.New("fpdf output: unexpected trailer")
	}
	f := &fpdfFile{objs: make([][]byte, size)}
	trailerSize, _ := strconv.Atoi(string(m[1]))
	f.root, _ = strconv.Atoi(string(m[2]))
	f.info, _ = strconv.Atoi(string(m[3]))
	if trailerSize != size || f.root < 1 || f.root >= size || f.info < 1 || f.info >= size || f.root == f.info {
		return nil, fmt.Errorf("fpdf output: trailer /Size %d /Root %d /Info %d with %d objects", trailerSize, f.root, f.info, size)
	}

	f.order = make([]int, size-1)
	for i := range f.order {
		f.order[i] = i + 1
	}
	slices.SortFunc(f.order, func(a, b int) int { return offsets[a] - offsets[b] })
	if offsets[f.order[0]] != len(fpdfHeader) {
		return nil, fmt.Errorf("fpdf output: first object at %d, want %d", offsets[f.order[0]], len(fpdfHeader))
	}
	for i, n := range f.order {
		end := xref
		if i+1 < len(f.order) {
			end = offsets[f.order[i+1]]
		}
		start := offsets[n]
		if end <= start || end > xref {
			return nil, fmt.Errorf("fpdf output: object %d at %d overlaps the next at %d", n, start, end)
		}
		obj := b[start:end]
		prefix := strconv.Itoa(n) + " 0 obj\n"
		const suffix = "endobj\n"
		if !bytes.HasPrefix(obj, []byte(prefix)) || !bytes.HasSuffix(obj, []byte(suffix)) || len(obj) < len(prefix)+len(suffix) {
			return nil, fmt.Errorf("fpdf output: object %d is not where the cross-reference table says (%d)", n, start)
		}
		f.objs[n] = obj[len(prefix) : len(obj)-len(suffix)]
	}
	return f, nil
}

// finish rebuilds the file fpdf wrote (b) with the additions in x; see the
// comment at the top of this file.
func finish(b []byte, x *extra) ([]byte, error) {
	var m merger
	if err := m.add(b, len(x.pages)); err != nil {
		return nil, err
	}
	return m.finish(x)
}

// finish makes the PDF of the parts merged, with the additions in x.
func (m *merger) finish(x *extra) ([]byte, error) {
	o, pages := m.o, m.pages
	if len(pages) != len(x.pages) {
		return nil, fmt.Errorf("fpdf wrote %d pages, want %d", len(pages), len(x.pages))
	}
	o.list[1] = m.tree()
	base := len(o.list)
	var err error
	for i, pg := range x.pages {
		if len(pg.links) == 0 {
			continue
		}
		var refs []int
		for _, l := range pg.links {
			refs = append(refs, o.add(linkAnnot(l, pg.h)))
		}
		if o.list[pages[i]], err = withAnnots(o.list[pages[i]], refs); err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	if err := addFontResources(o, x); err != nil {
		return nil, err
	}
	var cat bytes.Buffer
	cat.WriteString("<<\n/Type /Catalog\n/Pages 1 0 R\n")
	if x.meta.Lang != "" {
		fmt.Fprintf(&cat, "/Lang %s\n", literal(x.meta.Lang))
	}
	if len(x.marks) > 0 {
		fmt.Fprintf(&cat, "/Outlines %d 0 R\n/PageMode /UseOutlines\n", addOutlines(o, x, pages))
	}
	fmt.Fprintf(&cat, "/Metadata %d 0 R\n", o.add(xmpStream(x.meta)))
	fmt.Fprintf(&cat, "/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier %s /RegistryName (http://www.color.org) /Info %s /DestOutputProfile %d 0 R>>]\n>>\n",
		literal(srgbCondition), literal(srgbCondition), o.add(iccStream()))
	o.list[m.root] = cat.Bytes()
	o.list[m.info] = infoDict(x.meta)

	// fpdf's objects keep their order; the new ones follow.
	order := m.order
	for n := base; n < len(o.list); n++ {
		order = append(order, n)
	}
	return o.write(order, m.root, m.info), nil
}

// noFonts is the empty font dictionary fpdf writes into the pages' shared
// resources (object 2), having been given no fonts.
const noFonts = "\n/Font <<\n>>\n"

// addFontResources adds the fonts of the text drawn (embed.go) and names
// them in the pages' resources.
func addFontResources(o *objects, x *extra) error {
	res := o.list[2]
	if !bytes.HasPrefix(res, []byte("<<\n/ProcSet ")) || bytes.Count(res, []byte(noFonts)) != 1 {
		return fmt.Errorf("fpdf wrote unexpected resources:\n%s", res)
	}
	if x.made == nil {
		x.made = makeFonts(x.fonts, x.used)
	}
	fonts, err := addFonts(o, x.fonts, x.used, x.made)
	if err != nil {
		return err
	}
	o.list[2] = bytes.Replace(res, []byte(noFonts), fmt.Appendf(nil, "\n/Font <<%s>>\n", fonts), 1)
	return nil
}

// objects are a file's objects by number (0 is unused).
type objects struct{ list [][]byte }

// add appends a new object and returns its number.
func (o *objects) add(body []byte) int {
	o.list = append(o.list, body)
	return len(o.list) - 1
}

// write writes the file: the header, the objects in order, the
// cross-reference table and the trailer with an /ID that is the first half
// of the SHA-256 of everything before it, so the same objects always give
// the same ID and other content almost always another.
func (o *objects) write(order []int, root, info int) []byte {
	size := len(header) + 200 // with the trailer
	for _, n := range order {
		size += len(o.list[n]) + 40 // with "n 0 obj", "endobj" and the xref entry
	}
	var out bytes.Buffer
	out.Grow(size)
	out.WriteString(header)
	offsets := make([]int, len(o.list))
	for _, n := range order {
		offsets[n] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n", n)
		out.Write(o.list[n])
		out.WriteString("endobj\n")
	}
	sum := sha256.Sum256(out.Bytes())
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(o.list))
	for _, off := range offsets[1:] {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/ID [<%x> <%x>]\n>>\nstartxref\n%d\n%%%%EOF\n",
		len(o.list), root, info, sum[:16], sum[:16], xref)
	return out.Bytes()
}

// catalogRE is the catalog fpdf writes when nothing but pages, fonts and
// /Lang was asked of it.
var catalogRE = regexp.MustCompile(`\A<<\n/Type /Catalog\n/Pages 1 0 R\n(?:/Lang \([A-Za-z0-9-]*\)\n)?/Names <<\n/EmbeddedFiles << /Names \[\s*\] >>\n>>\n>>\n\z`)

var kidsRE = regexp.MustCompile(`\A<</Type /Pages\n/Kids \[((?:\d+ 0 R )*)\]\n/Count (\d+)\n`)

// pageObjects returns the object numbers of the pages listed in fpdf's page
// tree root.
func pageObjects(root []byte) ([]int, error) {
	m := kidsRE.FindSubmatch(root)
	if m == nil {
		return nil, errors.New("fpdf wrote an unexpected page tree")
	}
	var pages []int
	for _, ref := range strings.Fields(string(m[1])) {
		if ref == "0" || ref == "R" {
			continue
		}
		n, _ := strconv.Atoi(ref)
		pages = append(pages, n)
	}
	if c, _ := strconv.Atoi(string(m[2])); c != len(pages) {
		return nil, fmt.Errorf("fpdf's page tree has /Count %d and %d kids", c, len(pages))
	}
	return pages, nil
}

var contentsRE = regexp.MustCompile(`\n/Contents (\d+) 0 R>>\n\z`)

// compressPages compresses the content stream of each page, which fpdf
// wrote uncompressed (see flate.go).
func compressPages(o *objects, pages []int) error {
	var z bytes.Buffer
	for i, pg := range pages {
		m := contentsRE.FindSubmatch(o.list[pg])
		if m == nil {
			return fmt.Errorf("page %d: fpdf wrote an unexpected page object", i+1)
		}
		n, _ := strconv.Atoi(string(m[1]))
		if n <= 0 || n >= len(o.list) {
			return fmt.Errorf("page %d: contents in object %d", i+1, n)
		}
		dict, data, err := stream(o.list[n])
		if err != nil {
			return fmt.Errorf("page %d: contents (object %d): %w", i+1, n, err)
		}
		if string(dict) != fmt.Sprintf("<</Length %d>>", len(data)) {
			return fmt.Errorf("page %d: contents (object %d) with dictionary %s", i+1, n, dict)
		}
		z.Reset()
		deflate(&z, data, otherLevel)
		o.list[n] = streamObject(fmt.Sprintf("<</Filter /FlateDecode /Length %d>>", z.Len()), z.Bytes())
	}
	return nil
}

var lengthRE = regexp.MustCompile(`/Length (\d+)\b`)

// literalEscapes escapes what a PDF literal string cannot hold as it is.
var literalEscapes = strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)

// literal writes s, printable ASCII, as a PDF literal string.
func literal(s string) string {
	return "(" + literalEscapes.Replace(s) + ")"
}

// textString writes s as a PDF text string: UTF-16BE with a byte order
// mark, in hexadecimal. check has made sure s is BMP-only.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, r := range s {
		fmt.Fprintf(&b, "%04X", r)
	}
	b.WriteString(">")
	return b.String()
}

// stream splits an object fpdf wrote as "<<…/Length n…>>\nstream\n" data
// "\nendstream\n" into its dictionary and data.
func stream(obj []byte) (dict, data []byte, err error) {
	const open, end = ">>\nstream\n", "\nendstream\n"
	i := bytes.Index(obj, []byte(open))
	if i < 0 {
		return nil, nil, errors.New("not a stream")
	}
	dict = obj[:i+2]
	m := lengthRE.FindSubmatch(dict)
	if m == nil {
		return nil, nil, errors.New("stream without /Length")
	}
	n, err := strconv.Atoi(string(m[1]))
	start := i + len(open)
	if err != nil || n > len(obj)-start || !bytes.Equal(obj[start+n:], []byte(end)) {
		return nil, nil, fmt.Errorf("stream /Length %s does not match its data", m[1])
	}
	return dict, obj[start : start+n], nil
}
