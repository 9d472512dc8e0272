package pdf

import "fmt"

// readCmap fills m.gid from the format-4 subtable fpdf picks (the first one
// for platform 3 encoding 1 or platform 0), replaying fpdf's lookup exactly,
// including its end-of-subtable check. A format-12 subtable, if present, is
// read for the BMP only and every disagreement is marked in m.mismatch.
func (m *metrics) readCmap(s *sfnt, numGlyphs int) error {
	t, err := s.table("cmap", 4)
	if err != nil {
		return err
	}
	n := u16(t, 2)
	if 4+8*n > len(t) {
		return fmt.Errorf("cmap records past end of table: %w", errFont)
	}
	f4, f12 := -1, -1
	for i := range n {
		rec := t[4+8*i:]
		platform, encoding := u16(rec, 0), u16(rec, 2)
		off := u32(rec, 4)
		if uint64(off)+2 > uint64(len(t)) {
			return fmt.Errorf("cmap subtable %d past end of table: %w", i, errFont)
		}
		format := u16(t, int(off))
		if f4 < 0 && format == 4 && (platform == 3 && encoding == 1 || platform == 0) {
			f4 = int(off)
		}
		if f12 < 0 && format == 12 && (platform == 3 && encoding == 10 || platform == 0) {
			f12 = int(off)
		}
	}
	if f4 < 0 {
		return fmt.Errorf("no format-4 Unicode cmap: %w", errFont)
	}
	if err := m.readFormat4(t, f4, numGlyphs); err != nil {
		return err
	}
	if f12 >= 0 {
		return m.checkFormat12(t, f12, numGlyphs)
	}
	return nil
}

func (m *metrics) readFormat4(t []byte, start, numGlyphs int) error {
	if start+14 > len(t) {
		return fmt.Errorf("cmap format 4 header past end: %w", errFont)
	}
	length := u16(t, start+2)
	segs := u16(t, start+6) / 2
	ends := start + 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	ranges := deltas + 2*segs
	if ranges+2*segs > len(t) {
		return fmt.Errorf("cmap format 4 segments past end: %w", errFont)
	}
	// fpdf treats an idRangeOffset lookup at or beyond start+length as
	// glyph 0; length is 16 bits, so for very large subtables this limit
	// is smaller than the real subtable, and we must agree with fpdf.
	rim := start + length
	mapped := 0
	for i := range segs {
		end, first := u16(t, ends+2*i), u16(t, starts+2*i)
		delta := int(int16(u16(t, deltas+2*i)))
		ro := u16(t, ranges+2*i)
		if end >= first {
			mapped += end - first + 1
		}
		if mapped > 0x20000 {
			return fmt.Errorf("cmap format 4 segments overlap too much: %w", errFont)
		}
		for c := first; c <= end; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				pos := ranges + 2*i + ro + 2*(c-first)
				if pos < rim && pos+2 <= len(t) {
					g = u16(t, pos)
					if g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
			}
			if g >= numGlyphs {
				g = 0 // fpdf has no width for it; treat as missing
			}
			m.gid[c] = uint16(g)
		}
	}
	return nil
}

func (m *metrics) checkFormat12(t []byte, start, numGlyphs int) error {
	if start+16 > len(t) {
		return fmt.Errorf("cmap format 12 header past end: %w", errFont)
	}
	groups := uint64(u32(t, start+12))
	if uint64(start)+16+12*groups > uint64(len(t)) {
		return fmt.Errorf("cmap format 12 groups past end: %w", errFont)
	}
	var gid12 [0x10000]uint16
	for i := range int(groups) {
		g := t[start+16+12*i:]
		first, end, glyph := u32(g, 0), u32(g, 4), u32(g, 8)
		if first > 0xFFFF {
			continue
		}
		end = min(end, 0xFFFF)
		for c := first; c <= end; c++ {
			id := glyph + (c - first)
			if id < uint32(numGlyphs) {
				gid12[c] = uint16(id)
			}
		}
	}
	for c := range gid12 {
		if gid12[c] != m.gid[c] {
			m.mismatch[c/64] |= 1 << (c % 64)
		}
	}
	return nil
}
