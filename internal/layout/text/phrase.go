package text

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// twoLines splits s into two lines no wider than width at the best phrase
// boundary nearest the middle: first after a comma, middle dot, colon,
// closing bracket or space; otherwise where kana meet kanji (まずは｜自社の,
// サービス｜基準), which keeps words such as サービス whole. It returns nil
// when there is no such place.
func twoLines(s string, width float64, w func(string) float64) []string {
	class := func(r rune) int {
		switch {
		case unicode.Is(unicode.Han, r):
			return 1
		case unicode.Is(unicode.Hiragana, r):
			return 2
		case unicode.Is(unicode.Katakana, r) || r == 'ー':
			return 3
		}
		return 0
	}
	var best []string
	bestRank, bestD := 3, math.Inf(1)
	var prev rune
	for i, r := range s {
		if i > 0 {
			rank := 3
			switch {
			case strings.ContainsRune("、，・：；）」』 　", prev):
				rank = 1
			case class(r) == 1 && (class(prev) == 2 || class(prev) == 3), class(prev) == 1 && class(r) == 3:
				rank = 2
			}
			head, tail := strings.TrimRight(s[:i], " "), strings.TrimLeft(s[i:], " ")
			if rank < 3 && rank <= bestRank && head != "" && tail != "" {
				first, _ := utf8.DecodeRuneInString(tail)
				last, _ := utf8.DecodeLastRuneInString(head)
				if !LineStartForbidden(first) && !LineEndForbidden(last) && w(head) <= width && w(tail) <= width {
					if d := math.Abs(w(head) - w(tail)); rank < bestRank || d < bestD {
						best, bestRank, bestD = []string{head, tail}, rank, d
					}
				}
			}
		}
		prev = r
	}
	return best
}
