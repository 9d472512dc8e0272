package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"testing"
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
	s := must(parseSFNT(data))(t)
	m := must(parseMetrics(data))(t)
	c := must(newCutter(data, m))(t)
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
	s := must(parseSFNT(data))(t)
	tables := map[string][]byte{}
	for tag, tb := range s.tables {
		tables[tag] = tb
	}
	for tag, tb := range replace {
		tables[tag] = tb
	}
	out, _ := assemble(tables, nil)
	m := must(parseMetrics(out))(t)
	c := must(newCutter(out, m))(t)
	return out, c
}

// TestCutCompositeGlyphs makes composite glyphs (the embedded faces have
// none): a subset must hold their components, nested ones too, numbered
// again.
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
	keep := must(c.glyphs(used))(t)
	want := []int{0, gid('あ'), gid('い'), gid('う'), gid('え'), gid('お'), gid('か'), gid('漢')}
	slices.Sort(want)
	if !slices.Equal(keep, want) {
		t.Errorf("glyphs kept %v, want %v", keep, want)
	}
	cut, _, err := c.subset(used)
	if err != nil {
		t.Fatal(err)
	}
	checkCutFace(t, data, cut, used, want)
}

// TestCutRefusesBadComposites: glyphs that would make a reader go past the
// glyph or recurse forever are errors.
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
			_, _, err := c.subset(runesOf("あ"))
			if !errors.Is(err, errFont) {
				t.Errorf("error %v, want one wrapping errFont", err)
			}
			t.Log(err)
		})
	}
	_, c := compositeFace(t, wholeFace(t, &f.faces[0]), map[int][]component{a: {{glyph: i}, {glyph: i}}})
	c.loca[a+1] = c.loca[a] + 16 // cut inside the second record
	if _, _, err := c.subset(runesOf("あ")); !errors.Is(err, errFont) {
		t.Errorf("truncated composite: error %v", err)
	}
	c.loca[a+1] = c.loca[a] + 6 // shorter than a glyph header
	if _, _, err := c.subset(runesOf("あ")); !errors.Is(err, errFont) {
		t.Errorf("6-byte glyph: error %v", err)
	}
}

// checkCutFace checks the structure of cut, the subset of whole for
// drawing used: it holds the glyphs keep (their data that of the whole
// face, components numbered again) and their metrics in the whole face's
// order, its cmap maps used, and the checksums are right.
func checkCutFace(t *testing.T, whole, cut []byte, used *runeSet, keep []int) {
	t.Helper()
	ws := must(parseSFNT(whole))(t)
	cs := must(parseSFNT(cut))(t)
	wm := must(parseMetrics(whole))(t)
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
	// The subset's glyphs: the kept ones, in the whole face's order.
	inCmap := func(r int) bool { return used[r/64]&(1<<(r%64)) != 0 }
	ids := slices.Sorted(slices.Values(keep))
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

	// cmap: used, to the same glyphs numbered again, with the same widths.
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
	// numbered again); each glyph's long metric the whole face's.
	if len(cs.tables["loca"]) != 4*(n+1) || len(cs.tables["hmtx"]) != 4*n {
		t.Fatalf("loca of %d bytes and hmtx of %d for %d glyphs", len(cs.tables["loca"]), len(cs.tables["hmtx"]), n)
	}
	wc := must(newCutter(whole, wm))(t)
	cc := must(newCutter(cut, cm))(t)
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
		kept++
		orig := slices.Clone(wc.glyph(g))
		renumber(orig, newID)
		if !bytes.Equal(got, orig) {
			t.Errorf("glyph %d (was %d): %d bytes, not the whole face's %d", i, g, len(got), len(orig))
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
			cut, _, err := fc.cut.subset(used)
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
// cmap holds give a subset without a cmap (readers find the glyphs through
// the CIDToGIDMap), with every glyph.
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
	var runes []rune
	used.each(func(r rune) { runes = append(runes, r) })
	if _, err := fc.cut.cmap(runes, func(r rune) int { return int(fc.m.gid[r]) }); !errors.Is(err, errCmapFull) {
		t.Fatalf("%d runes: error %v, want errCmapFull", n, err)
	}
	prog, newID, err := fc.cut.subset(&used)
	if err != nil {
		t.Fatal(err)
	}
	s := must(parseSFNT(prog))(t)
	if _, ok := s.tables["cmap"]; ok {
		t.Error("a subset with a cmap that cannot hold its characters")
	}
	used.each(func(r rune) {
		if newID[fc.m.gid[r]] <= 0 {
			t.Fatalf("%U has no glyph in the subset", r)
		}
	})
	// Every other rune of a run of 500 fits.
	var few runeSet
	for r := rune(0x4E00); r < 0x4E00+1000; r += 2 {
		few.add(r)
	}
	prog, _, err = fc.cut.subset(&few)
	if err != nil {
		t.Fatal(err)
	}
	if s, err = parseSFNT(prog); err != nil || s.tables["cmap"] == nil {
		t.Errorf("500 runes: no cmap (error %v)", err)
	}
}

// TestCutCmapSegments checks the cmap's segments: consecutive runes with
// consecutive glyphs share one, and the last segment is 0xFFFF.
func TestCutCmapSegments(t *testing.T) {
	f := loadFonts(t)
	c := f.faces[0].cut
	digits := []rune("0123456789")
	b := must(c.cmap(digits, func(r rune) int { return int(c.gid[r]) }))(t)
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
			if _, _, err := f.faces[i].cut.subset(&used[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
