package pdf

import (
	"bytes"
	"compress/zlib"
	"math/rand/v2"
	"testing"
)

// TestDeflateLikeFpdf: a shared, reset writer gives the bytes of a new
// one at fpdf's level, whatever it compressed before.
func TestDeflateLikeFpdf(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i, n := range []int{0, 1, 100, 5000, 70000, 300000} {
		data := make([]byte, n)
		for j := range data {
			data[j] = "BT 12.00 Td (x) Tj ET\n"[rng.IntN(22)]
		}
		var want bytes.Buffer
		w, _ := zlib.NewWriterLevel(&want, zlib.BestSpeed)
		w.Write(data)
		w.Close()
		for range 2 {
			var got bytes.Buffer
			deflate(&got, data)
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("input %d (%d bytes): %d compressed bytes, a new writer gives %d", i, n, got.Len(), want.Len())
			}
			back := make([]byte, n)
			if err := inflate(back, got.Bytes()); err != nil || !bytes.Equal(back, data) {
				t.Fatalf("input %d: inflate: %v", i, err)
			}
		}
	}
	var z bytes.Buffer
	deflate(&z, []byte("0123456789"))
	if err := inflate(make([]byte, 9), z.Bytes()); err == nil {
		t.Error("inflate into too short a buffer: no error")
	}
	if err := inflate(make([]byte, 11), z.Bytes()); err == nil {
		t.Error("inflate into too long a buffer: no error")
	}
	bad := bytes.Clone(z.Bytes())
	bad[len(bad)-1]++ // the Adler-32 checksum
	if err := inflate(make([]byte, 10), bad); err == nil {
		t.Error("inflate with a wrong checksum: no error")
	}
}

func TestCompressPagesRefusesSurprises(t *testing.T) {
	for name, content := range map[string]string{
		"compressed":   "<</Filter /FlateDecode /Length 3>>\nstream\nabc\nendstream\n",
		"wrong length": "<</Length 4>>\nstream\nabc\nendstream\n",
		"no stream":    "<</Length 3>>\n",
	} {
		o := &objects{list: [][]byte{nil, nil, nil,
			[]byte("<</Type /Page\n/Parent 1 0 R\n/Resources 2 0 R\n/Contents 4 0 R>>\n"),
			[]byte(content)}}
		if err := compressPages(o, []int{3}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
