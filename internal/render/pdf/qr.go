package pdf

import (
	"bytes"
	"strconv"
	"sync"

	"github.com/go-pdf/fpdf"
	"rsc.io/qr"

	"sodan/internal/layout"
)

// quietZone is the white margin around a QR code, in modules, that the
// standard requires; it is drawn inside QR.Size.
const quietZone = 4

// qrCodes keeps the codes encoded so far: the same addresses come back in
// the quick list, in each deck and in its handouts and notes, and in every
// rebuild of a -watch session. A *qr.Code is not changed after Encode, so
// it can be shared.
var qrCodes struct {
	sync.Mutex
	m map[string]*qr.Code
}

// maxQRCodes bounds qrCodes; past it, it starts again empty.
const maxQRCodes = 1024

// encodeQR returns the QR code of data at error correction level M.
func encodeQR(data string) (*qr.Code, error) {
	qrCodes.Lock()
	code, ok := qrCodes.m[data]
	qrCodes.Unlock()
	if ok {
		return code, nil
	}
	code, err := qr.Encode(data, qr.M)
	if err != nil {
		return nil, err
	}
	qrCodes.Lock()
	defer qrCodes.Unlock()
	if qrCodes.m == nil || len(qrCodes.m) >= maxQRCodes {
		qrCodes.m = map[string]*qr.Code{}
	}
	qrCodes.m[data] = code
	return code, nil
}

// drawQR paints code as vectors: a white square of q.Size (quiet zone
// included), then every horizontal run of dark modules as one rectangle,
// all rectangles filled as a single path. One fill with the nonzero rule
// leaves no hairline seams between neighbouring modules, which viewers draw
// when each module is filled separately.
//
// The path is the one fpdf's MoveTo, LineTo, ClosePath and DrawPath("F")
// would write, byte for byte, but each module edge's coordinate is
// formatted once rather than at every corner that lies on it.
func drawQR(p *fpdf.Fpdf, q layout.QR, code *qr.Code) {
	n := code.Size + 2*quietZone
	module := q.Size / float64(n)
	// Every edge is computed from its module index, so the bottom of one row
	// and the top of the next are the same number and round the same way.
	// fpdf writes x·k and (h−y)·k with two decimals.
	k := p.GetConversionRatio()
	_, h := p.GetPageSize()
	xs := make([][]byte, code.Size+1)
	ys := make([][]byte, code.Size+1)
	for i := range xs {
		x := q.X + float64(quietZone+i)*module
		y := q.Y + float64(quietZone+i)*module
		xs[i] = strconv.AppendFloat(nil, x*k, 'f', 2, 64)
		ys[i] = strconv.AppendFloat(nil, (h-y)*k, 'f', 2, 64)
	}
	point := func(b []byte, col, row int, op string) []byte {
		b = append(b, xs[col]...)
		b = append(b, ' ')
		b = append(b, ys[row]...)
		return append(b, op...)
	}

	p.SetFillColor(255, 255, 255)
	p.Rect(q.X, q.Y, q.Size, q.Size, "F")
	p.SetFillColor(0, 0, 0)
	var path []byte
	darkRuns(code, func(row, col, end int) {
		path = point(path, col, row, " m\n")
		path = point(path, end, row, " l\n")
		path = point(path, end, row+1, " l\n")
		path = point(path, col, row+1, " l\n")
		path = append(path, "h\n"...)
	})
	if len(path) > 0 {
		path = append(path, 'f') // RawWriteBuf ends the line
		p.RawWriteBuf(bytes.NewReader(path))
	}
}

// darkRuns calls run for each run of dark modules of code, row by row:
// the modules col to end-1 of row.
func darkRuns(code *qr.Code, run func(row, col, end int)) {
	for row := 0; row < code.Size; row++ {
		for col := 0; col < code.Size; {
			if !code.Black(col, row) {
				col++
				continue
			}
			end := col + 1
			for end < code.Size && code.Black(end, row) {
				end++
			}
			run(row, col, end)
			col = end
		}
	}
}
