// Package glyphs reads where a PDF page draws each character and each
// path, for tests that check typesetting on the file a reader gets: glyph
// sizes, positions and advances come from the content stream and the
// fonts' width arrays, not from the plan the file was drawn from.
//
// It reads what sodan's renderer writes: Type0 fonts with Identity-H
// encoding whose character codes are Unicode code points, text shown with
// Td and Tj between BT and ET, character spacing set with Tc, and paths
// made of re, m, l and c. It does not follow cm, TJ, Tz or text matrices.
package glyphs

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// ptToMM converts PDF points to millimetres.
const ptToMM = 25.4 / 72

// Glyph is one character as drawn: its left edge and baseline, and its
// advance width, in mm from the page's top-left corner.
type Glyph struct {
	R       rune
	X, Y, W float64
}

// Run is the text of one Tj operator.
type Run struct {
	Font    string  // BaseFont without the subset tag
	Bold    bool    // the font's name says Bold
	Size    float64 // points
	Spacing float64 // character spacing (Tc) in mm
	X, Y    float64 // the start of the baseline, in mm
	Text    string
	Glyphs  []Glyph
	Descent float64 // how far the font reaches below the baseline, in mm
}

// End is where the run's last glyph ends (its advance, without the
// spacing that follows it).
func (r Run) End() float64 {
	if len(r.Glyphs) == 0 {
		return r.X
	}
	g := r.Glyphs[len(r.Glyphs)-1]
	return g.X + g.W
}

// Box is the bounding box of a painted path, in mm (Y0 above Y1).
type Box struct{ X0, Y0, X1, Y1 float64 }

// Page is what one page draws.
type Page struct {
	W, H  float64 // mm
	Runs  []Run
	Paths []Box
}

type font struct {
	name    string
	bold    bool
	dw      float64
	w       map[rune]float64 // per 1000 units of the size
	descent float64          // per 1000, positive
}

// Read parses every page of the PDF in data.
func Read(data []byte) ([]Page, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadAndValidate(bytes.NewReader(data), conf)
	if err != nil {
		return nil, err
	}
	var pages []Page
	for p := 1; p <= ctx.PageCount; p++ {
		_, _, attrs, err := ctx.PageDict(p, false)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", p, err)
		}
		fonts, err := pageFonts(ctx, attrs.Resources)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", p, err)
		}
		r, err := pdfcpu.ExtractPageContent(ctx, p)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", p, err)
		}
		content, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", p, err)
		}
		mb := attrs.MediaBox
		pg := Page{W: mb.Width() * ptToMM, H: mb.Height() * ptToMM}
		if err := scan(&pg, mb.Height(), content, fonts); err != nil {
			return nil, fmt.Errorf("page %d: %w", p, err)
		}
		pages = append(pages, pg)
	}
	return pages, nil
}

// pageFonts reads the fonts of a page's resources by resource name.
func pageFonts(ctx *model.Context, res types.Dict) (map[string]*font, error) {
	out := map[string]*font{}
	fd, err := ctx.DereferenceDict(res["Font"])
	if err != nil || fd == nil {
		return out, err
	}
	for name, ref := range fd {
		d, err := ctx.DereferenceDict(ref)
		if err != nil {
			return nil, err
		}
		f := &font{w: map[rune]float64{}, dw: 1000}
		if bf, ok := d["BaseFont"].(types.Name); ok {
			f.name = string(bf)
			if i := strings.IndexByte(f.name, '+'); i >= 0 {
				f.name = f.name[i+1:]
			}
			f.bold = strings.Contains(f.name, "Bold")
		}
		desc, err := ctx.DereferenceArray(d["DescendantFonts"])
		if err != nil || len(desc) == 0 {
			return nil, fmt.Errorf("font %s: no descendant font", name)
		}
		cid, err := ctx.DereferenceDict(desc[0])
		if err != nil {
			return nil, err
		}
		if v, err := ctx.DereferenceNumber(cid["DW"]); err == nil && cid["DW"] != nil {
			f.dw = v
		}
		if fdesc, err := ctx.DereferenceDict(cid["FontDescriptor"]); err == nil && fdesc != nil {
			if v, err := ctx.DereferenceNumber(fdesc["Descent"]); err == nil {
				f.descent = -v
			}
		}
		w, err := ctx.DereferenceArray(cid["W"])
		if err != nil {
			return nil, err
		}
		if err := widths(ctx, w, f.w); err != nil {
			return nil, fmt.Errorf("font %s: %w", name, err)
		}
		out[name] = f
	}
	return out, nil
}

// widths reads a CIDFont's W array: "c [w1 w2 …]" and "c1 c2 w" entries.
func widths(ctx *model.Context, a types.Array, into map[rune]float64) error {
	for i := 0; i < len(a); {
		c, err := ctx.DereferenceNumber(a[i])
		if err != nil {
			return err
		}
		if i+1 >= len(a) {
			return fmt.Errorf("width array ends after %v", c)
		}
		if arr, err := ctx.DereferenceArray(a[i+1]); err == nil && arr != nil {
			for k, o := range arr {
				w, err := ctx.DereferenceNumber(o)
				if err != nil {
					return err
				}
				into[rune(int(c)+k)] = w
			}
			i += 2
			continue
		}
		if i+2 >= len(a) {
			return fmt.Errorf("width array: range at %v has no width", c)
		}
		c2, err := ctx.DereferenceNumber(a[i+1])
		if err != nil {
			return err
		}
		w, err := ctx.DereferenceNumber(a[i+2])
		if err != nil {
			return err
		}
		for r := int(c); r <= int(c2); r++ {
			into[rune(r)] = w
		}
		i += 3
	}
	return nil
}

// state is the part of the graphics state that the scan follows.
type state struct {
	tc float64 // character spacing, points
}

// scan reads a content stream into pg; h is the page height in points.
func scan(pg *Page, h float64, content []byte, fonts map[string]*font) error {
	var (
		ops   []string // operands since the last operator
		st    state
		stack []state
		cur   *font
		size  float64
		tx    float64 // text position, points
		ty    float64
		path  []float64 // x, y pairs of the current path, points
	)
	num := func(s string) float64 {
		v, _ := strconv.ParseFloat(s, 64)
		return v
	}
	toks, err := tokens(content)
	if err != nil {
		return err
	}
	for _, t := range toks {
		if !t.op {
			ops = append(ops, t.s)
			continue
		}
		n := len(ops)
		switch t.s {
		case "q":
			stack = append(stack, st)
		case "Q":
			if len(stack) > 0 {
				st = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "BT":
			tx, ty = 0, 0
		case "Tf":
			if n >= 2 {
				cur = fonts[strings.TrimPrefix(ops[n-2], "/")]
				size = num(ops[n-1])
			}
		case "Tc":
			if n >= 1 {
				st.tc = num(ops[n-1])
			}
		case "Td":
			if n >= 2 {
				tx += num(ops[n-2])
				ty += num(ops[n-1])
			}
		case "Tj":
			if n < 1 || cur == nil {
				break
			}
			codes, err := hexCodes(ops[n-1])
			if err != nil {
				return err
			}
			run := Run{Font: cur.name, Bold: cur.bold, Size: size, Spacing: st.tc * ptToMM,
				X: tx * ptToMM, Y: (h - ty) * ptToMM, Descent: cur.descent / 1000 * size * ptToMM}
			x := tx
			var sb strings.Builder
			for _, r := range codes {
				w, ok := cur.w[r]
				if !ok {
					w = cur.dw
				}
				adv := w / 1000 * size
				run.Glyphs = append(run.Glyphs, Glyph{R: r, X: x * ptToMM, Y: run.Y, W: adv * ptToMM})
				sb.WriteRune(r)
				x += adv + st.tc
			}
			run.Text = sb.String()
			tx = x
			pg.Runs = append(pg.Runs, run)
		case "re":
			if n >= 4 {
				x, y, w, hh := num(ops[n-4]), num(ops[n-3]), num(ops[n-2]), num(ops[n-1])
				path = append(path, x, y, x+w, y+hh)
			}
		case "m", "l":
			if n >= 2 {
				path = append(path, num(ops[n-2]), num(ops[n-1]))
			}
		case "c":
			if n >= 6 {
				for k := n - 6; k < n; k += 2 {
					path = append(path, num(ops[k]), num(ops[k+1]))
				}
			}
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
			if len(path) >= 2 {
				b := Box{X0: path[0], X1: path[0], Y0: path[1], Y1: path[1]}
				for k := 0; k+1 < len(path); k += 2 {
					b.X0, b.X1 = min(b.X0, path[k]), max(b.X1, path[k])
					b.Y0, b.Y1 = min(b.Y0, path[k+1]), max(b.Y1, path[k+1])
				}
				// To mm from the top: the path's top is its largest y.
				pg.Paths = append(pg.Paths, Box{X0: b.X0 * ptToMM, X1: b.X1 * ptToMM, Y0: (h - b.Y1) * ptToMM, Y1: (h - b.Y0) * ptToMM})
			}
			path = path[:0]
		case "n":
			path = path[:0]
		}
		ops = ops[:0]
	}
	return nil
}

// hexCodes decodes a string operand, hexadecimal or literal, of two-byte
// codes.
func hexCodes(s string) ([]rune, error) {
	var raw []byte
	switch {
	case strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">"):
		h := strings.Join(strings.Fields(s[1:len(s)-1]), "")
		for i := 0; i+1 < len(h); i += 2 {
			v, err := strconv.ParseUint(h[i:i+2], 16, 8)
			if err != nil {
				return nil, err
			}
			raw = append(raw, byte(v))
		}
	case strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")"):
		raw = literal(s[1 : len(s)-1])
	default:
		return nil, fmt.Errorf("text %q is not a string", s)
	}
	if len(raw)%2 != 0 {
		return nil, fmt.Errorf("text %q is not two-byte codes", s)
	}
	out := make([]rune, 0, len(raw)/2)
	for i := 0; i < len(raw); i += 2 {
		out = append(out, rune(raw[i])<<8|rune(raw[i+1]))
	}
	return out, nil
}

// literal decodes the escapes of a literal string's bytes.
func literal(s string) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\r', '\n':
			if e == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		default:
			if e >= '0' && e <= '7' {
				v, k := 0, 0
				for ; k < 3 && i+k < len(s) && s[i+k] >= '0' && s[i+k] <= '7'; k++ {
					v = v*8 + int(s[i+k]-'0')
				}
				i += k - 1
				out = append(out, byte(v))
				continue
			}
			out = append(out, e)
		}
	}
	return out
}

type token struct {
	s  string
	op bool
}

// tokens splits a content stream into operands and operators; strings,
// arrays and dictionaries are single operands.
func tokens(b []byte) ([]token, error) {
	var out []token
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '<' || c == '[':
			// A dictionary, a hexadecimal string or an array: up to its
			// first closing delimiter.
			closing, what := ">", "hexadecimal string"
			switch {
			case c == '[':
				closing, what = "]", "array"
			case i+1 < len(b) && b[i+1] == '<':
				closing, what = ">>", "dictionary"
			}
			end := bytes.Index(b[i:], []byte(closing))
			if end < 0 {
				return nil, fmt.Errorf("offset %d: unterminated %s", i, what)
			}
			end += len(closing)
			out = append(out, token{s: string(b[i : i+end])})
			i += end
		case c == '(':
			depth, j := 0, i
			for ; j < len(b); j++ {
				if b[j] == '\\' {
					j++
					continue
				}
				if b[j] == '(' {
					depth++
				}
				if b[j] == ')' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			out = append(out, token{s: string(b[i:min(j+1, len(b))])})
			i = j + 1
		default:
			j := i + 1
			for j < len(b) && !bytes.ContainsRune([]byte(" \n\r\t\f\x00()<>[]{}/%"), rune(b[j])) {
				j++
			}
			s := string(b[i:j])
			op := c != '/' && c != '-' && c != '+' && c != '.' && (c < '0' || c > '9')
			out = append(out, token{s: s, op: op})
			i = j
		}
	}
	return out, nil
}
