package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestDescriptorEqualsFpdf: the font descriptors say of each face what
// fpdf said when it embedded the faces itself.
func TestDescriptorEqualsFpdf(t *testing.T) {
	f := loadFonts(t)
	p := fpdfWith(t, f)
	for i, fc := range f.faces {
		want := p.GetFontDesc(family(i), fc.style)
		d := fc.desc
		got := [...]int{d.ascent, d.descent, d.capHeight, d.flags, d.italicAngle, d.stemV, d.missing,
			d.bbox[0], d.bbox[1], d.bbox[2], d.bbox[3]}
		w := [...]int{want.Ascent, want.Descent, want.CapHeight, want.Flags, want.ItalicAngle, want.StemV, want.MissingWidth,
			want.FontBBox.Xmin, want.FontBBox.Ymin, want.FontBBox.Xmax, want.FontBBox.Ymax}
		if got != w {
			t.Errorf("%s: descriptor %v, fpdf says %v", fc.file, got, w)
		}
	}
}

// streamData returns the inflated data of stream object n.
func streamData(t *testing.T, o *objects, n int) []byte {
	t.Helper()
	dict, z, err := stream(o.list[n])
	if err != nil {
		t.Fatalf("object %d: %v", n, err)
	}
	if !bytes.Contains(dict, []byte("/Filter /FlateDecode")) {
		t.Fatalf("object %d not compressed: %s", n, dict)
	}
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatalf("object %d: %v", n, err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("object %d: %v", n, err)
	}
	if m := regexp.MustCompile(`/Length1 (\d+)`).FindSubmatch(dict); m != nil && string(m[1]) != strconv.Itoa(len(data)) {
		t.Errorf("object %d: /Length1 %s, %d bytes", n, m[1], len(data))
	}
	return data
}

// ref returns the object number after key in obj.
func ref(t *testing.T, obj []byte, key string) int {
	t.Helper()
	m := regexp.MustCompile(regexp.QuoteMeta(key) + ` \[?(\d+) 0 R`).FindSubmatch(obj)
	if m == nil {
		t.Fatalf("no %s in %.200q", key, obj)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// TestFontObjects writes the fonts of several sets of characters and reads
// them back as a PDF reader would: the resources name the faces drawn with;
// for each character drawn, its width in /W is the width the layout
// measured, the CIDToGIDMap leads to a glyph of the embedded subset with the
// whole face's outline and metric, the subset's own cmap agrees, the
// ToUnicode CMap maps it to itself, and the CIDSet has it; nothing else is
// in any of them.
func TestFontObjects(t *testing.T) {
	f := loadFonts(t)
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
	for name, texts := range map[string][2]string{
		"test document": {titleJa + bodyJa + latin + slideJa + "報告はこちら →", boldJa + titleJa},
		"regular only":  {bodyJa, ""},
		"bold only":     {"", "太字だけ"},
		"rare glyphs":   {"˚΅ˆ΄ ¨", "˚΅ˆ΄"},
		"random":        {sample(2000), sample(300)},
		"a run of 300":  {string(drawable[5000:5300]), "A"},
	} {
		t.Run(name, func(t *testing.T) {
			used := [2]runeSet{*runesOf(texts[0]), *runesOf(texts[1])}
			o := &objects{list: [][]byte{nil}}
			res := must(addFonts(o, f, &used, makeFonts(f, &used)))(t)
			fonts := regexp.MustCompile(`/F(\d) (\d+) 0 R`).FindAllSubmatch(res, -1)
			var faces []int
			for _, m := range fonts {
				i, _ := strconv.Atoi(string(m[1]))
				n, _ := strconv.Atoi(string(m[2]))
				faces = append(faces, i)
				checkFont(t, o, &f.faces[i], &used[i], n)
			}
			var want []int
			for i := range used {
				if !used[i].empty() {
					want = append(want, i)
				}
			}
			if !slices.Equal(faces, want) {
				t.Errorf("resources %s name faces %v, want %v", res, faces, want)
			}
		})
	}
}

// checkFont checks the Type 0 font n, of face fc, drawing the runes used.
func checkFont(t *testing.T, o *objects, fc *face, used *runeSet, n int) {
	t.Helper()
	var runes []rune
	used.each(func(r rune) { runes = append(runes, r) })
	type0 := o.list[n]
	if !bytes.HasPrefix(type0, []byte("<</Type /Font /Subtype /Type0 /BaseFont /")) || !bytes.Contains(type0, []byte("/Encoding /Identity-H")) {
		t.Fatalf("Type 0 font %q", type0)
	}
	name := regexp.MustCompile(`/BaseFont /([A-Z]{6}\+` + fc.name + `) `).FindSubmatch(type0)
	if name == nil {
		t.Fatalf("font name in %q", type0)
	}
	cid := o.list[ref(t, type0, "/DescendantFonts")]
	if !bytes.HasPrefix(cid, []byte("<</Type /Font /Subtype /CIDFontType2 /BaseFont /"+string(name[1])+" ")) {
		t.Fatalf("CID font %q", cid)
	}
	desc := o.list[ref(t, cid, "/FontDescriptor")]
	if !bytes.HasPrefix(desc, []byte("<</Type /FontDescriptor /FontName /"+string(name[1])+" ")) {
		t.Fatalf("descriptor %q", desc)
	}

	// /W: c [w1 w2 …] for runs of consecutive CIDs.
	w := regexp.MustCompile(`/W \[((?:\d+ \[[\d ]+\] ?)*)\]`).FindSubmatch(cid)
	if w == nil {
		t.Fatalf("no /W in %.300q", cid)
	}
	widths := map[rune]int{}
	for _, run := range regexp.MustCompile(`(\d+) \[([\d ]+)\]`).FindAllSubmatch(w[1], -1) {
		first, _ := strconv.Atoi(string(run[1]))
		for k, s := range strings.Fields(string(run[2])) {
			widths[rune(first+k)], _ = strconv.Atoi(s)
		}
	}
	if len(widths) != len(runes) {
		t.Errorf("/W has %d widths for %d characters", len(widths), len(runes))
	}
	for _, r := range runes {
		want := int(fc.m.cw[r])
		if want == 65535 {
			want = 0
		}
		if got, ok := widths[r]; !ok || got != want {
			t.Errorf("%U: width %d (listed %v), want %d", r, got, ok, want)
		}
	}

	// The subset, through the CIDToGIDMap.
	toGID := streamData(t, o, ref(t, cid, "/CIDToGIDMap"))
	prog := streamData(t, o, ref(t, desc, "/FontFile2"))
	pm, err := parseMetrics(prog)
	if err != nil {
		t.Fatalf("embedded subset: %v", err)
	}
	pc := must(newCutter(prog, pm))(t)
	whole := wholeFace(t, fc)
	wm := must(parseMetrics(whole))(t)
	wc := must(newCutter(whole, wm))(t)
	if len(toGID)%2 != 0 || len(toGID)/2 != int(runes[len(runes)-1])+1 {
		t.Errorf("CIDToGIDMap of %d bytes, last CID %U", len(toGID), runes[len(runes)-1])
	}
	mapped := 0
	for cid := range len(toGID) / 2 {
		g := u16(toGID, 2*cid)
		if g == 0 {
			continue
		}
		mapped++
		r := rune(cid)
		if used[r/64]&(1<<(r%64)) == 0 {
			t.Errorf("CID %d mapped to glyph %d but not drawn", cid, g)
			continue
		}
		if g >= pc.numGlyphs {
			t.Fatalf("%U: glyph %d of %d", r, g, pc.numGlyphs)
		}
		if pm.gid[r] != uint16(g) {
			t.Errorf("%U: the subset's cmap says glyph %d, the CIDToGIDMap %d", r, pm.gid[r], g)
		}
		orig := wc.glyph(int(wm.gid[r]))
		if got := pc.glyph(g); len(orig) > 0 && int16(u16(orig, 0)) >= 0 && !bytes.Equal(got, orig) {
			t.Errorf("%U: glyph %d is not the whole face's glyph %d", r, g, wm.gid[r])
		}
		if !bytes.Equal(pc.tables["hmtx"][4*g:4*g+4], wc.tables["hmtx"][4*int(wm.gid[r]):4*int(wm.gid[r])+4]) {
			t.Errorf("%U: metric differs from the whole face's", r)
		}
	}
	if mapped != len(runes) {
		t.Errorf("CIDToGIDMap maps %d CIDs, %d drawn", mapped, len(runes))
	}

	// ToUnicode: bfranges from each CID to itself, within a last byte.
	cmap := string(streamData(t, o, ref(t, type0, "/ToUnicode")))
	var covered []rune
	for _, m := range regexp.MustCompile(`<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>`).FindAllStringSubmatch(cmap, -1) {
		a, _ := strconv.ParseUint(m[1], 16, 16)
		b, _ := strconv.ParseUint(m[2], 16, 16)
		if m[3] != m[1] || a>>8 != b>>8 || b < a {
			t.Errorf("bfrange %v", m[1:])
		}
		for r := a; r <= b; r++ {
			covered = append(covered, rune(r))
		}
	}
	if !slices.Equal(covered, runes) {
		t.Errorf("ToUnicode covers %d characters, %d drawn", len(covered), len(runes))
	}
	for _, block := range regexp.MustCompile(`(\d+) beginbfrange`).FindAllStringSubmatch(cmap, -1) {
		if k, _ := strconv.Atoi(block[1]); k > 100 || k < 1 {
			t.Errorf("a bfrange block of %d", k)
		}
	}

	// CIDSet: CID 0 and those drawn.
	set := streamData(t, o, ref(t, desc, "/CIDSet"))
	var inSet []rune
	for i, b := range set {
		for j := range 8 {
			if b&(0x80>>j) != 0 {
				inSet = append(inSet, rune(8*i+j))
			}
		}
	}
	if want := append([]rune{0}, runes...); !slices.Equal(inSet, want) {
		t.Errorf("CIDSet %s, want %s", short(inSet), short(want))
	}
}

// short prints at most the first ten runes.
func short(rs []rune) string {
	if len(rs) > 10 {
		return fmt.Sprintf("%U… (%d)", rs[:10], len(rs))
	}
	return fmt.Sprintf("%U", rs)
}
