package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"runtime"
)

// A zlib writer allocates and clears about 1 MB of tables when it is made,
// which for the small streams of a PDF costs more than compressing them;
// fpdf makes a new one for every stream it compresses. The streams finish
// writes (page contents, CIDSets) share writers and readers that are reset
// instead; reset writers give the same bytes as new ones. They are kept in
// free lists of a few, not in a sync.Pool, which every garbage collection
// empties (and writing a PDF with fpdf collects often).

var (
	writers = make(chan *zlib.Writer, max(2, runtime.GOMAXPROCS(0)))
	readers = make(chan io.ReadCloser, max(2, runtime.GOMAXPROCS(0))) // zlib readers, which are zlib.Resetters
)

// deflate compresses data at zlib.BestSpeed, as fpdf compresses page
// contents, and appends it to dst.
func deflate(dst *bytes.Buffer, data []byte) {
	var w *zlib.Writer
	select {
	case w = <-writers:
		w.Reset(dst)
	default:
		w, _ = zlib.NewWriterLevel(dst, zlib.BestSpeed)
	}
	w.Write(data) // a bytes.Buffer does not fail
	w.Close()
	w.Reset(nil)
	select {
	case writers <- w:
	default:
	}
}

// inflate decompresses zlib data into dst, which it must fill exactly.
func inflate(dst, data []byte) error {
	src := bytes.NewReader(data)
	var r io.ReadCloser
	select {
	case r = <-readers:
		if err := r.(zlib.Resetter).Reset(src, nil); err != nil {
			return err
		}
	default:
		var err error
		if r, err = zlib.NewReader(src); err != nil {
			return err
		}
	}
	defer func() {
		src.Reset(nil) // so that the kept reader does not keep data
		select {
		case readers <- r:
		default:
		}
	}()
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
