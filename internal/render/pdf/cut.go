package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// Each PDF embeds, for each face it draws text with, a subset of the face:
// a TrueType file holding glyph 0 (.notdef), the glyphs of the characters
// drawn and, recursively, the components of composite glyphs, numbered
// again in the whole face's order (glyph 0 stays 0; composite glyphs'
// components are numbered again too). Its hmtx has a long metric for every
// glyph (the original advances and side bearings), hhea and maxp count the
// glyphs, its cmap maps the characters drawn; head, OS/2, name, post, cvt,
// fpgm, prep and gasp are the original tables. The tables a PDF viewer does
// not read for a CIDFontType2 font (GSUB, vmtx, DSIG, ...) are left out.
// Cutting a face reads only the glyphs it keeps, so it takes well under a
// millisecond for the 13,932 glyphs of a whole face.

// keptTables are the tables of a face copied into its subsets: unchanged,
// but for head (its loca format and checksum adjustment) and hmtx and hhea
// (long metrics for every glyph).
var keptTables = [...]string{"OS/2", "cvt ", "fpgm", "gasp", "head", "hhea", "hmtx", "maxp", "name", "post", "prep"}

// required are the kept tables a face must have; the others are optional.
var required = map[string]bool{"OS/2": true, "head": true, "hhea": true, "hmtx": true, "maxp": true, "name": true, "post": true}

// cutter is what cutting a face needs, read once by LoadFonts.
type cutter struct {
	tables    map[string][]byte // the kept tables present (hmtx and hhea for long metrics)
	sums      map[string]uint32 // their checksums
	glyf      []byte
	loca      []uint32 // numGlyphs+1 offsets into glyf
	numGlyphs int
	gid       *[0x10000]uint16 // the face's format-4 cmap (metrics.gid)
}

// newCutter reads data, a face whose metrics m have been parsed (and so
// checked) already. The subsets get its hmtx with long metrics for all
// glyphs (longHmtx), so that each glyph's metric is where its number says.
func newCutter(data []byte, m *metrics) (*cutter, error) {
	s, err := parseSFNT(data)
	if err != nil {
		return nil, err
	}
	hmtx, err := longHmtx(s)
	if err != nil {
		return nil, err
	}
	c := &cutter{tables: map[string][]byte{}, sums: map[string]uint32{}, gid: &m.gid}
	for _, tag := range keptTables {
		t, ok := s.tables[tag]
		switch {
		case ok:
			c.tables[tag] = t
			if tag != "head" { // changed in every subset
				c.sums[tag] = checksum(t)
			}
		case required[tag]:
			return nil, fmt.Errorf("no %q table: %w", tag, errFont)
		}
	}
	head := c.tables["head"]
	c.numGlyphs = u16(c.tables["maxp"], 4)
	hhea := slices.Clone(c.tables["hhea"])
	binary.BigEndian.PutUint16(hhea[34:], uint16(c.numGlyphs))
	c.tables["hmtx"], c.tables["hhea"] = hmtx, hhea
	c.sums["hmtx"], c.sums["hhea"] = checksum(hmtx), checksum(hhea)
	c.glyf = s.tables["glyf"]
	loca := s.tables["loca"] // checkLoca has checked its size and offsets
	short := u16(head, 50) == 0
	c.loca = make([]uint32, c.numGlyphs+1)
	for i := range c.loca {
		if short {
			c.loca[i] = 2 * uint32(u16(loca, 2*i))
		} else {
			c.loca[i] = u32(loca, 4*i)
		}
	}
	return c, nil
}

// glyph returns the bytes of glyph g.
func (c *cutter) glyph(g int) []byte { return c.glyf[c.loca[g]:c.loca[g+1]] }

// components appends to dst the glyphs that glyph g, if composite, is made
// of; a record that does not fit the glyph or names a glyph the face does
// not have is an error.
func (c *cutter) components(dst []int, g int) ([]int, error) {
	b := c.glyph(g)
	if len(b) == 0 {
		return dst, nil
	}
	if len(b) < 10 {
		return nil, fmt.Errorf("glyph %d: %d bytes: %w", g, len(b), errFont)
	}
	if int16(binary.BigEndian.Uint16(b)) >= 0 {
		return dst, nil // simple glyph
	}
	const (
		argsAreWords = 1 << 0
		haveScale    = 1 << 3
		moreComps    = 1 << 5
		haveXYScale  = 1 << 6
		have2x2      = 1 << 7
	)
	for p := 10; ; {
		if p+4 > len(b) {
			return nil, fmt.Errorf("glyph %d: component record past the end: %w", g, errFont)
		}
		flags, comp := u16(b, p), u16(b, p+2)
		if comp >= c.numGlyphs {
			return nil, fmt.Errorf("glyph %d: component glyph %d of %d: %w", g, comp, c.numGlyphs, errFont)
		}
		dst = append(dst, comp)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if p > len(b) {
			return nil, fmt.Errorf("glyph %d: component record past the end: %w", g, errFont)
		}
		if flags&moreComps == 0 {
			return dst, nil
		}
	}
}

// glyphs returns, in order, the glyphs a subset for drawing the runes used
// must hold: 0, those of used, and every component of those, recursively.
// A composite glyph that contains itself is an error (a renderer would
// recurse through it forever).
func (c *cutter) glyphs(used *runeSet) ([]int, error) {
	const (
		unseen = iota
		open   // on the path being followed
		done
	)
	state := make([]uint8, c.numGlyphs)
	var comps []int
	var visit func(g, depth int) error
	visit = func(g, depth int) error {
		switch state[g] {
		case done:
			return nil
		case open:
			return fmt.Errorf("composite glyph %d contains itself: %w", g, errFont)
		}
		if depth > 32 {
			return fmt.Errorf("composite glyph %d nested too deep: %w", g, errFont)
		}
		state[g] = open
		start := len(comps)
		var err error
		if comps, err = c.components(comps, g); err != nil {
			return err
		}
		// Visiting a component appends past end and truncates back to
		// end, so comps[start:end] stays as it is.
		end := len(comps)
		for i := start; i < end; i++ {
			if err := visit(comps[i], depth+1); err != nil {
				return err
			}
		}
		comps = comps[:start]
		state[g] = done
		return nil
	}
	seed := []int{0}
	used.each(func(r rune) { seed = append(seed, int(c.gid[r])) })
	for _, g := range seed {
		if err := visit(g, 0); err != nil {
			return nil, err
		}
	}
	var list []int
	for g, s := range state {
		if s == done {
			list = append(list, g)
		}
	}
	return list, nil
}

// errCmapFull is returned by cmap when the characters need more segments
// than a format-4 cmap can hold.
var errCmapFull = fmt.Errorf("too many characters for a format-4 cmap: %w", errFont)

// subset returns the TrueType file embedded for drawing the runes in used
// with the face (see the comment at the top of this file), and the number
// each glyph of the face has in it (-1 for those it leaves out): the glyph
// of rune r is newID[c.gid[r]].
func (c *cutter) subset(used *runeSet) (prog []byte, newID []int32, err error) {
	ids, err := c.glyphs(used)
	if err != nil {
		return nil, nil, err
	}
	newID = make([]int32, c.numGlyphs)
	for i := range newID {
		newID[i] = -1
	}
	size := 0
	for i, g := range ids {
		newID[g] = int32(i)
		size += len(c.glyph(g))
	}
	glyf := make([]byte, 0, size)
	loca := make([]byte, 4*(len(ids)+1))
	hmtx := make([]byte, 4*len(ids))
	long := c.tables["hmtx"] // a long metric for every glyph
	for i, g := range ids {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(len(glyf)))
		copy(hmtx[4*i:], long[4*g:4*g+4])
		start := len(glyf)
		glyf = append(glyf, c.glyph(g)...)
		renumber(glyf[start:], newID)
	}
	binary.BigEndian.PutUint32(loca[4*len(ids):], uint32(len(glyf)))

	head := slices.Clone(c.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // indexToLocFormat: long offsets
	hhea := slices.Clone(c.tables["hhea"])
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(ids))) // numberOfHMetrics
	maxp := slices.Clone(c.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(ids))) // numGlyphs
	tables := map[string][]byte{"glyf": glyf, "loca": loca, "head": head, "hmtx": hmtx, "hhea": hhea, "maxp": maxp}
	var runes []rune
	used.each(func(r rune) { runes = append(runes, r) })
	cmap, err := c.cmap(runes, func(r rune) int { return int(newID[c.gid[r]]) })
	switch {
	case err == nil:
		tables["cmap"] = cmap
	case !errors.Is(err, errCmapFull):
		return nil, nil, err
	}
	// With more scattered characters than a format-4 cmap can map, the
	// subset has none: a PDF reader finds a CIDFontType2 font's glyphs
	// through its CIDToGIDMap, never through the cmap.
	sums := map[string]uint32{}
	for tag, t := range c.tables {
		if tables[tag] == nil {
			tables[tag] = t
			sums[tag] = c.sums[tag]
		}
	}
	out, sum := assemble(tables, sums)
	binary.BigEndian.PutUint32(out[tableOffset(out, "head")+8:], 0xB1B0AFBA-sum)
	return out, newID, nil
}

// renumber rewrites the component glyph numbers of b, a copy of a glyph,
// by newID; a simple glyph is left as it is. components has read the
// glyph's records already, so they are known to be well formed.
func renumber(b []byte, newID []int32) {
	if len(b) < 10 || int16(binary.BigEndian.Uint16(b)) >= 0 {
		return
	}
	for p := 10; p+4 <= len(b); {
		flags := u16(b, p)
		binary.BigEndian.PutUint16(b[p+2:], uint16(newID[u16(b, p+2)]))
		p += 4
		if flags&1 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&(1<<3) != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&(1<<6) != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&(1<<7) != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&(1<<5) == 0 { // MORE_COMPONENTS
			return
		}
	}
}

// cmap returns a cmap table with one format-4 subtable (platform 3,
// encoding 1) mapping each of runes (in increasing order) to glyph(rune).
// Runs of consecutive runes with consecutive glyphs share a segment, and
// every segment maps by idDelta alone.
func (c *cutter) cmap(runes []rune, glyph func(rune) int) ([]byte, error) {
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, r := range runes {
		g := glyph(r)
		if n := len(segs); n > 0 && segs[n-1].end == int(r)-1 && (int(r)+segs[n-1].delta)&0xFFFF == g {
			segs[n-1].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), (g - int(r)) & 0xFFFF})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1}) // the required last segment
	n := len(segs)
	const header = 4 + 8 // cmap header, one encoding record
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil, errCmapFull
	}
	b := make([]byte, header+length)
	put := func(at, v int) { binary.BigEndian.PutUint16(b[at:], uint16(v)) }
	put(2, 1)                                 // numTables
	put(4, 3)                                 // platform: Windows
	put(6, 1)                                 // encoding: Unicode BMP
	binary.BigEndian.PutUint32(b[8:], header) // subtable offset
	t := header
	search := 1
	selector := 0
	for search*2 <= n {
		search *= 2
		selector++
	}
	put(t, 4)
	put(t+2, length)
	put(t+6, 2*n)
	put(t+8, 2*search)
	put(t+10, selector)
	put(t+12, 2*n-2*search)
	ends, starts := t+14, t+16+2*n
	deltas := starts + 2*n // idRangeOffsets after them stay 0
	for i, s := range segs {
		put(ends+2*i, s.end)
		put(starts+2*i, s.start)
		put(deltas+2*i, s.delta)
	}
	return b, nil
}

// assemble writes a TrueType file with the tables, in tag order, each
// starting on a four-byte boundary and with its checksum, and returns it
// with the checksum of the whole file. The checksums of tables found in
// sums are taken from there.
func assemble(tables map[string][]byte, sums map[string]uint32) ([]byte, uint32) {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, t := range tables {
		tags = append(tags, tag)
		size += (len(t) + 3) &^ 3
	}
	slices.Sort(tags)
	out := make([]byte, 12+16*len(tags), size)
	n := len(tags)
	search, selector := 1, 0
	for search*2 <= n {
		search *= 2
		selector++
	}
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*search))
	binary.BigEndian.PutUint16(out[8:], uint16(selector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*search))
	var total uint32
	for i, tag := range tags {
		t := tables[tag]
		sum, ok := sums[tag]
		if !ok {
			sum = checksum(t)
		}
		total += sum
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], sum)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	// Each table starts on a word and is padded with zeros, so the file's
	// checksum is the directory's plus the tables'.
	return out, total + checksum(out[:12+16*n])
}

// tableOffset returns the offset of table tag in the file data, whose
// table directory must be complete, or -1.
func tableOffset(data []byte, tag string) int {
	for i := range u16(data, 4) {
		rec := data[12+16*i:]
		if string(rec[:4]) == tag {
			return int(u32(rec, 8))
		}
	}
	return -1
}
