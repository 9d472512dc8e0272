package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"sync"
)

// A zlib writer allocates and clears about 1 MB of tables when it is made,
// which for the small streams of a PDF costs more than compressing them;
// fpdf makes a new one for every stream it compresses. The streams finish
// writes (page contents, CIDSets) share writers and readers that are reset
// instead. Reset writers give the same bytes as new ones.

var (
	writers = sync.Pool{New: func() any {
		w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
		return w
	}}
	readers sync.Pool // of io.ReadCloser that are zlib.Resetter
)

// deflate compresses data at zlib.BestSpeed, as fpdf compresses page
// contents, and appends it to dst.
func deflate(dst *bytes.Buffer, data []byte) {
	w := writers.Get().(*zlib.Writer)
	w.Reset(dst)
	w.Write(data) // a bytes.Buffer does not fail
	w.Close()
	w.Reset(nil)
	writers.Put(w)
}

// inflate decompresses zlib data into dst, which it must fill exactly.
func inflate(dst, data []byte) error {
	src := bytes.NewReader(data)
	var r io.ReadCloser
	if v := readers.Get(); v != nil {
		r = v.(io.ReadCloser)
		if err := r.(zlib.Resetter).Reset(src, nil); err != nil {
			return err
		}
	} else {
		var err error
		if r, err = zlib.NewReader(src); err != nil {
			return err
		}
	}
	defer readers.Put(r)
	if _, err := io.ReadFull(r, dst); err != nil {
		return fmt.Errorf("%w after %d bytes", err, len(dst))
	}
	var one [1]byte
	switch n, err := r.Read(one[:]); {
	case n != 0:
		return fmt.Errorf("more than %d bytes", len(dst))
	case err != io.EOF:
		return err
	}
	return r.Close()
}

// flateStream is a stream object with the extra dictionary entries keys
// (may be "") and data compressed at zlib.BestSpeed.
func flateStream(keys string, data []byte) []byte {
	var z bytes.Buffer
	deflate(&z, data)
	return streamObject(fmt.Sprintf("<<%s/Length %d /Filter /FlateDecode>>", keys, z.Len()), z.Bytes())
}

// streamObject is a stream object with the dictionary dict and data.
func streamObject(dict string, data []byte) []byte {
	b := make([]byte, 0, len(dict)+len(data)+len("\nstream\n\nendstream\n"))
	b = append(b, dict...)
	b = append(b, "\nstream\n"...)
	b = append(b, data...)
	return append(b, "\nendstream\n"...)
}
