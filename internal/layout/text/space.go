package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The engine spaces Japanese and Latin text itself (和欧間, JIS X 4051
// 3.1.5 and the CSS text-autospace property): between a Japanese letter
// (kanji, hiragana, katakana) and a Latin letter or digit it puts the
// layout's space, a fraction of an em; next to Japanese punctuation and
// brackets it puts none. A space typed in the sources between the two
// is not printed: the typed space would come on top of the engine's, and
// differ from one text to the next.
//
// 約物の詰め needs no rule of its own: BIZ UDPゴシック, the one font of
// every output, is proportional, and its brackets （）「」［］ are half an
// em wide and 、。 0.6 em, so 」「 or ）［ already come out one em wide,
// without the double half-em gap of a full-width font.

// isJapanese reports whether r is a Japanese letter: a kanji (with 々 and
// 〆), a hiragana or a katakana, with the prolonged sound mark ー (but not
// the middle dot ・, which is punctuation).
func isJapanese(r rune) bool {
	switch r {
	case '々', '〆', 'ー', 'ヶ', 'ヵ':
		return true
	case '・', '゠':
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// isLatin reports whether r is a Latin letter or a digit as set in Latin
// type: ASCII letters and digits and the letters of the Latin-1 and Latin
// Extended blocks (full-width letters and digits are Japanese type).
func isLatin(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		return true
	case r < 0xC0 || r > 0x24F:
		return false
	}
	return unicode.IsLetter(r)
}

// isJapanesePunct reports whether r is Japanese (full-width) punctuation:
// brackets, 、。, ・, ！？ and the other punctuation of the CJK Symbols and
// Punctuation and the Halfwidth and Fullwidth Forms blocks. No space is
// set next to it.
func isJapanesePunct(r rune) bool {
	switch {
	case r == '・' || r == '…' || r == '‥' || r == '―':
		return true
	case 0x3000 < r && r <= 0x303F, 0xFF01 <= r && r <= 0xFF65:
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	return false
}

// autospaced reports whether the engine puts its space between a and b.
func autospaced(a, b rune) bool {
	return isJapanese(a) && isLatin(b) || isLatin(a) && isJapanese(b)
}

// normalize drops the ASCII spaces that the engine's spacing replaces: a
// run of spaces between a Japanese letter and a Latin letter or digit
// (either way round), and a run of spaces next to Japanese punctuation.
// Spaces at the start or end of a line and between two Latin or two
// Japanese words are kept.
func normalize(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != ' ' {
			j := i + 1
			for j < len(s) && s[j] != ' ' {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		drop := i > 0 && j < len(s) && before != '\n' && after != '\n' &&
			(autospaced(before, after) || isJapanesePunct(before) || isJapanesePunct(after))
		if !drop {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}
