package pdf

import (
	"bytes"
	"fmt"
	"runtime"

	"github.com/klauspost/compress/zlib"
)

// Streams are compressed with github.com/klauspost/compress rather than the
// standard library: for the subset fonts, which are most of what a PDF
// compresses, its level 3 is 2.2 times as fast as compress/zlib's fastest
// level and its output 2% smaller; for page contents its level 1 is 1.7
// times as fast at the same size (measured on the subsets and pages of the
// quick list). Its output is the same for the same input and version, and
// the version is pinned in go.mod.
//
// A zlib writer allocates and clears its tables when it is made, which
// for the small streams of a PDF costs more than compressing them. Writers
// are reset instead, and kept in free lists of a few, not in a sync.Pool,
// which every garbage collection empties; a reset writer gives the same
// bytes as a new one.

// Compression levels: for font programs, and for everything else.
const (
	fontLevel  = 3
	otherLevel = 1
)

var writers = map[int]chan *zlib.Writer{
	fontLevel:  make(chan *zlib.Writer, max(2, runtime.GOMAXPROCS(0))),
	otherLevel: make(chan *zlib.Writer, max(2, runtime.GOMAXPROCS(0))),
}

// deflate compresses data at level (fontLevel or otherLevel) and appends
// it to dst.
func deflate(dst *bytes.Buffer, data []byte, level int) {
	var w *zlib.Writer
	select {
	case w = <-writers[level]:
		w.Reset(dst)
	default:
		w, _ = zlib.NewWriterLevel(dst, level)
	}
	w.Write(data) // a bytes.Buffer does not fail
	w.Close()
	w.Reset(nil)
	select {
	case writers[level] <- w:
	default:
	}
}

// flateStream is a stream object with the extra dictionary entries keys
// (may be "") and data compressed at level.
func flateStream(keys string, data []byte, level int) []byte {
	var z bytes.Buffer
	deflate(&z, data, level)
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
