package layout

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// ShortURL is a web address as printed: without the scheme and without a
// trailing slash (https://www.jc3.or.jp/ → www.jc3.or.jp). Every output
// prints addresses this way.
func ShortURL(u string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(strings.ToLower(u), scheme) {
			u = u[len(scheme):]
			break
		}
	}
	return strings.TrimSuffix(u, "/")
}

// LinkURL is a web address as a link or a QR code carries it: parsed and
// re-encoded with net/url, so that non-ASCII characters are
// percent-encoded, and any byte that is still not printable ASCII escaped.
// A link over a printed address and the QR code beside it both carry
// LinkURL of the same address.
func LinkURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		s = u.String()
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7F {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// MailURL is the link of an e-mail address.
func MailURL(addr string) string { return LinkURL("mailto:" + addr) }

// DateLabel is a date as printed in sentences: 2026年11月25日.
func DateLabel(d time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
}

// MonthLabel is a month as printed: 2021年2月.
func MonthLabel(d time.Time) string { return fmt.Sprintf("%d年%d月", d.Year(), int(d.Month())) }

// UncertainLabel is what is printed beside a desk whose facts could not
// all be confirmed: the month it was last verified, and a warning to
// check it (2021年2月確認・要確認).
func UncertainLabel(verified time.Time) string { return MonthLabel(verified) + "確認・要確認" }

// EditionLabel is the edition date as printed: 2026年11月25日版.
func EditionLabel(d time.Time) string { return DateLabel(d) + "版" }

// Continued is the mark added to a heading repeated where its content goes
// on: at the top of the next column, on the next slide, in the second
// column of a list.
const Continued = "（続き）"
