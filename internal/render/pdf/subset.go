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
// finish renames them, in the three objects that begin with these names;
// each must be found exactly once for each face.

// nameSites are the text before and after the name at the start of each
// object fpdf writes for a UTF-8 font (fpdf.go, putfonts, case "UTF8").
var nameSites = [...][2]string{
	{"<</Type /Font\n/Subtype /Type0\n/BaseFont /", "\n/Encoding /Identity-H\n"},
	{"<</Type /Font\n/Subtype /CIDFontType2\n/BaseFont /", "\n/CIDSystemInfo "},
	{"<</Type /FontDescriptor /FontName /", "\n /Ascent "},
}

// rename is a font name fpdf writes and the name it must have instead.
type rename struct{ from, to string }

// subsetNames returns the tagged name of each face's subset; used holds
// the runes drawn with each face.
func subsetNames(f *Fonts, used *[2]runeSet) []rename {
	var tags [2]string
	for i := range f.faces {
		tags[i] = subsetTag(&f.faces[i], &used[i], 0)
	}
	// Two tags alike would make the two fonts look like one subset.
	for salt := 1; tags[1] == tags[0]; salt++ {
		tags[1] = subsetTag(&f.faces[1], &used[1], salt)
	}
	names := make([]rename, len(f.faces))
	for i := range f.faces {
		names[i] = rename{f.faces[i].written(), tags[i] + "+" + f.faces[i].name}
	}
	return names
}

// tagSubsets gives the fonts among the objects in order their tagged
// names.
func tagSubsets(o *objects, order []int, names []rename) error {
	for _, nm := range names {
		for _, site := range nameSites {
			pat := site[0] + nm.from + site[1]
			found := 0
			for _, n := range order {
				obj := o.list[n]
				if !bytes.HasPrefix(obj, []byte(pat)) {
					continue
				}
				found++
				b := make([]byte, 0, len(obj)-len(nm.from)+len(nm.to))
				b = append(b, site[0]...)
				b = append(b, nm.to...)
				o.list[n] = append(b, obj[len(site[0])+len(nm.from):]...)
			}
			if found != 1 {
				return fmt.Errorf("found the font name %q %d times after %q, want once", nm.from, found, site[0])
			}
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
