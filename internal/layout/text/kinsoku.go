package text

import "strings"

// LineStartForbidden reports whether r may not begin a line (JIS X 4051
// 行頭禁則): closing brackets and quotes, hyphens and wave dashes, ？！,
// middle dots, colons and semicolons, full stops and commas, iteration
// marks, the prolonged sound mark ー, small kana, their half-width forms,
// and the ASCII closing punctuation ) ] } , . : ; ! ?.
func LineStartForbidden(r rune) bool {
	switch r {
	case
		// closing brackets and quotes (cl-02)
		'）', '」', '』', '】', '〕', '〉', '》', '］', '｝', '〙', '〗', '｠',
		'’', '”', '〟', '»', '｣',
		// hyphens (cl-03)
		'‐', '–', '〜', '～', '゠',
		// dividing punctuation (cl-04)
		'？', '！', '‼', '⁇', '⁈', '⁉',
		// middle dots (cl-05)
		'・', '：', '；', '･',
		// full stops (cl-06) and commas (cl-07)
		'。', '．', '｡', '、', '，', '､',
		// iteration marks (cl-09) and the prolonged sound mark (cl-10)
		'々', '〻', 'ゝ', 'ゞ', 'ヽ', 'ヾ', 'ー', 'ｰ',
		// small kana (cl-11)
		'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'っ', 'ゃ', 'ゅ', 'ょ', 'ゎ', 'ゕ', 'ゖ',
		'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ', 'ヵ', 'ヶ',
		// ASCII closing punctuation
		')', ']', '}', ',', '.', ':', ';', '!', '?':
		return true
	}
	return 'ㇰ' <= r && r <= 'ㇿ' || // small katakana extension
		'ｧ' <= r && r <= 'ｯ' // half-width small katakana
}

// LineEndForbidden reports whether r may not end a line (行末禁則): opening
// brackets and quotes (JIS X 4051 cl-01), their half-width form, and the
// ASCII ( [ {.
func LineEndForbidden(r rune) bool {
	switch r {
	case '（', '「', '『', '【', '〔', '〈', '《', '［', '｛', '〘', '〖', '｟',
		'‘', '“', '〝', '«', '｢',
		'(', '[', '{':
		return true
	}
	return false
}

// schemeLen returns the length of an "http://" or "https://" prefix of s
// (in any letter case), or 0.
func schemeLen(s string) int {
	for _, scheme := range [...]string{"http://", "https://"} {
		if len(s) >= len(scheme) && strings.EqualFold(s[:len(scheme)], scheme) {
			return len(scheme)
		}
	}
	return 0
}

// isURLByte reports whether c may appear in a URL (RFC 3986 unreserved,
// reserved and %).
func isURLByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0
}

// isLocalByte reports whether c may appear in the local part of an e-mail
// address as written in ordinary text.
func isLocalByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("._%+-", c) >= 0
}

// isDomainByte reports whether c may appear in an e-mail domain.
func isDomainByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '.' || c == '-'
}

// isDigit reports whether r is an ASCII or full-width decimal digit.
func isDigit(r rune) bool {
	return '0' <= r && r <= '9' || '０' <= r && r <= '９'
}

// isHyphen reports whether r joins the digits of a phone number or a range.
func isHyphen(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '−', '－', 'ー':
		return true
	}
	return false
}
