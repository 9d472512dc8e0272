package pdf

import (
	"fmt"
	"unicode"

	"sodan/fonts"
	"sodan/internal/layout"
)

var _ layout.Measurer = (*Fonts)(nil)

// Fonts holds the embedded faces parsed once per build.
//
// Get one from LoadFonts; the zero Fonts is not usable. It is safe for
// concurrent use: after LoadFonts nothing in it changes but the cache of
// the fonts last embedded, which has a lock of its own.
type Fonts struct {
	faces [2]face // regular, bold
	// drawable has a bit for every BMP rune that both faces map to a real
	// glyph, the same in every cmap subtable.
	drawable [0x10000 / 64]uint64
	cache    *fontCache // the fonts last embedded (embed.go)
}

// face is one embedded TrueType file with its metrics.
type face struct {
	file  string // file name, for messages
	style string // "" or "B"
	m     *metrics
	cut   *cutter // makes the subset embedded in one PDF (cut.go)
	desc  fontDesc
	// name is the PostScript name written, after the subset tag, as the
	// font's BaseFont and FontName.
	name string
}

// ptPerMM is fpdf's scale factor for unit "mm" (points per mm): the
// inverse of layout.PtToMM, the exact constant 72/25.4, so that widths
// agree with fpdf's to the last bit.
const ptPerMM = 1 / layout.PtToMM

// LoadFonts parses the embedded faces (fonts.Faces) once: their cmap and
// horizontal metrics for Width and HasGlyph, and their names for the PDF.
// It refuses a face that fpdf could not embed safely.
func LoadFonts() (*Fonts, error) {
	list, err := fonts.Faces()
	if err != nil {
		return nil, fmt.Errorf("load fonts: %w", err)
	}
	f := &Fonts{cache: &fontCache{}}
	seen := [2]bool{}
	for _, fc := range list {
		i := 0
		switch fc.Style {
		case "":
		case "B":
			i = 1
		default:
			return nil, fmt.Errorf("load fonts: font %s: unsupported style %q", fc.Name, fc.Style)
		}
		if seen[i] {
			return nil, fmt.Errorf("load fonts: font %s: a second face with style %q", fc.Name, fc.Style)
		}
		seen[i] = true
		m, err := parseMetrics(fc.Data)
		if err != nil {
			return nil, fmt.Errorf("load fonts: font %s: %w", fc.Name, err)
		}
		c, err := newCutter(fc.Data, m)
		if err != nil {
			return nil, fmt.Errorf("load fonts: font %s: %w", fc.Name, err)
		}
		desc, err := readDesc(fc.Data, m)
		if err != nil {
			return nil, fmt.Errorf("load fonts: font %s: %w", fc.Name, err)
		}
		name := m.psName
		if name == "" {
			name = fonts.Family
			if i == 1 {
				name += "-Bold"
			}
		}
		f.faces[i] = face{file: fc.Name, style: fc.Style, m: m, cut: c, desc: desc, name: name}
	}
	if !seen[0] || !seen[1] {
		return nil, fmt.Errorf("load fonts: need a regular and a bold face, got %d faces", len(list))
	}
	reg, bold := f.faces[0].m, f.faces[1].m
	for r := range 0x10000 {
		ok := reg.gid[r] != 0 && bold.gid[r] != 0 &&
			reg.mismatch[r/64]&(1<<(r%64)) == 0 && bold.mismatch[r/64]&(1<<(r%64)) == 0
		if ok {
			f.drawable[r/64] |= 1 << (r % 64)
		}
	}
	return f, nil
}

// Width returns the advance width of s in mm when drawn in the regular or
// bold face at size points. It equals fpdf's GetStringWidth for the same
// string (fpdf's rounded 1/1000-em widths, no kerning); a rune without a
// glyph counts with the face's .notdef width, as fpdf draws it.
func (f *Fonts) Width(s string, bold bool, size float64) float64 {
	// The same operations in the same order as fpdf's SetFont and
	// GetStringWidth, so that the result is bit-identical.
	fontSize := size / ptPerMM
	return float64(f.units(s, bold)) * fontSize / 1000
}

// units is the width of s in 1/1000 em, summed the way fpdf's
// GetStringSymbolWidth sums it.
func (f *Fonts) units(s string, bold bool) int {
	m := f.faces[0].m
	if bold {
		m = f.faces[1].m
	}
	w := 0
	for _, r := range s {
		switch {
		case r >= 0 && r <= 0xFFFF && m.cw[r] > 0:
			if m.cw[r] != 65535 {
				w += int(m.cw[r])
			}
		case m.missing != 0:
			w += m.missing
		default:
			w += 500
		}
	}
	return w
}

// HasGlyph reports whether r can be drawn: it is in the Basic Multilingual
// Plane (fpdf panics beyond it), it is not a control character, surrogate or
// U+FFFF, and both the regular and the bold face map it to a real glyph.
func (f *Fonts) HasGlyph(r rune) bool {
	if r < 0 || r >= 0xFFFF || (r >= 0xD800 && r <= 0xDFFF) || unicode.IsControl(r) {
		return false
	}
	return f.drawable[r/64]&(1<<(r%64)) != 0
}
