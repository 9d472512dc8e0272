package text

import (
	"sort"
	"strings"
)

// Units that are never broken: numbers, URLs and e-mail addresses.

// glueNumbers keeps digit runs and digit-hyphen-digit runs together.
func (b *breaker) glueNumbers() {
	cl := b.cl
	for i := 0; i+1 < len(cl); i++ {
		if !isDigit(cl[i].first) {
			continue
		}
		switch {
		case isDigit(cl[i+1].first):
			cl[i].flags |= bGlue
		case isHyphen(cl[i+1].first) && i+2 < len(cl) && isDigit(cl[i+2].first):
			cl[i].flags |= bGlue
			cl[i+1].flags |= bGlue
		}
	}
}

// glueURLs finds the URLs in p, forbids breaks inside them and marks the
// URL break points.
func (b *breaker) glueURLs(p string) {
	b.spans = b.spans[:0]
	if b.address {
		b.glueURL(p, 0, 0, len(p))
		return
	}
	for i := 0; i < len(p); i++ {
		if p[i] != 'h' && p[i] != 'H' {
			continue
		}
		scheme := schemeLen(p[i:])
		if scheme == 0 {
			continue
		}
		e := i + scheme
		for e < len(p) && isURLByte(p[e]) {
			e++
		}
		if e == i+scheme {
			continue
		}
		b.glueURL(p, i, scheme, e)
		i = e - 1
	}
}

// glueURL forbids breaks inside the URL p[i:e], whose scheme is scheme
// bytes long, and marks its break points.
func (b *breaker) glueURL(p string, i, scheme, e int) {
	b.spans = append(b.spans, [2]int{i, e})
	for k := b.firstEndAfter(i); k < len(b.cl) && b.cl[k].end < e; k++ {
		c := &b.cl[k]
		c.flags = c.flags&^bRaw | bGlue
		if c.end > i+scheme && b.start(k) == c.end-1 &&
			strings.IndexByte("/.-_?&=", p[c.end-1]) >= 0 && p[c.end] != '/' &&
			!digitHyphenDigit(p, c.end-1) {
			c.flags |= bRaw | bURL
		}
	}
}

// glueEmails forbids breaks inside e-mail addresses that are not part of a
// URL.
func (b *breaker) glueEmails(p string) {
	for a := strings.IndexByte(p, '@'); a >= 0; {
		if !b.inURL(a) {
			l := a
			for l > 0 && isLocalByte(p[l-1]) {
				l--
			}
			r := a + 1
			for r < len(p) && isDomainByte(p[r]) {
				r++
			}
			for r > a+1 && (p[r-1] == '.' || p[r-1] == '-') {
				r--
			}
			domain := p[a+1 : r]
			if l < a && strings.IndexByte(domain, '.') > 0 {
				for k := b.firstEndAfter(l); k < len(b.cl) && b.cl[k].end < r; k++ {
					b.cl[k].flags |= bGlue
				}
			}
		}
		next := strings.IndexByte(p[a+1:], '@')
		if next < 0 {
			break
		}
		a += 1 + next
	}
}

// inURL reports whether byte offset off lies inside one of the URLs found by
// glueURLs (they are sorted and do not overlap).
func (b *breaker) inURL(off int) bool {
	k := sort.Search(len(b.spans), func(k int) bool { return b.spans[k][1] > off })
	return k < len(b.spans) && b.spans[k][0] <= off
}

// firstEndAfter returns the index of the first cluster ending after byte
// offset off.
func (b *breaker) firstEndAfter(off int) int {
	return sort.Search(len(b.cl), func(k int) bool { return b.cl[k].end > off })
}

// digitHyphenDigit reports whether p[h] is a hyphen between two ASCII
// digits: in a URL too, a number such as 0120-123-456 is not broken.
func digitHyphenDigit(p string, h int) bool {
	return p[h] == '-' && h > 0 && h+1 < len(p) && '0' <= p[h-1] && p[h-1] <= '9' && '0' <= p[h+1] && p[h+1] <= '9'
}
