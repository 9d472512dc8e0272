package pdf

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"slices"
)

// A subset font's name must start with a tag of six upper-case letters and
// a plus sign (ISO 32000-1 §9.6.4), so that viewers and checkers know the
// embedded program is a subset.

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
