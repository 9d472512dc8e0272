package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

// runesOf returns the set of runes in the strings.
func runesOf(strs ...string) *runeSet {
	var s runeSet
	for _, str := range strs {
		for _, r := range str {
			s.add(r)
		}
	}
	return &s
}

// fontIDRE matches fpdf's font resource names: "F" and the SHA-1 of the
// font's JSON definition, which includes its width table and so differs
// between a whole face and a cut one.
var fontIDRE = regexp.MustCompile(`/F([0-9a-f]{40}) (\d+) 0 R`)

// drawWith has fpdf write, uncompressed, one page with texts[i] drawn in
// the face registered from faces[i] (regular, then bold), and returns the
// file's objects with every font resource name replaced by the number of
// the font object it names, and the resource dictionary's lines sorted.
func drawWith(t *testing.T, faces [2][]byte, texts [2][]string) [][]byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.SetCatalogSort(true)
	date := time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	fams := [2]string{"cutr", "cutb"}
	for i := range faces {
		p.AddUTF8FontFromBytes(fams[i], [2]string{"", "B"}[i], faces[i])
	}
	p.AddPage()
	for i := range texts {
		p.SetFont(fams[i], [2]string{"", "B"}[i], 10)
		for j, s := range texts[i] {
			p.Text(10, float64(10+5*j), s)
		}
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	f, err := parseFpdf(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, m := range fontIDRE.FindAllSubmatch(f.objs[2], -1) {
		names[string(m[1])] = "#" + string(m[2])
	}
	if len(names) != 2 {
		t.Fatalf("resource dictionary names %d fonts, want 2:\n%s", len(names), f.objs[2])
	}
	objs := make([][]byte, len(f.objs))
	for n, o := range f.objs {
		o = regexp.MustCompile(`/F([0-9a-f]{40})`).ReplaceAllFunc(o, func(id []byte) []byte {
			return []byte("/F" + names[string(id[2:])])
		})
		if n == 2 {
			lines := strings.Split(string(o), "\n")
			slices.Sort(lines)
			o = []byte(strings.Join(lines, "\n"))
		}
		objs[n] = o
	}
	return objs
}

// sameAsWholeFaces draws texts once with the whole faces and once with
// faces cut for them, and reports every object of fpdf's file that
// differs: the embedded font programs, CIDToGIDMaps, widths, font
// descriptors and pages must all be the same.
func sameAsWholeFaces(t *testing.T, whole [2][]byte, cutters [2]*cutter, texts [2][]string) {
	t.Helper()
	var cut [2][]byte
	for i := range cut {
		var err error
		if cut[i], err = cutters[i].cut(runesOf(texts[i]...)); err != nil {
			t.Fatal(err)
		}
		if len(cut[i]) >= len(whole[i]) {
			t.Errorf("face %d: cut face of %d bytes, whole %d", i, len(cut[i]), len(whole[i]))
		}
	}
	a, b := drawWith(t, whole, texts), drawWith(t, cut, texts)
	if len(a) != len(b) {
		t.Fatalf("%d objects from the whole faces, %d from the cut ones", len(a), len(b))
	}
	streams := 0
	for n := range a {
		if !bytes.Equal(a[n], b[n]) {
			t.Errorf("object %d differs:\n%.300q\n%.300q", n, a[n], b[n])
		}
		if bytes.Contains(a[n], []byte("/Length1 ")) {
			streams++
		}
	}
	if streams != 2 {
		t.Errorf("%d embedded font programs compared, want 2", streams)
	}
}

func TestCutFaceEmbedsTheSame(t *testing.T) {
	f := loadFonts(t)
	whole := [2][]byte{wholeFace(t, &f.faces[0]), wholeFace(t, &f.faces[1])}
	cutters := [2]*cutter{f.faces[0].cut, f.faces[1].cut}
	var drawable []rune
	for r := rune(0); r < 0xFFFF; r++ {
		if f.HasGlyph(r) {
			drawable = append(drawable, r)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	sample := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(drawable[rng.IntN(len(drawable))])
		}
		return b.String()
	}
	var latin1 strings.Builder
	for r := rune(0x20); r <= 0xFF; r++ {
		if f.HasGlyph(r) {
			latin1.WriteRune(r)
		}
	}
	for name, texts := range map[string][2][]string{
		"test document": {{titleJa, bodyJa, latin, slideJa, "報告はこちら →"}, {boldJa, titleJa}},
		"no text":       {nil, nil},
		"one face only": {{bodyJa}, nil},
		// Glyphs past the faces' short metrics, which longMetrics is for.
		"rare glyphs": {{"˚΅ˆ΄ ¨"}, {"˚΅ˆ΄"}},
		"latin-1":     {{latin1.String()}, {"ÀÉÎõü×÷", "0123456789"}},
		"random":      {{sample(1500), sample(500)}, {sample(300)}},
	} {
		t.Run(name, func(t *testing.T) { sameAsWholeFaces(t, whole, cutters, texts) })
	}
}

// component is one component record of a composite glyph made for a test.
type component struct {
	glyph        int
	dx, dy       int  // offsets
	words, scale bool // word arguments; a scale
}

// compositeFace returns data, a face with long metrics, with the glyphs of
// some runes replaced by composite glyphs of other glyphs, and the face's
// cutter.
func compositeFace(t *testing.T, data []byte, glyphs map[int][]component) ([]byte, *cutter) {
	t.Helper()
	s, err := parseSFNT(data)
	if err != nil {
		t.Fatal(err)
	}
	m, err := parseMetrics(data)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCutter(data, m)
	if err != nil {
		t.Fatal(err)
	}
	var glyf []byte
	loca := make([]byte, 4*(c.numGlyphs+1))
	for g := range c.numGlyphs {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		comps, ok := glyphs[g]
		if !ok {
			glyf = append(glyf, c.glyph(g)...)
			continue
		}
		glyf = binary.BigEndian.AppendUint16(glyf, 0xFFFF) // numberOfContours -1
		glyf = append(glyf, c.glyph(g)[2:10]...)           // its bounding box
		for i, k := range comps {
			flags := uint16(0x0002) // ARGS_ARE_XY_VALUES
			if k.words {
				flags |= 0x0001
			}
			if k.scale {
				flags |= 0x0008
			}
			if i < len(comps)-1 {
				flags |= 0x0020
			}
			glyf = binary.BigEndian.AppendUint16(glyf, flags)
			glyf = binary.BigEndian.AppendUint16(glyf, uint16(k.glyph))
			if k.words {
				glyf = binary.BigEndian.AppendUint16(glyf, uint16(k.dx))
				glyf = binary.BigEndian.AppendUint16(glyf, uint16(k.dy))
			} else {
				glyf = append(glyf, byte(k.dx), byte(k.dy))
			}
			if k.scale {
				glyf = binary.BigEndian.AppendUint16(glyf, 0x3000) // 0.75
			}
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	binary.BigEndian.PutUint32(loca[4*c.numGlyphs:], uint32(len(glyf)))
	head := slices.Clone(s.tables["head"])
	binary.BigEndian.PutUint16(head[50:], 1)
	return withTables(t, data, map[string][]byte{"head": head, "glyf": glyf, "loca": loca})
}

// withTables returns data with the tables in replace instead of its own,
// and its cutter.
func withTables(t *testing.T, data []byte, replace map[string][]byte) ([]byte, *cutter) {
	t.Helper()
	s, err := parseSFNT(data)
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string][]byte{}
	for tag, tb := range s.tables {
		tables[tag] = tb
	}
	for tag, tb := range replace {
		tables[tag] = tb
	}
	out, _ := assemble(tables, nil)
	m, err := parseMetrics(out)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCutter(out, m)
	if err != nil {
		t.Fatal(err)
	}
	return out, c
}

// TestCutKeepsGlyphOfNUL: fpdf's subset always looks up U+0000, so when a
// face maps it, its glyph must be in the cut face (the embedded faces do
// not map it). The face made here maps only U+0000 to U+00FF and a few
// kana, with U+0000 to the glyph of 〒.
func TestCutKeepsGlyphOfNUL(t *testing.T) {
	f := loadFonts(t)
	fc := f.faces[0]
	var runes []rune
	for r := rune(0); r <= 0xFF; r++ {
		if fc.m.gid[r] != 0 {
			runes = append(runes, r)
		}
	}
	runes = append([]rune{0}, runes...)
	runes = append(runes, []rune("あいうえお")...)
	remap := *fc.cut
	var gid [0x10000]uint16
	copy(gid[:], fc.m.gid[:])
	post := gid['〒']
	gid[0] = post
	remap.gid = &gid
	cmap, err := remap.cmap(runes, func(r rune) int { return int(gid[r]) })
	if err != nil {
		t.Fatal(err)
	}
	data, c := withTables(t, wholeFace(t, &fc), map[string][]byte{"cmap": cmap})
	if c.gid[0] != post || c.gid['あ'] != fc.m.gid['あ'] || c.gid['漢'] != 0 {
		t.Fatalf("made face maps U+0000 to %d, あ to %d, 漢 to %d", c.gid[0], c.gid['あ'], c.gid['漢'])
	}
	keep, err := c.glyphs(runesOf("あい"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(keep, int(post)) {
		t.Errorf("glyphs kept %v lack U+0000's %d", keep, post)
	}
	bold := f.faces[1]
	sameAsWholeFaces(t, [2][]byte{data, wholeFace(t, &bold)}, [2]*cutter{c, bold.cut},
		[2][]string{{"あい", "AZ az"}, {"お"}})
}

// TestCutCompositeGlyphs makes composite glyphs (the embedded faces have
// none): a cut face must hold their components, nested ones too, and fpdf
// must embed the same subset from it as from the whole face.
func TestCutCompositeGlyphs(t *testing.T) {
	f := loadFonts(t)
	gid := func(r rune) int { return int(f.faces[0].m.gid[r]) }
	// あ is made of い and う (う moved by word arguments and scaled);
	// え is made of あ (itself composite) and か; お shares い with あ.
	glyphs := map[int][]component{
		gid('あ'): {{glyph: gid('い')}, {glyph: gid('う'), dx: 300, dy: -20, words: true, scale: true}},
		gid('え'): {{glyph: gid('あ'), dx: 5}, {glyph: gid('か'), dx: -7, dy: 3}},
		gid('お'): {{glyph: gid('い'), scale: true}},
	}
	data, c := compositeFace(t, wholeFace(t, &f.faces[0]), glyphs)
	used := runesOf("えお漢")
	keep, err := c.glyphs(used)
	if err != nil {
		t.Fatal(err)
	}
	want := []int{0, gid('あ'), gid('い'), gid('う'), gid('え'), gid('お'), gid('か'), gid('漢')}
	slices.Sort(want)
	if !slices.Equal(keep, want) {
		t.Errorf("glyphs kept %v, want %v", keep, want)
	}
	cut, err := c.cut(used)
	if err != nil {
		t.Fatal(err)
	}
	checkCutFace(t, data, cut, used, want)

	bold := f.faces[1]
	sameAsWholeFaces(t, [2][]byte{data, wholeFace(t, &bold)}, [2]*cutter{c, bold.cut},
		[2][]string{{"えお漢", "あいう"}, {"お"}})
	sameAsWholeFaces(t, [2][]byte{data, wholeFace(t, &bold)}, [2]*cutter{c, bold.cut},
		[2][]string{{"お"}, nil})
}

// TestCutRefusesBadComposites: glyphs that would make fpdf panic or recurse
// forever are errors.
func TestCutRefusesBadComposites(t *testing.T) {
	f := loadFonts(t)
	gid := func(r rune) int { return int(f.faces[0].m.gid[r]) }
	a, i := gid('あ'), gid('い')
	for name, glyphs := range map[string]map[int][]component{
		"itself":     {a: {{glyph: a}}},
		"a cycle":    {a: {{glyph: i}}, i: {{glyph: gid('う')}, {glyph: a}}},
		"no glyph":   {a: {{glyph: 13932}}},
		"last glyph": {a: {{glyph: 65535}}},
	} {
		t.Run(name, func(t *testing.T) {
			_, c := compositeFace(t, wholeFace(t, &f.faces[0]), glyphs)
			_, err := c.cut(runesOf("あ"))
			if !errors.Is(err, errFont) {
				t.Errorf("error %v, want one wrapping errFont", err)
			}
			t.Log(err)
		})
	}
	_, c := compositeFace(t, wholeFace(t, &f.faces[0]), map[int][]component{a: {{glyph: i}, {glyph: i}}})
	c.loca[a+1] = c.loca[a] + 16 // cut inside the second record
	if _, err := c.cut(runesOf("あ")); !errors.Is(err, errFont) {
		t.Errorf("truncated composite: error %v", err)
	}
	c.loca[a+1] = c.loca[a] + 6 // shorter than a glyph header
	if _, err := c.cut(runesOf("あ")); !errors.Is(err, errFont) {
		t.Errorf("6-byte glyph: error %v", err)
	}
}

// checkCutFace checks the structure of cut, cut from whole for drawing
// used: glyphs and metrics keep their IDs, only the glyphs keep have
// data (that of the whole face), the cmap maps used and the runes up to
// U+00FF, and the checksums are right.
func checkCutFace(t *testing.T, whole, cut []byte, used *runeSet, keep []int) {
	t.Helper()
	ws, err := parseSFNT(whole)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := parseSFNT(cut)
	if err != nil {
		t.Fatal(err)
	}
	wm, err := parseMetrics(whole)
	if err != nil {
		t.Fatal(err)
	}
	cm, err := parseMetrics(cut)
	if err != nil {
		t.Fatalf("cut face: %v", err)
	}

	var tags []string
	for tag := range cs.tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	want := []string{"OS/2", "cmap", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"}
	if !slices.Equal(tags, want) {
		t.Errorf("tables %q, want %q", tags, want)
	}
	// The cut face's glyphs: the kept ones and those the cmap maps (used
	// and the mapped runes up to U+00FF), in the whole face's order.
	inCmap := func(r int) bool { return r <= 0xFF || used[r/64]&(1<<(r%64)) != 0 }
	set := map[int]bool{}
	for _, g := range keep {
		set[g] = true
	}
	for r := range 0x10000 {
		if inCmap(r) && wm.gid[r] != 0 {
			set[int(wm.gid[r])] = true
		}
	}
	var ids []int
	for g := range set {
		ids = append(ids, g)
	}
	slices.Sort(ids)
	newID := make([]int32, u16(ws.tables["maxp"], 4))
	for i, g := range ids {
		newID[g] = int32(i)
	}
	n := len(ids)
	for _, tag := range want {
		w, c := ws.tables[tag], cs.tables[tag]
		switch tag {
		case "cmap", "glyf", "loca", "hmtx":
		case "head":
			if !bytes.Equal(w[:8], c[:8]) || !bytes.Equal(w[12:50], c[12:50]) || !bytes.Equal(w[52:], c[52:]) || u16(c, 50) != 1 {
				t.Errorf("head differs beyond checkSumAdjustment and a long loca")
			}
		case "hhea":
			if !bytes.Equal(w[:34], c[:34]) || !bytes.Equal(w[36:], c[36:]) || u16(c, 34) != n {
				t.Errorf("hhea differs beyond numberOfHMetrics = %d", n)
			}
		case "maxp":
			if !bytes.Equal(w[:4], c[:4]) || !bytes.Equal(w[6:], c[6:]) || u16(c, 4) != n {
				t.Errorf("maxp differs beyond numGlyphs = %d", n)
			}
		default:
			if !bytes.Equal(w, c) {
				t.Errorf("table %q differs from the whole face's", tag)
			}
		}
	}
	// Checksums of the tables and of the whole file.
	for tag, tb := range cs.tables {
		sum := checksum(tb)
		if tag == "head" {
			h := slices.Clone(tb)
			binary.BigEndian.PutUint32(h[8:], 0)
			sum = checksum(h)
		}
		if got := u32(cut, cs.dir[tag]+4); got != sum {
			t.Errorf("table %q: checksum %#x in the directory, want %#x", tag, got, sum)
		}
	}
	if got := checksum(cut); got != 0xB1B0AFBA {
		t.Errorf("file checksum %#x, want 0xB1B0AFBA (checkSumAdjustment wrong)", got)
	}
	if len(cut)%4 != 0 {
		t.Errorf("file of %d bytes, not a whole number of words", len(cut))
	}

	// cmap: used and the mapped runes up to U+00FF, to the same glyphs
	// numbered again, with the same widths.
	for r := range 0x10000 {
		wantG := uint16(0)
		if inCmap(r) && wm.gid[r] != 0 {
			wantG = uint16(newID[wm.gid[r]])
		}
		if cm.gid[r] != wantG {
			t.Fatalf("cut face maps %U to glyph %d, want %d", r, cm.gid[r], wantG)
		}
		if wantG != 0 && cm.cw[r] != wm.cw[r] {
			t.Errorf("width of %U: %d, want %d", r, cm.cw[r], wm.cw[r])
		}
	}
	if cm.missing != wm.missing {
		t.Errorf(".notdef width %d, want %d", cm.missing, wm.missing)
	}

	// glyf, loca and hmtx: the kept glyphs as they were (their components
	// numbered again), the others empty; each glyph's long metric the
	// whole face's.
	if len(cs.tables["loca"]) != 4*(n+1) || len(cs.tables["hmtx"]) != 4*n {
		t.Fatalf("loca of %d bytes and hmtx of %d for %d glyphs", len(cs.tables["loca"]), len(cs.tables["hmtx"]), n)
	}
	wc, err := newCutter(whole, wm)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := newCutter(cut, cm)
	if err != nil {
		t.Fatal(err)
	}
	if cc.loca[n] != uint32(len(cs.tables["glyf"])) {
		t.Errorf("last loca entry %d, glyf has %d bytes", cc.loca[n], len(cs.tables["glyf"]))
	}
	kept := 0
	for i, g := range ids {
		if cc.loca[i+1] < cc.loca[i] {
			t.Fatalf("loca entry %d goes back", i+1)
		}
		if !bytes.Equal(cs.tables["hmtx"][4*i:4*i+4], wc.tables["hmtx"][4*g:4*g+4]) {
			t.Errorf("glyph %d (was %d): metric differs", i, g)
		}
		got := cc.glyph(i)
		if slices.Contains(keep, g) {
			kept++
			orig := slices.Clone(wc.glyph(g))
			renumber(orig, newID)
			if !bytes.Equal(got, orig) {
				t.Errorf("glyph %d (was %d): %d bytes, not the whole face's %d", i, g, len(got), len(orig))
			}
		} else if len(got) != 0 {
			t.Errorf("glyph %d (was %d) kept (%d bytes) but not needed", i, g, len(got))
		}
	}
	if kept != len(keep) || len(wc.glyph(0)) == 0 || ids[0] != 0 {
		t.Errorf("%d glyphs kept, want %d (glyph 0 has %d bytes)", kept, len(keep), len(wc.glyph(0)))
	}
}

func TestCutFaceStructure(t *testing.T) {
	f := loadFonts(t)
	for i, fc := range f.faces {
		t.Run(fc.file, func(t *testing.T) {
			used := runesOf(titleJa, bodyJa, latin, "˚΅ˆ΄", "①→")
			cut, err := fc.cut.cut(used)
			if err != nil {
				t.Fatal(err)
			}
			keep := []int{0}
			used.each(func(r rune) { keep = append(keep, int(fc.m.gid[r])) })
			slices.Sort(keep)
			keep = slices.Compact(keep)
			checkCutFace(t, wholeFace(t, &fc), cut, used, keep)
			t.Logf("face %d: %d runes, %d glyphs: %d bytes (whole face %d)", i, len(keep)-1, len(keep), len(cut), len(wholeFace(t, &fc)))
		})
	}
}

// TestCutFaceCmapFull: characters that need more segments than a format-4
// cmap holds get the whole face instead.
func TestCutFaceCmapFull(t *testing.T) {
	f := loadFonts(t)
	fc := &f.faces[0]
	// Every character the faces have: their glyph IDs do not follow
	// Unicode order closely enough to fit.
	var used runeSet
	n := 0
	for r := rune(0); r < 0xFFFF; r++ {
		if f.HasGlyph(r) {
			used.add(r)
			n++
		}
	}
	if _, err := fc.cut.cut(&used); !errors.Is(err, errCmapFull) {
		t.Fatalf("%d runes: error %v, want errCmapFull", n, err)
	}
	data, err := fc.fpdfFace(&used)
	if err != nil || !bytes.Equal(data, wholeFace(t, fc)) {
		t.Errorf("fpdfFace did not give the whole face (error %v)", err)
	}
	// Every other rune of a run of 500 fits.
	var few runeSet
	for r := rune(0x4E00); r < 0x4E00+1000; r += 2 {
		few.add(r)
	}
	data, err = fc.fpdfFace(&few)
	if err != nil || len(data) >= len(wholeFace(t, fc)) {
		t.Errorf("500 runes: %d bytes, error %v", len(data), err)
	}
}

// TestCutCmapSegments checks the cmap's segments: consecutive runes with
// consecutive glyphs share one, and the last segment is 0xFFFF.
func TestCutCmapSegments(t *testing.T) {
	f := loadFonts(t)
	c := f.faces[0].cut
	digits := []rune("0123456789")
	b, err := c.cmap(digits, func(r rune) int { return int(c.gid[r]) })
	if err != nil {
		t.Fatal(err)
	}
	const at = 12
	segs := u16(b, at+6) / 2
	if segs != 2 || u16(b, at+14) != '9' || u16(b, at+16+2*segs) != '0' || u16(b, at+14+2) != 0xFFFF {
		t.Errorf("digits: %d segments %v", segs, b[at:])
	}
	if got, want := int(int16(u16(b, at+16+4*segs))), int(c.gid['0'])-'0'; got != want {
		t.Errorf("idDelta %d, want %d", got, want)
	}
	if u16(b, at+2) != len(b)-at || u16(b, at+8) != 4 || u16(b, at+10) != 1 || u16(b, at+12) != 0 {
		t.Errorf("header %v", b[at:at+14])
	}
}

// BenchmarkCutFaces cuts both faces for a two-page handout.
func BenchmarkCutFaces(b *testing.B) {
	f := loadFonts(b)
	used := docRunes(handoutDoc(f))
	b.ReportAllocs()
	for b.Loop() {
		for i := range f.faces {
			if _, err := f.faces[i].cut.cut(&used[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
