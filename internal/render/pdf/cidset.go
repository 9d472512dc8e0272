package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// addCIDSets gives each CIDFontType2 font's descriptor a /CIDSet stream
// listing the CIDs its embedded subset has (PDF/A-1 §6.3.5): CID 0 and
// every CID that fpdf's CIDToGIDMap maps to a glyph.
func addCIDSets(o *objects, order []int) error {
	fonts := 0
	for _, n := range order {
		if !bytes.HasPrefix(o.list[n], []byte("<</Type /Font\n/Subtype /CIDFontType2\n")) {
			continue
		}
		fonts++
		obj := o.list[n]
		head := cidFontHeadRE.FindSubmatch(obj[:min(len(obj), 200)])
		tail := cidFontTailRE.FindSubmatch(obj[max(0, len(obj)-40):])
		if head == nil || tail == nil || len(head[0])+len(tail[0]) > len(obj) {
			return fmt.Errorf("fpdf wrote an unexpected CID font (object %d)", n)
		}
		desc, _ := strconv.Atoi(string(head[1]))
		cmap, _ := strconv.Atoi(string(tail[1]))
		if desc <= 0 || desc >= len(o.list) || cmap <= 0 || cmap >= len(o.list) {
			return fmt.Errorf("CID font (object %d) refers to objects %d and %d", n, desc, cmap)
		}
		set, err := cidSet(o.list[cmap])
		if err != nil {
			return fmt.Errorf("CIDToGIDMap (object %d): %w", cmap, err)
		}
		d := o.list[desc]
		if !bytes.HasPrefix(d, []byte("<</Type /FontDescriptor ")) || !bytes.HasSuffix(d, []byte(">>\n")) || bytes.Contains(d, []byte("/CIDSet")) {
			return fmt.Errorf("fpdf wrote an unexpected font descriptor (object %d)", desc)
		}
		ref := o.add(flateStream("", set))
		o.list[desc] = fmt.Appendf(slices.Clip(d[:len(d)-3]), " /CIDSet %d 0 R>>\n", ref)
	}
	if fonts == 0 {
		return errors.New("fpdf wrote no CID fonts")
	}
	// Every font descriptor must have been one of theirs.
	for _, n := range order {
		if d := o.list[n]; bytes.HasPrefix(d, []byte("<</Type /FontDescriptor ")) && !bytes.Contains(d, []byte("/CIDSet")) {
			return fmt.Errorf("font descriptor (object %d) of no CIDFontType2 font", n)
		}
	}
	return nil
}

// cidSet reads a CIDToGIDMap stream (two bytes for each CID from 0) and
// returns the CIDSet bit string of the CIDs mapped to a glyph, with CID 0.
func cidSet(obj []byte) ([]byte, error) {
	dict, data, err := stream(obj)
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(dict, []byte("/Filter /FlateDecode")) {
		return nil, errors.New("not Flate-compressed")
	}
	const size = 2 << 16 // fpdf writes all 65,536 CIDs
	gids := make([]byte, size)
	if err := inflate(gids, data); err != nil {
		return nil, err
	}
	top := 0
	for cid := range size / 2 {
		if gids[2*cid] != 0 || gids[2*cid+1] != 0 {
			top = cid
		}
	}
	set := make([]byte, top/8+1)
	set[0] = 0x80 // CID 0, .notdef
	for cid := 1; cid <= top; cid++ {
		if gids[2*cid] != 0 || gids[2*cid+1] != 0 {
			set[cid/8] |= 0x80 >> (cid % 8)
		}
	}
	return set, nil
}

// stream splits an object fpdf wrote as "<<…/Length n…>>\nstream\n" data
// "\nendstream\n" into its dictionary and data.
func stream(obj []byte) (dict, data []byte, err error) {
	const open, end = ">>\nstream\n", "\nendstream\n"
	i := bytes.Index(obj, []byte(open))
	if i < 0 {
		return nil, nil, errors.New("not a stream")
	}
	dict = obj[:i+2]
	m := lengthRE.FindSubmatch(dict)
	if m == nil {
		return nil, nil, errors.New("stream without /Length")
	}
	n, err := strconv.Atoi(string(m[1]))
	start := i + len(open)
	if err != nil || n > len(obj)-start || !bytes.Equal(obj[start+n:], []byte(end)) {
		return nil, nil, fmt.Errorf("stream /Length %s does not match its data", m[1])
	}
	return dict, obj[start : start+n], nil
}
