package pdf

import (
	"bytes"
	"fmt"
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

// drawQRWithFpdf draws code the way drawQR does, with fpdf's own path
// calls.
func drawQRWithFpdf(p *fpdf.Fpdf, q layout.QR, code *qr.Code) {
	n := code.Size + 2*quietZone
	module := q.Size / float64(n)
	x := func(i int) float64 { return q.X + float64(quietZone+i)*module }
	y := func(i int) float64 { return q.Y + float64(quietZone+i)*module }
	p.SetFillColor(255, 255, 255)
	p.Rect(q.X, q.Y, q.Size, q.Size, "F")
	p.SetFillColor(0, 0, 0)
	dark := false
	darkRuns(code, func(row, col, end int) {
		p.MoveTo(x(col), y(row))
		p.LineTo(x(end), y(row))
		p.LineTo(x(end), y(row+1))
		p.LineTo(x(col), y(row+1))
		p.ClosePath()
		dark = true
	})
	if dark {
		p.DrawPath("F")
	}
}

// TestQRPathLikeFpdf: drawQR writes the very bytes that fpdf's MoveTo,
// LineTo, ClosePath and DrawPath write for the same path, on pages of
// other sizes and at odd positions.
func TestQRPathLikeFpdf(t *testing.T) {
	page := func(draw func(p *fpdf.Fpdf, q layout.QR, code *qr.Code), size fpdf.SizeType, qs []layout.QR) []byte {
		p := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: size})
		p.SetCompression(false)
		p.AddPage()
		for _, q := range qs {
			code, err := encodeQR(q.Data)
			if err != nil {
				t.Fatal(err)
			}
			draw(p, q, code)
		}
		var b bytes.Buffer
		if err := p.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	qs := []layout.QR{
		{X: 20, Y: 40, Size: 30, Data: qrURL},
		{X: 123.456, Y: 7.891, Size: 21.37, Data: linkURL},
		{X: 0.001, Y: 250.5, Size: 44.4, Data: "https://www.example.jp/" + strings.Repeat("a", 120)},
	}
	for _, size := range []fpdf.SizeType{{Wd: a4W, Ht: a4H}, {Wd: slideW, Ht: slideH + 100}} {
		got, want := page(drawQR, size, qs), page(drawQRWithFpdf, size, qs)
		if !bytes.Equal(got, want) {
			t.Errorf("page %v: drawQR wrote %d bytes, fpdf's path calls %d", size, len(got), len(want))
		}
	}
}

func TestEncodeQRCache(t *testing.T) {
	a, err := encodeQR(qrURL)
	if err != nil {
		t.Fatal(err)
	}
	b, err := encodeQR(qrURL)
	if err != nil || a != b {
		t.Errorf("second encoding %p (%v), want the first, %p", b, err, a)
	}
	want, _ := qr.Encode(qrURL, qr.M)
	if !bytes.Equal(a.Bitmap, want.Bitmap) || a.Size != want.Size {
		t.Error("cached code differs from qr.Encode's")
	}
	for i := range maxQRCodes + 10 {
		if _, err := encodeQR(fmt.Sprintf("https://example.jp/%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	qrCodes.Lock()
	n := len(qrCodes.m)
	qrCodes.Unlock()
	if n > maxQRCodes {
		t.Errorf("%d codes kept, at most %d", n, maxQRCodes)
	}
}
