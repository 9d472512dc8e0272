package model

import (
	"net/url"
	"regexp"
	"sodan/internal/yamlpos"
	"strings"
	"time"
	"unicode"
)

// date parses a YYYY-MM-DD date. An empty value gives the zero time and
// false (whether it may be empty is the decoder's "required" check).
func (b *builder) date(s yamlpos.Str) (time.Time, bool) {
	v := strings.TrimSpace(s.V)
	if v == "" {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		b.errorf(s.Loc, "日付の形式が正しくありません（「%s」。例: 2025-04-01）", v)
		return time.Time{}, false
	}
	return t, true
}

var (
	phoneShort = regexp.MustCompile(`^1\d\d$`)  // 110, 118, 119, 188, 189
	phoneHash  = regexp.MustCompile(`^#\d{4}$`) // #9110, #7119
	phoneLong  = regexp.MustCompile(`^0\d{1,4}-\d{1,4}-\d{3,4}$`)
	// phoneExact accepts exactly the numbers checkPhone accepts, digit
	// counts included (a test holds the two together); it is the pattern
	// the JSON Schema gives editors.
	phoneExact = regexp.MustCompile(`^(1\d\d|#\d{4}` +
		`|0\d-\d{4}-\d{4}` + // 10 digits: 03-1234-5678
		`|0(?:[0-46]\d|[5789][1-9])-(?:\d{3}-\d{4}|\d{4}-\d{3})` + // 10 digits, not 050/070/080/090
		`|0(?:[0-79]\d{2}|8[1-9]\d|80[1-9])-(?:\d{2}-\d{4}|\d{3}-\d{3})` + // 10 digits, not 0800
		`|0\d{4}-(?:\d-\d{4}|\d{2}-\d{3})` + // 10 digits: 01234-5-6789
		`|0[5789]0-\d{4}-\d{4}|0800-(?:\d{3}-\d{4}|\d{4}-\d{3}))$`) // 11 digits: mobiles, IP phones, 0800
)

// PhoneMessage is the message for a phone number in the wrong form.
const PhoneMessage = "電話番号の形式が正しくありません（例: 03-1234-5678, 0120-123-456, #9110, 188）"

// checkPhone returns "" when n is a well-formed Japanese phone number as
// printed for callers, or the reason it is not.
func checkPhone(n string) string {
	if strings.IndexFunc(n, func(r rune) bool {
		return r >= '０' && r <= '９' || r == '－' || r == '‐' || r == '―' || r == '＃'
	}) >= 0 {
		return PhoneMessage + "。数字・ハイフン・# は半角で書いてください"
	}
	switch {
	case phoneShort.MatchString(n), phoneHash.MatchString(n):
		return ""
	case phoneLong.MatchString(n):
		digits := strings.Count(n, "") - 1 - strings.Count(n, "-")
		switch {
		case strings.HasPrefix(n, "0120-"), strings.HasPrefix(n, "0570-"):
			if digits != 10 {
				return PhoneMessage + "。0120・0570 の番号は全部で10桁です"
			}
		case strings.HasPrefix(n, "0800-"):
			if digits != 11 {
				return PhoneMessage + "。0800 の番号は全部で11桁です"
			}
		case strings.HasPrefix(n, "090-"), strings.HasPrefix(n, "080-"), strings.HasPrefix(n, "070-"), strings.HasPrefix(n, "050-"):
			if digits != 11 {
				return PhoneMessage + "。携帯・IP電話の番号は全部で11桁です"
			}
		default:
			if digits != 10 {
				return PhoneMessage + "。固定電話の番号は市外局番から全部で10桁です"
			}
		}
		return ""
	}
	return PhoneMessage
}

var emailRe = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$`)

// checkEmail returns "" for a plain e-mail address, or the reason it is not.
func checkEmail(e string) string {
	if !emailRe.MatchString(e) {
		return "メールアドレスの形式が正しくありません（例: info@example.jp）。半角で、空白を入れずに書いてください"
	}
	return ""
}

// checkURL returns "" for an absolute http or https URL, or the reason it is
// not one.
func checkURL(s string) string {
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return "URL に空白が入っています"
	}
	u, err := url.Parse(s)
	if err != nil {
		return "URL として読めません（例: https://www.example.jp/）"
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "URL は http:// か https:// で始めてください"
	}
	if u.Host == "" || !strings.Contains(u.Host, ".") {
		return "URL にホスト名がありません（例: https://www.example.jp/）"
	}
	return ""
}

var idRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checkID returns "" for an id of lower-case letters, digits and hyphens.
func checkID(id string) string {
	if !idRe.MatchString(id) {
		return "id は半角の英小文字・数字・ハイフンで書いてください（例: ipa-anshin）"
	}
	return ""
}

// Formats are the forms of text values that the checks above accept, as
// JSON Schema patterns, so an editor can flag a wrong form while typing.
// Each pattern is built from the expressions the checks use.
func Formats() map[string]yamlpos.Format {
	return map[string]yamlpos.Format{
		"id":    {Pattern: idRe.String(), Doc: "半角の英小文字・数字・ハイフン（例: ipa-anshin）"},
		"date":  {Pattern: `^\d{4}-\d{2}-\d{2}$`, Doc: "日付（YYYY-MM-DD、例: 2025-04-01）"},
		"phone": {Pattern: phoneExact.String(), Doc: PhoneMessage},
		"email": {Pattern: emailRe.String(), Doc: "メールアドレス（例: info@example.jp）"},
		"url":   {Pattern: `^https?://[^\s/]+\.[^\s]*$`, Doc: "http:// か https:// で始まる URL"},
		"age":   {Pattern: ageRe.String(), Doc: "期間（365d・8w・18m・2y）"},
		"time":  {Pattern: timeRe.String(), Doc: "時刻（HH:MM、24 時間制、例: 14:00）"},
	}
}

// uniqueID reports an id that is malformed or repeats within one list,
// naming the first use.
func (b *builder) uniqueID(seen map[string]yamlpos.Str, id yamlpos.Str) bool {
	if msg := checkID(id.V); msg != "" {
		b.errorf(id.Loc, "%s", msg)
		return false
	}
	return b.unique(seen, id, "id")
}

// unique reports a value that seen holds already (what names the kind of
// value in the message) and otherwise adds it; it reports whether the
// value was new.
func (b *builder) unique(seen map[string]yamlpos.Str, s yamlpos.Str, what string) bool {
	if first, dup := seen[s.V]; dup {
		b.errorf(s.Loc, "%s「%s」が重複しています（最初は %d 行目）", what, s.V, first.Loc.Line)
		return false
	}
	seen[s.V] = s
	return true
}

// countSet counts the values that are written (not empty), for keys of
// which exactly one must be.
func countSet(vals ...yamlpos.Str) int {
	n := 0
	for _, v := range vals {
		if !v.IsZero() {
			n++
		}
	}
	return n
}
