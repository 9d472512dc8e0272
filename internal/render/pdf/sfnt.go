package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
)

// This file reads the few TrueType tables that text measurement needs. It
// reads them as fpdf v0.9.0 (utf8fontfile.go) did when it embedded the
// fonts, so that widths (and the /W written now, see embed.go) are what
// they were then, and it checks every offset so that a broken file gives an
// error instead of a panic.

// errFont is wrapped by every font parsing error.
var errFont = errors.New("unusable TrueType font")

// sfnt is a TrueType file split into its tables.
type sfnt struct {
	tables map[string][]byte
	dir    map[string]int // offset of each table's directory record
}

// parseSFNT reads the table directory of data.
func parseSFNT(data []byte) (*sfnt, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("file too short: %w", errFont)
	}
	switch binary.BigEndian.Uint32(data) {
	case 0x00010000, 0x74727565: // 1.0 and 'true'
	default:
		return nil, fmt.Errorf("not a TrueType-outline font: %w", errFont)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return nil, fmt.Errorf("table directory past end of file: %w", errFont)
	}
	s := &sfnt{tables: make(map[string][]byte, n), dir: make(map[string]int, n)}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off := uint64(binary.BigEndian.Uint32(rec[8:]))
		size := uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > uint64(len(data)) {
			return nil, fmt.Errorf("table %q past end of file: %w", tag, errFont)
		}
		s.tables[tag] = data[off : off+size]
		s.dir[tag] = 12 + 16*i
	}
	return s, nil
}

// longHmtx returns the font's hmtx table with a long metric for every
// glyph: the table itself if it has one already, or else a new one in
// which each glyph past numberOfHMetrics has the last advance and its own
// left side bearing.
func longHmtx(s *sfnt) ([]byte, error) {
	hhea, err := s.table("hhea", 36)
	if err != nil {
		return nil, err
	}
	maxp, err := s.table("maxp", 6)
	if err != nil {
		return nil, err
	}
	nhm, numGlyphs := u16(hhea, 34), u16(maxp, 4)
	if nhm == 0 || nhm > numGlyphs {
		return nil, fmt.Errorf("numberOfHMetrics %d with %d glyphs: %w", nhm, numGlyphs, errFont)
	}
	hmtx, err := s.table("hmtx", 4*nhm+2*(numGlyphs-nhm))
	if err != nil {
		return nil, err
	}
	if nhm == numGlyphs {
		return hmtx[:4*numGlyphs], nil
	}
	long := make([]byte, 4*numGlyphs)
	for g := range numGlyphs {
		if g < nhm {
			copy(long[4*g:4*g+4], hmtx[4*g:])
			continue
		}
		copy(long[4*g:4*g+2], hmtx[4*(nhm-1):])         // the last advance
		copy(long[4*g+2:4*g+4], hmtx[4*nhm+2*(g-nhm):]) // its own bearing
	}
	return long, nil
}

// checksum is the TrueType table checksum: the sum of big-endian 32-bit
// words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var w [4]byte
		copy(w[:], b)
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// table returns the table tag, which must be at least min bytes long.
func (s *sfnt) table(tag string, min int) ([]byte, error) {
	t, ok := s.tables[tag]
	if !ok {
		return nil, fmt.Errorf("no %q table: %w", tag, errFont)
	}
	if len(t) < min {
		return nil, fmt.Errorf("%q table too short (%d bytes): %w", tag, len(t), errFont)
	}
	return t, nil
}

func u16(b []byte, off int) int    { return int(binary.BigEndian.Uint16(b[off:])) }
func u32(b []byte, off int) uint32 { return binary.BigEndian.Uint32(b[off:]) }

// metrics is what a face contributes to measuring and checking text.
type metrics struct {
	psName string
	// cw is fpdf's width table for BMP runes, in 1/1000 em: 0 means "no
	// glyph" (fpdf then uses missing), 65535 means a glyph of zero width.
	cw [0x10000]uint16
	// gid is the glyph a BMP rune maps to in the format-4 cmap that fpdf
	// uses; 0 is .notdef.
	gid [0x10000]uint16
	// mismatch marks BMP runes that a format-12 cmap maps differently from
	// the format-4 one.
	mismatch [0x10000 / 64]uint64
	missing  int // fpdf's MissingWidth: width of glyph 0 in 1/1000 em
}

// parseMetrics reads the tables fpdf reads and checks everything fpdf would
// otherwise complain about on standard output or panic on.
func parseMetrics(data []byte) (*metrics, error) {
	s, err := parseSFNT(data)
	if err != nil {
		return nil, err
	}
	head, err := s.table("head", 54)
	if err != nil {
		return nil, err
	}
	upem := u16(head, 18)
	if upem < 16 || upem > 16384 {
		return nil, fmt.Errorf("unitsPerEm %d out of range: %w", upem, errFont)
	}
	locFormat := u16(head, 50)
	if locFormat > 1 {
		return nil, fmt.Errorf("unknown indexToLocFormat %d: %w", locFormat, errFont)
	}
	if f := u16(head, 52); f != 0 {
		return nil, fmt.Errorf("unknown glyphDataFormat %d: %w", f, errFont)
	}
	hhea, err := s.table("hhea", 36)
	if err != nil {
		return nil, err
	}
	if f := u16(hhea, 32); f != 0 {
		return nil, fmt.Errorf("unknown metricDataFormat %d: %w", f, errFont)
	}
	nhm := u16(hhea, 34)
	maxp, err := s.table("maxp", 6)
	if err != nil {
		return nil, err
	}
	numGlyphs := u16(maxp, 4)
	if nhm == 0 || nhm > numGlyphs {
		return nil, fmt.Errorf("numberOfHMetrics %d with %d glyphs: %w", nhm, numGlyphs, errFont)
	}
	hmtx, err := s.table("hmtx", 4*nhm)
	if err != nil {
		return nil, err
	}
	if err := checkLoca(s, locFormat, numGlyphs); err != nil {
		return nil, err
	}
	if _, err := s.table("post", 16); err != nil {
		return nil, err
	}
	if err := checkOS2(s); err != nil {
		return nil, err
	}
	m := &metrics{}
	if m.psName, err = postScriptName(s); err != nil {
		return nil, err
	}
	if err := m.readCmap(s, numGlyphs); err != nil {
		return nil, err
	}

	// Advance widths scaled the way fpdf does: scale is computed first, then
	// multiplied and rounded half away from zero (math.Round); advances of
	// 32768 units or more count as 0, and 0 is stored as 65535.
	scale := 1000.0 / float64(upem)
	advance := func(g int) int {
		if g >= nhm {
			g = nhm - 1
		}
		a := u16(hmtx, 4*g)
		if a >= 1<<15 {
			a = 0
		}
		return a
	}
	m.missing = fpdfRound(scale * float64(advance(0)))
	count := 0
	for r := 1; r < 0xFFFF; r++ {
		g := int(m.gid[r])
		if g == 0 {
			continue
		}
		count++
		w := int(math.Round(scale * float64(advance(g))))
		switch {
		case w == 0:
			w = 65535
		case w >= 65535:
			return nil, fmt.Errorf("advance of glyph %d too large: %w", g, errFont)
		}
		m.cw[r] = uint16(w)
	}
	// fpdf keeps the number of mapped characters in its width slot for
	// U+0000, so GetStringWidth counts that much for a NUL. HasGlyph refuses
	// NUL; this only keeps Width equal to GetStringWidth for every string.
	m.cw[0] = uint16(count)
	return m, nil
}

// fpdfRound is fpdf's round (util.go): half away from zero via Floor.
func fpdfRound(f float64) int {
	if f < 0 {
		return -int(math.Floor(-f + 0.5))
	}
	return int(math.Floor(f + 0.5))
}

// checkLoca makes sure every glyph's data lies inside glyf, because fpdf
// slices glyf with these offsets when it subsets the font.
func checkLoca(s *sfnt, format, numGlyphs int) error {
	size := 2
	if format == 1 {
		size = 4
	}
	loca, err := s.table("loca", (numGlyphs+1)*size)
	if err != nil {
		return err
	}
	glyf, err := s.table("glyf", 0)
	if err != nil {
		return err
	}
	prev := uint64(0)
	for i := 0; i <= numGlyphs; i++ {
		var off uint64
		if format == 0 {
			off = 2 * uint64(u16(loca, 2*i))
		} else {
			off = uint64(u32(loca, 4*i))
		}
		if off < prev || off > uint64(len(glyf)) {
			return fmt.Errorf("loca entry %d out of order or past glyf: %w", i, errFont)
		}
		prev = off
	}
	return nil
}

// checkOS2 checks the OS/2 fields fpdf reads, and refuses fonts whose
// licence bits forbid embedding or subsetting (fpdf only prints a warning).
func checkOS2(s *sfnt) error {
	os2, ok := s.tables["OS/2"]
	if !ok {
		return nil
	}
	if len(os2) < 72 || (u16(os2, 0) > 1 && len(os2) < 90) {
		return fmt.Errorf("OS/2 table too short: %w", errFont)
	}
	if fsType := u16(os2, 8); fsType == 0x0002 || fsType&0x0300 != 0 {
		return fmt.Errorf("licence forbids embedding or subsetting (fsType %#04x): %w", fsType, errFont)
	}
	return nil
}

// postScriptName returns name ID 6 from the name table if it is a plain
// PostScript name that can be written in a PDF name object unescaped, or ""
// otherwise. It also checks the name table the way fpdf walks it.
func postScriptName(s *sfnt) (string, error) {
	t, err := s.table("name", 6)
	if err != nil {
		return "", err
	}
	if f := u16(t, 0); f != 0 {
		return "", fmt.Errorf("name table format %d: %w", f, errFont)
	}
	count, storage := u16(t, 2), u16(t, 4)
	if 6+12*count > len(t) {
		return "", fmt.Errorf("name records past end of table: %w", errFont)
	}
	var mac, win string
	for i := range count {
		rec := t[6+12*i:]
		platform, encoding, lang, id := u16(rec, 0), u16(rec, 2), u16(rec, 4), u16(rec, 6)
		length, off := u16(rec, 8), u16(rec, 10)
		if storage+off+length > len(t) {
			return "", fmt.Errorf("name record %d past end of table: %w", i, errFont)
		}
		b := t[storage+off : storage+off+length]
		isWin := platform == 3 && encoding == 1 && lang == 0x409
		switch id {
		case 1, 2, 3, 4, 6:
			if isWin && length%2 != 0 {
				return "", fmt.Errorf("name record %d has odd UTF-16 length: %w", i, errFont)
			}
		}
		if id != 6 {
			continue
		}
		switch {
		case isWin && win == "":
			var sb strings.Builder
			for j := 0; j+1 < len(b); j += 2 {
				sb.WriteRune(rune(u16(b, j)))
			}
			win = sb.String()
		case platform == 1 && encoding == 0 && lang == 0 && mac == "":
			mac = string(b)
		}
	}
	for _, n := range []string{win, mac} {
		if plainName(n) {
			return n, nil
		}
	}
	return "", nil
}

// plainName reports whether n is 4 to 63 characters of [A-Za-z0-9._-].
func plainName(n string) bool {
	if len(n) < 4 || len(n) > 63 {
		return false
	}
	for _, c := range []byte(n) {
		ok := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
			c == '.' || c == '_' || c == '-'
		if !ok {
			return false
		}
	}
	return true
}
