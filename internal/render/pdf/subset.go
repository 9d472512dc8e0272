package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
)

// A subset font's name must start with a tag of six upper-case letters and
// a plus sign (ISO 32000-1 §9.6.4), so that viewers and checkers know the
// embedded program is a subset. fpdf v0.9.0 embeds a subset but names it
// "utf8" + font key, with no tag, in three places: the Type0 font's
// BaseFont, the CIDFontType2's BaseFont and the FontDescriptor's FontName.
//
// Each face is registered under a placeholder family chosen so that this
// written name is exactly as long as "ABCDEF+" + the face's PostScript name
// (LoadFonts). After fpdf has written the file, the placeholder is
// overwritten in place with the tagged name. No byte moves, so the
// cross-reference table's offsets stay valid. The three places are found
// with the text fpdf writes around each name and must each occur exactly
// once; the placeholders never occur elsewhere in uncompressed text (link
// URLs are checked to be free of white space and text strings are UTF-16).

// nameSites are the text before and after the name in each object fpdf
// writes for a UTF-8 font (fpdf.go, putfonts, case "UTF8").
var nameSites = [...][2]string{
	{"/Type /Font\n/Subtype /Type0\n/BaseFont /", "\n/Encoding /Identity-H\n"},
	{"/Type /Font\n/Subtype /CIDFontType2\n/BaseFont /", "\n/CIDSystemInfo "},
	{"/Type /FontDescriptor /FontName /", "\n /Ascent "},
}

// tagSubsets writes the subset tag of each face into out, the finished
// PDF. used holds the runes drawn with each face.
func tagSubsets(out []byte, f *Fonts, used *[2]runeSet) error {
	var tags [2]string
	for i := range f.faces {
		tags[i] = subsetTag(&f.faces[i], &used[i], 0)
	}
	// Two tags alike would make the two fonts look like one subset.
	for salt := 1; tags[1] == tags[0]; salt++ {
		tags[1] = subsetTag(&f.faces[1], &used[1], salt)
	}
	for i := range f.faces {
		fc := &f.faces[i]
		placeholder := fc.written()
		name := tags[i] + "+" + fc.name
		if len(name) != len(placeholder) {
			return fmt.Errorf("font %s: tagged name %q does not fit placeholder %q", fc.file, name, placeholder)
		}
		for _, site := range nameSites {
			pat := []byte(site[0] + placeholder + site[1])
			if n := bytes.Count(out, pat); n != 1 {
				return fmt.Errorf("font %s: found the name %q %d times after %q, want once", fc.file, placeholder, n, site[0])
			}
			at := bytes.Index(out, pat) + len(site[0])
			copy(out[at:at+len(name)], name)
		}
	}
	return nil
}

// subsetTag derives six upper-case letters from the face's name and style
// and the glyphs of the subset: the same glyphs always give the same tag,
// and different subsets almost always a different one.
func subsetTag(fc *face, used *runeSet, salt int) string {
	var gids []uint16
	used.each(func(r rune) { gids = append(gids, fc.m.gid[r]) })
	slices.Sort(gids)
	gids = slices.Compact(gids)

	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00", fc.name, fc.style, salt)
	var b [2]byte
	for _, g := range gids {
		binary.BigEndian.PutUint16(b[:], g)
		h.Write(b[:])
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}
