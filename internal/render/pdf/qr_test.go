package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"rsc.io/qr"

	"sodan/internal/layout"
)

// TestQRIsOnePath draws a code on an uncompressed page and reads the
// content stream: one white square, then one closed subpath per run of dark
// modules, filled by a single operator.
func TestQRIsOnePath(t *testing.T) {
	code, err := qr.Encode(qrURL, qr.M)
	if err != nil {
		t.Fatal(err)
	}
	runs := 0
	for y := range code.Size {
		for x := range code.Size {
			if code.Black(x, y) && !code.Black(x-1, y) {
				runs++
			}
		}
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.AddPage()
	drawQR(p, layout.QR{X: 20, Y: 40, Size: 30, Data: qrURL}, code)
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(b.Bytes(), []byte("stream\n"))
	end := bytes.Index(b.Bytes(), []byte("\nendstream"))
	if start < 0 || end < start {
		t.Fatal("no content stream")
	}
	lines := strings.Split(string(b.Bytes()[start+len("stream\n"):end]), "\n")
	count := map[string]int{}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) > 0 {
			count[f[len(f)-1]]++
		}
	}
	if count["h"] != runs || count["m"] != runs || count["l"] != 3*runs {
		t.Errorf("%d subpaths (m %d, l %d), want one per run: %d", count["h"], count["m"], count["l"], runs)
	}
	if count["f"] != 2 { // the white square ("... re f") and the modules
		t.Errorf("%d fill operators, want 2", count["f"])
	}
	if !strings.Contains(string(b.Bytes()[start:end]), "re f") {
		t.Error("no white background square")
	}
}

func TestQRModuleSize(t *testing.T) {
	f := loadFonts(t)
	// The URL needs 33 modules, + 8 of quiet zone: 20.5 mm makes exactly
	// 0.5 mm modules.
	for _, tc := range []struct {
		size float64
		ok   bool
	}{{30, true}, {20.5, true}, {20.4, false}, {10, false}} {
		doc := &layout.Doc{Meta: testMeta(), Pages: []layout.Page{{W: a4W, H: a4H, Items: []layout.Item{
			layout.QR{X: 10, Y: 10, Size: tc.size, Data: qrURL},
		}}}}
		var b bytes.Buffer
		err := Write(&b, doc, f)
		if (err == nil) != tc.ok {
			t.Errorf("QR of %g mm: error %v, want ok=%v", tc.size, err, tc.ok)
		}
	}
}
