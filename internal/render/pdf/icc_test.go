package pdf

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"
)

// TestSRGBProfile reads the output intent's profile back: an ICC 2.1 RGB
// display profile whose tags are where the tag table says, with sRGB's
// colorants adapted to D50 and its tone curve.
func TestSRGBProfile(t *testing.T) {
	p := srgbProfile()
	if !bytes.Equal(p, makeSRGBProfile()) {
		t.Fatal("two profiles made differ")
	}
	if got := int(binary.BigEndian.Uint32(p)); got != len(p) || len(p)%4 != 0 {
		t.Fatalf("profile size %d in the header, %d bytes", got, len(p))
	}
	if v := binary.BigEndian.Uint32(p[8:]); v != 0x02100000 {
		t.Errorf("version %#08x, want 2.1 (PDF/A-1 allows no later major version)", v)
	}
	if string(p[12:24]) != "mntrRGB XYZ " || string(p[36:40]) != "acsp" {
		t.Errorf("header %q … %q", p[12:24], p[36:40])
	}
	fixed := func(b []byte) float64 { return float64(int32(binary.BigEndian.Uint32(b))) / 65536 }
	for i, want := range pcsWhite {
		if got := fixed(p[68+4*i:]); math.Abs(got-want) > 1.0/65536 {
			t.Errorf("PCS illuminant %d: %v, want %v", i, got, want)
		}
	}

	tags := map[string][]byte{}
	n := int(binary.BigEndian.Uint32(p[128:]))
	for i := range n {
		rec := p[132+12*i:]
		sig, off, size := string(rec[:4]), int(binary.BigEndian.Uint32(rec[4:])), int(binary.BigEndian.Uint32(rec[8:]))
		if off%4 != 0 || off < 132+12*n || off+size > len(p) {
			t.Fatalf("tag %q at %d, %d bytes, outside the profile or unaligned", sig, off, size)
		}
		tags[sig] = p[off : off+size]
	}
	types := map[string]string{"desc": "desc", "cprt": "text", "wtpt": "XYZ ", "rXYZ": "XYZ ", "gXYZ": "XYZ ", "bXYZ": "XYZ ", "rTRC": "curv", "gTRC": "curv", "bTRC": "curv"}
	if len(tags) != len(types) {
		t.Errorf("%d tags, want %d", len(tags), len(types))
	}
	for sig, typ := range types {
		if b := tags[sig]; len(b) < 12 || string(b[:4]) != typ {
			t.Errorf("tag %q: not of type %q", sig, typ)
		}
	}
	d := tags["desc"]
	if l := int(binary.BigEndian.Uint32(d[8:])); string(d[12:12+l]) != srgbCondition+"\x00" || len(d) != 12+l+78 {
		t.Errorf("description %q", d)
	}

	// The colorants, as the ICC's own sRGB v2 profile (sRGB2014.icc) has
	// them, and together the D50 white.
	xyz := func(sig string) [3]float64 {
		b := tags[sig]
		return [3]float64{fixed(b[8:]), fixed(b[12:]), fixed(b[16:])}
	}
	var sum [3]float64
	for sig, want := range map[string][3]float64{
		"rXYZ": {0.436066, 0.222488, 0.013916},
		"gXYZ": {0.385147, 0.716873, 0.097076},
		"bXYZ": {0.143066, 0.060608, 0.714096},
		"wtpt": {0.950455, 1, 1.089050}, // D65, the display's white
	} {
		got := xyz(sig)
		for i := range got {
			if math.Abs(got[i]-want[i]) > 0.0002 {
				t.Errorf("%s: %v, want %v", sig, got, want)
				break
			}
			if sig != "wtpt" {
				sum[i] += got[i]
			}
		}
	}
	for i := range sum {
		if math.Abs(sum[i]-pcsWhite[i]) > 3.0/65536 {
			t.Errorf("colorants add up to %v, not the D50 white %v", sum, pcsWhite)
			break
		}
	}

	// The tone curve, interpolated linearly as a CMM does, against the sRGB
	// function; all three channels share it.
	c := tags["rTRC"]
	if !bytes.Equal(c, tags["gTRC"]) || !bytes.Equal(c, tags["bTRC"]) {
		t.Error("the three tone curves differ")
	}
	pts := int(binary.BigEndian.Uint32(c[8:]))
	if pts != trcPoints || len(c) != 12+2*pts {
		t.Fatalf("curve of %d points in %d bytes", pts, len(c))
	}
	curve := func(i int) float64 { return float64(binary.BigEndian.Uint16(c[12+2*i:])) / 65535 }
	if curve(0) != 0 || curve(pts-1) != 1 {
		t.Errorf("curve from %v to %v, want 0 to 1", curve(0), curve(pts-1))
	}
	worst := 0.0
	for i := 0; i <= 4096; i++ {
		x := float64(i) / 4096 * float64(pts-1)
		j := min(int(x), pts-2)
		got := curve(j) + (x-float64(j))*(curve(j+1)-curve(j))
		worst = max(worst, math.Abs(got-srgbDecode(float64(i)/4096)))
	}
	if worst > 1e-4 {
		t.Errorf("curve off the sRGB function by up to %.6f", worst)
	}
	t.Logf("%d bytes; tone curve within %.6f of sRGB", len(p), worst)
}
