package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math/rand/v2"
	"testing"

	kzlib "github.com/klauspost/compress/zlib"
)

// TestDeflate: a shared, reset writer gives the bytes of a new one at
// each level, whatever it compressed before, and the standard library's
// zlib reader reads them back.
func TestDeflate(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, level := range []int{fontLevel, otherLevel} {
		for i, n := range []int{0, 1, 100, 5000, 70000, 300000} {
			data := make([]byte, n)
			for j := range data {
				data[j] = "BT 12.00 Td (x) Tj ET\n"[rng.IntN(22)]
			}
			var want bytes.Buffer
			w, _ := kzlib.NewWriterLevel(&want, level)
			w.Write(data)
			w.Close()
			for range 2 {
				var got bytes.Buffer
				deflate(&got, data, level)
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Fatalf("level %d, input %d (%d bytes): %d compressed bytes, a new writer gives %d", level, i, n, got.Len(), want.Len())
				}
				r, err := zlib.NewReader(bytes.NewReader(got.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				back, err := io.ReadAll(r)
				if err != nil || !bytes.Equal(back, data) {
					t.Fatalf("level %d, input %d: read back %d bytes of %d: %v", level, i, len(back), n, err)
				}
			}
		}
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
