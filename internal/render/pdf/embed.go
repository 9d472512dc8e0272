package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"sync"
)

// Text is drawn with fonts of this file's own, not fpdf's. fpdf v0.9.0,
// for every document, parses each face again when it is registered, dumps
// its 65,536-entry width table to JSON to hash it, subsets it again when
// it writes, and makes a new compressor for each of its four font streams:
// about 6 ms of the 8 ms that the smallest PDF cost, and a third of a whole
// build. So fpdf draws pages and shapes only; text is written into the
// page contents as text operators (text.go), and finish adds for each face
// the document draws with:
//
//   - a Type 0 font with the Identity-H encoding: each character is its
//     Unicode value, two bytes (check has made sure all are in the BMP);
//   - its CIDFontType2 descendant with the widths /W of the characters
//     drawn (the same rounded 1/1000-em widths the layout measured with)
//     and a CIDToGIDMap from character to glyph of the subset;
//   - a ToUnicode CMap (for copying and searching text);
//   - a FontDescriptor with the subset's /CIDSet (PDF/A-1 §6.3.5) and the
//     subset itself (cut.go) as /FontFile2.
//
// The pages' shared resource dictionary that fpdf writes with no fonts in
// it gets the fonts as /F0 (regular) and /F1 (bold).

// fontDesc is what a face's FontDescriptor says of it, in 1/1000 em, read
// from its tables as fpdf v0.9.0 reads them (utf8fontfile.go, parseTables),
// so that the descriptors do not change with the move from fpdf's fonts.
type fontDesc struct {
	ascent, descent, capHeight int
	flags, italicAngle, stemV  int
	missing                    int // MissingWidth, the width of glyph 0
	bbox                       [4]int
}

// readDesc reads the descriptor of the face data, whose metrics m have
// been parsed (and so its tables' sizes checked) already.
func readDesc(data []byte, m *metrics) (fontDesc, error) {
	s, err := parseSFNT(data)
	if err != nil {
		return fontDesc{}, err
	}
	var t [4][]byte // head, hhea, OS/2 and post, at least as long as read
	for i, tb := range [...]struct {
		tag  string
		size int
	}{{"head", 54}, {"hhea", 36}, {"OS/2", 72}, {"post", 16}} {
		if t[i], err = s.table(tb.tag, tb.size); err != nil {
			return fontDesc{}, err
		}
	}
	head, hhea, os2, post := t[0], t[1], t[2], t[3]
	scale := 1000 / float64(u16(head, 18))
	em := func(t []byte, off int) int { return int(float64(int16(u16(t, off))) * scale) }
	d := fontDesc{missing: m.missing}
	d.bbox = [4]int{em(head, 36), em(head, 38), em(head, 40), em(head, 42)}
	d.ascent, d.descent = em(hhea, 4), em(hhea, 6)
	if d.ascent == 0 {
		d.ascent = em(os2, 68)
	}
	if d.descent == 0 {
		d.descent = em(os2, 70)
	}
	d.capHeight = d.ascent
	if u16(os2, 0) > 1 {
		if len(os2) < 90 {
			return fontDesc{}, fmt.Errorf("OS/2 version %d table of %d bytes: %w", u16(os2, 0), len(os2), errFont)
		}
		d.capHeight = em(os2, 88)
	}
	weight := u16(os2, 4)
	d.stemV = 50 + int(math.Pow(float64(weight)/65, 2))
	d.italicAngle = int(int16(u16(post, 4)))
	d.flags = 4 // symbolic: the glyphs are found through the CIDToGIDMap
	if d.italicAngle != 0 {
		d.flags |= 64
	}
	if weight >= 600 {
		d.flags |= 1 << 18 // force bold
	}
	if u32(post, 12) != 0 {
		d.flags |= 1 // fixed pitch
	}
	return d, nil
}

// fontsMade are the streams of each face's font, being made.
type fontsMade struct {
	wg  sync.WaitGroup
	s   [2]*streams
	err [2]error
}

// makeFonts starts making the streams of the font of each face that used
// (the runes drawn with the regular and with the bold face) draws with,
// each on a goroutine of its own, so that they are made while fpdf draws
// the pages: compressing the two subsets was half the time of writing a
// quick list that is made alone.
func makeFonts(f *Fonts, used *[2]runeSet) *fontsMade {
	m := &fontsMade{}
	for i := range f.faces {
		if used[i].empty() {
			continue
		}
		m.wg.Add(1)
		go func() {
			defer m.wg.Done()
			defer func() {
				if r := recover(); r != nil {
					m.err[i] = fmt.Errorf("panic: %v", r)
				}
			}()
			fc := &f.faces[i]
			m.s[i], m.err[i] = f.cache.get(i, &used[i], func() (*streams, error) { return fontStreams(fc, &used[i]) })
		}()
	}
	return m
}

// addFonts adds to o the fonts of every face that used draws with, made
// by makeFonts, and returns the entries of the pages' /Font resources.
func addFonts(o *objects, f *Fonts, used *[2]runeSet, made *fontsMade) ([]byte, error) {
	made.wg.Wait()
	var tags [2]string
	for i := range f.faces {
		tags[i] = subsetTag(&f.faces[i], &used[i], 0)
	}
	// Two tags alike would make the two fonts look like one subset.
	for salt := 1; tags[1] == tags[0]; salt++ {
		tags[1] = subsetTag(&f.faces[1], &used[1], salt)
	}
	var res []byte
	for i := range f.faces {
		if used[i].empty() {
			continue
		}
		if made.err[i] != nil {
			return nil, fmt.Errorf("font %s: %w", f.faces[i].file, made.err[i])
		}
		n := addFont(o, &f.faces[i], made.s[i], tags[i]+"+"+f.faces[i].name)
		res = fmt.Appendf(res, "/F%d %d 0 R", i, n)
	}
	return res, nil
}

// cidSystemInfo is the CIDFont's character collection; with Identity-H and
// a ToUnicode CMap it says nothing a reader needs, and fpdf wrote the same.
const cidSystemInfo = "<</Registry (Adobe) /Ordering (UCS) /Supplement 0>>"

// streams are the parts of a font that depend only on the face and the
// runes drawn with it: its stream objects, ready to write, and its /W.
type streams struct {
	file, cidSet, toGID, toUnicode []byte
	widths                         []byte
}

// fontCache keeps the streams of the last few fonts made. A deck and its
// N-up handouts draw the same characters, and compressing a subset is most
// of the cost of its font, so each is made once. The streams are a function
// of the key alone, so a PDF's bytes never depend on what is cached.
type fontCache struct {
	mu   sync.Mutex
	keys [8][sha256.Size]byte
	vals [8]*streams
	next int // the slot replaced next
}

// get returns the streams of face i for the runes used, made by build if
// they are not cached.
func (c *fontCache) get(i int, used *runeSet, build func() (*streams, error)) (*streams, error) {
	h := sha256.New()
	h.Write([]byte{byte(i)})
	var w [8]byte
	for _, word := range used {
		binary.LittleEndian.PutUint64(w[:], word)
		h.Write(w[:])
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	c.mu.Lock()
	for k := range c.keys {
		if c.vals[k] != nil && c.keys[k] == key {
			v := c.vals[k]
			c.mu.Unlock()
			return v, nil
		}
	}
	c.mu.Unlock()
	v, err := build()
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.keys[c.next], c.vals[c.next] = key, v
	c.next = (c.next + 1) % len(c.keys)
	c.mu.Unlock()
	return v, nil
}

// addFont adds the objects of face fc's font named name, with the streams
// s, and returns the Type 0 font's object number.
func addFont(o *objects, fc *face, s *streams, name string) int {
	file := o.add(s.file)
	cidSet := o.add(s.cidSet)
	d := &fc.desc
	desc := o.add(fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R /CIDSet %d 0 R>>\n",
		name, d.flags, d.bbox[0], d.bbox[1], d.bbox[2], d.bbox[3], d.italicAngle, d.ascent, d.descent, d.capHeight, d.stemV, d.missing, file, cidSet))
	toGIDMap := o.add(s.toGID)
	dw := ""
	if d.missing != 0 {
		dw = fmt.Sprintf(" /DW %d", d.missing)
	}
	cid := o.add(fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo %s /FontDescriptor %d 0 R%s /W [%s] /CIDToGIDMap %d 0 R>>\n",
		name, cidSystemInfo, desc, dw, s.widths, toGIDMap))
	toUnicode := o.add(s.toUnicode)
	return o.add(fmt.Appendf(nil, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>\n",
		name, cid, toUnicode))
}

// fontStreams makes the streams of face fc's font for drawing the runes
// in used.
func fontStreams(fc *face, used *runeSet) (*streams, error) {
	prog, newID, err := fc.cut.subset(used)
	if err != nil {
		return nil, err
	}
	var top rune
	used.each(func(r rune) { top = r })
	toGID := make([]byte, 2*(top+1)) // two bytes for each CID from 0
	set := make([]byte, top/8+1)     // the CIDSet: 0 and the CIDs drawn
	set[0] = 0x80
	var widths []byte
	prev := rune(-2)
	used.each(func(r rune) {
		binary.BigEndian.PutUint16(toGID[2*r:], uint16(newID[fc.cut.gid[r]]))
		set[r/8] |= 0x80 >> (r % 8)
		// /W lists runs of consecutive CIDs: c [w1 w2 …].
		if r != prev+1 {
			if prev >= 0 {
				widths = append(widths, "] "...)
			}
			widths = strconv.AppendInt(widths, int64(r), 10)
			widths = append(widths, " ["...)
		} else {
			widths = append(widths, ' ')
		}
		w := int(fc.m.cw[r])
		if w == 65535 { // fpdf's mark of a glyph of zero width
			w = 0
		}
		widths = strconv.AppendInt(widths, int64(w), 10)
		prev = r
	})
	if prev >= 0 {
		widths = append(widths, ']')
	}
	return &streams{
		file:      flateStream(fmt.Sprintf("/Length1 %d ", len(prog)), prog, fontLevel),
		cidSet:    flateStream("", set, otherLevel),
		toGID:     flateStream("", toGID, otherLevel),
		toUnicode: flateStream("", toUnicodeCMap(used), otherLevel),
		widths:    widths,
	}, nil
}

// toUnicodeCMap maps each CID drawn to itself, the character it is: in
// ranges of consecutive CIDs that differ only in the last byte, at most a
// hundred ranges to a block (ISO 32000-1 §9.10.3).
func toUnicodeCMap(used *runeSet) []byte {
	type span struct{ first, last rune }
	var spans []span
	used.each(func(r rune) {
		if n := len(spans); n > 0 && spans[n-1].last == r-1 && r&0xFF != 0 {
			spans[n-1].last = r
			return
		}
		spans = append(spans, span{r, r})
	})
	b := []byte("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo " + cidSystemInfo + " def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(spans) > 0 {
		block := spans[:min(100, len(spans))]
		spans = spans[len(block):]
		b = fmt.Appendf(b, "%d beginbfrange\n", len(block))
		for _, s := range block {
			b = fmt.Appendf(b, "<%04X> <%04X> <%04X>\n", s.first, s.last, s.first)
		}
		b = append(b, "endbfrange\n"...)
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}
