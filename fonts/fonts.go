// Package fonts embeds the TrueType fonts that every PDF of sodan uses, so a
// build needs no font installed on the machine.
//
// The faces are BIZ UDPGothic Regular and Bold (Morisawa, SIL Open Font
// License 1.1; the licence is in OFL.txt beside this file).
package fonts

import (
	_ "embed"
	"errors"
	"fmt"
)

//go:embed BIZUDPGothic-Regular.ttf
var regular []byte

//go:embed BIZUDPGothic-Bold.ttf
var bold []byte

// Family is the family name under which the faces are registered.
const Family = "BIZUDPGothic"

// Face is one embedded font file.
type Face struct {
	Name  string // file name, for messages
	Style string // "" for regular, "B" for bold (fpdf's style letters)
	Data  []byte // the whole TrueType file
}

// ErrNotTrueType is returned by Check for font files that fpdf cannot embed.
var ErrNotTrueType = errors.New("not a single TrueType-outline font")

// Faces returns the embedded faces after checking that each is a TrueType
// file fpdf can read.
func Faces() ([]Face, error) {
	faces := []Face{
		{Name: "BIZUDPGothic-Regular.ttf", Style: "", Data: regular},
		{Name: "BIZUDPGothic-Bold.ttf", Style: "B", Data: bold},
	}
	for _, f := range faces {
		if err := Check(f.Name, f.Data); err != nil {
			return nil, err
		}
	}
	return faces, nil
}

// Check reports whether data is a TrueType-outline font (.ttf). CFF-based
// OpenType (.otf) and collections (.ttc) are refused with a message that says
// so, because fpdf cannot embed them.
func Check(name string, data []byte) error {
	if len(data) < 12 {
		return fmt.Errorf("font %s: file too short: %w", name, ErrNotTrueType)
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "OTTO":
		return fmt.Errorf("font %s: CFF-based OpenType (.otf) cannot be embedded; use a TrueType .ttf: %w", name, ErrNotTrueType)
	case "ttcf":
		return fmt.Errorf("font %s: font collection (.ttc) cannot be embedded; extract one .ttf: %w", name, ErrNotTrueType)
	}
	return fmt.Errorf("font %s: unknown font format: %w", name, ErrNotTrueType)
}
