// Package gstate measures how graphics states nest (q … Q) in a PDF page's
// content stream, for tests: every q must be closed on the page that opened
// it, and the nesting may not go deeper than the PDF limit.
package gstate

import (
	"bytes"
	"errors"
	"fmt"
)

// Limit is the deepest nesting of q allowed: 28 in the implementation
// limits of PDF 1.4 (Appendix C) and of PDF/A-1.
const Limit = 28

// Stats is what Scan found in one content stream.
type Stats struct {
	Q, QClose int // how many q and Q operators
	MaxDepth  int // the deepest nesting of q
	// Unmatched counts Q operators with no open q; Open counts the q still
	// open at the end.
	Unmatched, Open int
}

// Problems describes each rule s breaks, or is empty.
func (s Stats) Problems() []string {
	var p []string
	if s.Open > 0 {
		p = append(p, fmt.Sprintf("%d q left open at the end (%d q, %d Q)", s.Open, s.Q, s.QClose))
	}
	if s.Unmatched > 0 {
		p = append(p, fmt.Sprintf("%d Q without an open q", s.Unmatched))
	}
	if s.MaxDepth > Limit {
		p = append(p, fmt.Sprintf("q nested %d deep, more than the limit of %d", s.MaxDepth, Limit))
	}
	return p
}

// Scan reads a decoded content stream and counts its q and Q operators,
// skipping strings, names, comments and inline image data, where the same
// bytes may occur.
func Scan(content []byte) (Stats, error) {
	var s Stats
	depth := 0
	b := content
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case isSpace(c):
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '(':
			end, err := skipLiteral(b, i)
			if err != nil {
				return s, err
			}
			i = end
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			i += 2
		case c == '<':
			end := bytes.IndexByte(b[i:], '>')
			if end < 0 {
				return s, fmt.Errorf("offset %d: unterminated hexadecimal string", i)
			}
			i += end + 1
		case c == '[', c == ']', c == '{', c == '}':
			i++
		case c == ')' || c == '>':
			return s, fmt.Errorf("offset %d: unexpected %q", i, c)
		default:
			// A name (starting with /), number or operator: regular
			// characters up to white space or a delimiter.
			start := i
			i++
			for i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
				i++
			}
			switch tok := string(b[start:i]); tok {
			case "q":
				s.Q++
				depth++
				s.MaxDepth = max(s.MaxDepth, depth)
			case "Q":
				s.QClose++
				if depth == 0 {
					s.Unmatched++
				} else {
					depth--
				}
			case "ID":
				end, err := skipInlineImage(b, i)
				if err != nil {
					return s, err
				}
				i = end
			}
		}
	}
	s.Open = depth
	return s, nil
}

// skipLiteral returns the offset after the literal string starting at
// b[i] == '(': parentheses nest, and a backslash escapes the next byte.
func skipLiteral(b []byte, i int) (int, error) {
	level := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '(':
			level++
		case ')':
			level--
			if level == 0 {
				return j + 1, nil
			}
		}
	}
	return 0, fmt.Errorf("offset %d: unterminated string", i)
}

// skipInlineImage returns the offset after the EI that ends the inline
// image data starting after the ID operator at b[i].
func skipInlineImage(b []byte, i int) (int, error) {
	for j := i + 1; j+2 <= len(b); j++ {
		if isSpace(b[j-1]) && b[j] == 'E' && b[j+1] == 'I' && (j+2 == len(b) || isSpace(b[j+2]) || isDelim(b[j+2])) {
			return j + 2, nil
		}
	}
	return 0, errors.New("inline image without EI")
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}
