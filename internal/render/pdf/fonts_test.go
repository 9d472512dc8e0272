package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"

	"sodan/fonts"
)

// fpdfWith returns an fpdf document with the whole faces registered as
// families family(0) and family(1), to compare with fpdf's metrics.
func fpdfWith(t *testing.T, f *Fonts) *fpdf.Fpdf {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	for i, fc := range f.faces {
		p.AddUTF8FontFromBytes(family(i), fc.style, wholeFace(t, &fc))
	}
	p.AddPage()
	if err := p.Error(); err != nil {
		t.Fatal(err)
	}
	return p
}

func family(i int) string { return [2]string{"sodanr", "sodanb"}[i] }

func TestWidthEqualsFpdf(t *testing.T) {
	f := loadFonts(t)
	p := fpdfWith(t, f)
	strs := []string{
		"フィッシング詐欺に気をつけましょう",
		"不審なメールのリンクは開かず、公式アプリから確認してください。",
		"Check the sender: support@example.com (2025)",
		"全角ＡＢＣ１２３と半角ABC123、「かぎ括弧」・中黒…",
		"https://www.antiphishing.jp/registration.html",
		"",
	}
	for i, bold := range []bool{false, true} {
		fc := f.faces[i]
		for _, size := range []float64{7, 9, 10.5, 12, 18, 28, 44} {
			p.SetFont(family(i), fc.style, size)
			for _, s := range strs {
				got, want := f.Width(s, bold, size), p.GetStringWidth(s)
				if got != want {
					t.Errorf("Width(%q, bold=%v, %g) = %v, fpdf says %v", s, bold, size, got, want)
				}
			}
		}
	}
}

// TestEveryRuneWidthEqualsFpdf compares the width of every BMP character,
// with or without a glyph, in both faces.
func TestEveryRuneWidthEqualsFpdf(t *testing.T) {
	f := loadFonts(t)
	p := fpdfWith(t, f)
	for i, fc := range f.faces {
		p.SetFont(family(i), fc.style, 10)
		bad := 0
		for r := rune(0); r <= 0xFFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			s := string(r)
			if got, want := f.units(s, i == 1), p.GetStringSymbolWidth(s); got != want {
				if bad++; bad <= 10 {
					t.Errorf("%s: width of %U = %d, fpdf says %d", fc.file, r, got, want)
				}
			}
		}
		if bad > 10 {
			t.Errorf("%s: %d runes differ in all", fc.file, bad)
		}
	}
}

func TestHasGlyph(t *testing.T) {
	f := loadFonts(t)
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'あ', true}, {'漢', true}, {'。', true}, {'「', true}, {'ー', true}, {'A', true},
		{' ', true}, {'→', true}, {'Ａ', true}, {'①', true},
		{'😀', false},      // emoji, outside the BMP
		{'𠮷', false},      // U+20BB7, outside the BMP
		{'\t', false},     // control
		{'\n', false},     // control
		{0, false},        // control
		{0x7F, false},     // DEL
		{0x85, false},     // C1 control
		{0xD800, false},   // surrogate
		{0xFFFF, false},   // noncharacter
		{0xE000, false},   // private use, not in these fonts
		{-1, false},       // not a rune
		{0x110000, false}, // not a rune
	} {
		if got := f.HasGlyph(tc.r); got != tc.want {
			t.Errorf("HasGlyph(%U) = %v, want %v", tc.r, got, tc.want)
		}
	}
}

// TestCmapsAgree checks that the format-12 cmap of the embedded faces maps
// the BMP exactly like the format-4 one that fpdf draws with, so that
// HasGlyph refuses nothing only because the tables disagree.
func TestCmapsAgree(t *testing.T) {
	f := loadFonts(t)
	for _, fc := range f.faces {
		n := 0
		eachBit(fc.m.mismatch[:], func(rune) { n++ })
		if n != 0 {
			t.Errorf("%s: %d BMP runes map differently in format 4 and 12", fc.file, n)
		}
	}
}

func TestLoadFontsNames(t *testing.T) {
	f := loadFonts(t)
	want := [2]string{"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"}
	for i, fc := range f.faces {
		if fc.name != want[i] {
			t.Errorf("face %d: PostScript name %q, want %q", i, fc.name, want[i])
		}
	}
}

// TestParseBrokenFonts feeds truncated and corrupted copies of a real face
// to the parser: each must give an error or metrics, never a panic.
func TestParseBrokenFonts(t *testing.T) {
	faces := must(fonts.Faces())(t)
	data := faces[0].Data
	s := must(parseSFNT(data))(t)
	// Truncate inside the directory and inside each table we read.
	cuts := []int{0, 4, 11, 12, 40, 200}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "name", "loca", "OS/2", "post"} {
		off := tableOffset(data, tag)
		cuts = append(cuts, off, off+1, off+len(s.tables[tag])/2, off+len(s.tables[tag])-1)
	}
	for _, n := range cuts {
		if n < 0 || n > len(data) {
			continue
		}
		_, _ = longMetrics(data[:n])
		if _, err := parseMetrics(data[:n]); err == nil {
			t.Errorf("font cut to %d bytes: no error", n)
		} else if !errors.Is(err, errFont) {
			t.Errorf("font cut to %d bytes: error %v does not wrap errFont", n, err)
		}
	}
	// Overwrite bytes of the directory and of the small tables with random
	// values; errors are fine, panics are not.
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		b := append([]byte(nil), data...)
		var at int
		switch i % 3 {
		case 0:
			at = 4 + rng.IntN(12+16*u16(data, 4))
		case 1:
			at = tableOffset(data, "cmap") + rng.IntN(64)
		default:
			tag := []string{"head", "hhea", "maxp", "name", "OS/2", "post"}[rng.IntN(6)]
			at = tableOffset(data, tag) + rng.IntN(len(s.tables[tag]))
		}
		for j := range 4 {
			if at+j < len(b) {
				b[at+j] = byte(rng.Uint32())
			}
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("corruption %d at byte %d: panic: %v", i, at, r)
				}
			}()
			_, _ = parseMetrics(b)
			_, _ = longMetrics(b)
		}()
	}
}

func TestPlainName(t *testing.T) {
	for name, want := range map[string]bool{
		"BIZUDPGothic-Bold": true, "Abc": false, "A b c d": false, "Font#1": false,
		strings.Repeat("A", 63): true, strings.Repeat("A", 64): false, "名前のフォント": false,
	} {
		if got := plainName(name); got != want {
			t.Errorf("plainName(%q) = %v, want %v", name, got, want)
		}
	}
}

func ExampleFonts_Width() {
	f, err := LoadFonts()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.2f mm\n", f.Width("相談窓口", false, 10))
	fmt.Printf("%.2f mm\n", f.Width("相談窓口", true, 10))
	fmt.Println(f.HasGlyph('窓'), f.HasGlyph('😀'))
	// Output:
	// 14.11 mm
	// 14.11 mm
	// true false
}

// longMetrics returns data itself if every glyph has a full (advance, left
// side bearing) pair in hmtx, or else a copy of the font in which it has:
// the hmtx table is rebuilt that way (longHmtx) and appended, its
// directory record points there, and hhea's numberOfHMetrics is the number
// of glyphs. Widths do not change.
//
// The tests that compare widths with fpdf v0.9.0 give it only such a font:
// for a glyph past the long metrics its getMetrics appends to a slice of
// the font file, overwriting two bytes of the caller's data.
func longMetrics(data []byte) ([]byte, error) {
	s, err := parseSFNT(data)
	if err != nil {
		return nil, err
	}
	long, err := longHmtx(s)
	if err != nil {
		return nil, err
	}
	if u16(s.tables["hhea"], 34) == len(long)/4 {
		return data, nil // all metrics long already
	}
	at := (len(data) + 3) &^ 3
	out := make([]byte, at+len(long))
	copy(out, data)
	copy(out[at:], long)
	rec := out[s.dir["hmtx"]:]
	binary.BigEndian.PutUint32(rec[4:], checksum(long))
	binary.BigEndian.PutUint32(rec[8:], uint32(at))
	binary.BigEndian.PutUint32(rec[12:], uint32(len(long)))

	rec = out[s.dir["hhea"]:]
	off := int(u32(rec, 8))
	hhea := out[off : off+len(s.tables["hhea"])]
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(long)/4))
	binary.BigEndian.PutUint32(rec[4:], checksum(hhea))
	return out, nil
}

// TestLongMetrics checks the copy of each face that fpdf gets: every glyph
// has its own long metric, with the advance and bearing of the original, and
// the widths Width uses are the same as from the original file.
func TestLongMetrics(t *testing.T) {
	faces := must(fonts.Faces())(t)
	for _, fc := range faces {
		long := must(longMetrics(fc.Data))(t)
		orig := must(parseSFNT(fc.Data))(t)
		cp := must(parseSFNT(long))(t)
		nhm, ng := u16(orig.tables["hhea"], 34), u16(orig.tables["maxp"], 4)
		if got := u16(cp.tables["hhea"], 34); got != ng {
			t.Errorf("%s: numberOfHMetrics %d in the copy, want %d", fc.Name, got, ng)
		}
		oh, ch := orig.tables["hmtx"], cp.tables["hmtx"]
		for g := range ng {
			adv, lsb := u16(oh, 4*(nhm-1)), u16(oh, 4*nhm+2*(g-nhm))
			if g < nhm {
				adv, lsb = u16(oh, 4*g), u16(oh, 4*g+2)
			}
			if u16(ch, 4*g) != adv || u16(ch, 4*g+2) != lsb {
				t.Fatalf("%s: glyph %d: metric (%d, %d), want (%d, %d)", fc.Name, g, u16(ch, 4*g), u16(ch, 4*g+2), adv, lsb)
			}
		}
		for tag, tb := range orig.tables {
			if tag != "hmtx" && tag != "hhea" && !bytes.Equal(tb, cp.tables[tag]) {
				t.Errorf("%s: table %q changed", fc.Name, tag)
			}
		}
		if checksum(ch) != u32(long, cp.dir["hmtx"]+4) || checksum(cp.tables["hhea"]) != u32(long, cp.dir["hhea"]+4) {
			t.Errorf("%s: stale table checksums", fc.Name)
		}
		m1 := must(parseMetrics(fc.Data))(t)
		m2 := must(parseMetrics(long))(t)
		if m1.cw != m2.cw || m1.gid != m2.gid || m1.missing != m2.missing {
			t.Errorf("%s: metrics differ between the file and its copy", fc.Name)
		}
	}
}
