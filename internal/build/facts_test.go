package build

import (
	"bytes"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"sodan/internal/layout"
	"sodan/internal/model"
	"sodan/internal/testtool"
)

// A checkedFact is what the re-check of the contacts (2026-12-01) changed
// for one desk, and what it replaced.
type checkedFact struct {
	contact string
	names   []string // printed in every PDF that quotes the desk
	phones  []string // likewise, compared by their digits
	links   []string // links of the quick list, printed there as short URLs
	gone    []string // in no PDF: phone numbers (by their digits), URLs (as text or link) or names
}

var checkedFacts = []checkedFact{
	{contact: "mhlw-telework",
		names:  []string{"テレワーク相談センター", "sodan@japan-telework.or.jp"},
		phones: []string{"0120-861-009"},
		gone:   []string{"0120-91-6479", "https://www.tw-sodan.jp/"}},
	{contact: "narisumashi-ec",
		links: []string{"https://www.saferinternet.or.jp/e-commerce/narisumashi/"},
		gone:  []string{"https://www.saferinternet.or.jp/narisumashi/"}},
	{contact: "jpcert-incident",
		names:  []string{"インシデント「対応依頼」"},
		phones: []string{"03-6271-8901"},
		links:  []string{"https://www.jpcert.or.jp/form/"},
		gone:   []string{"インシデント報告窓口", "03-6811-0610"}},
	{contact: "jpcert-consult",
		names: []string{"相談・情報提供"},
		links: []string{"https://www.jpcert.or.jp/ir/consult.html"}},
	{contact: "ppc",
		names:  []string{"個人情報保護法相談ダイヤル"},
		phones: []string{"03-6457-9849"},
		links:  []string{"https://www.ppc.go.jp/personalinfo/legal/leakAction/"},
		gone:   []string{"漏えい等の報告・相談"}},
	{contact: "keishicho-phishing",
		names: []string{"フィッシング110番"}},
	{contact: "ipa-otasuketai",
		links: []string{"https://www.ipa.go.jp/security/sme/otasuketai/otasuketai-faq.html"},
		gone:  []string{"https://www.ipa.go.jp/security/otasuketai-pr/"}},
}

// digits keeps only the digits of s.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

var (
	phoneLike = regexp.MustCompile(`^[0-9]+(-[0-9]+)+$`)
	// numberRun is a run of digits that may be grouped by hyphens or
	// spaces, or broken across lines, as pdftotext gives it.
	numberRun = regexp.MustCompile(`[0-9][0-9\-‐－ \n]*[0-9]`)
)

// showsNumber reports whether text prints the phone number n, however its
// digits are grouped.
func showsNumber(text, n string) bool {
	for _, run := range numberRun.FindAllString(text, -1) {
		if strings.Contains(digits(run), digits(n)) {
			return true
		}
	}
	return false
}

// quickListQuotes lists the contacts the quick list prints: the emergency
// strip, the CHECK items and situations, and the prevention resources.
func quickListQuotes(book *model.Book) map[*model.Contact]bool {
	q := map[*model.Contact]bool{}
	for _, e := range book.QuickList.Emergency {
		q[e.Contact] = true
	}
	for _, c := range book.QuickList.Checks {
		for _, it := range c.Items {
			if it.Contact != nil {
				q[it.Contact] = true
			}
		}
		for _, s := range c.Situations {
			for _, r := range s.Contacts {
				q[r.Contact] = true
			}
		}
	}
	for _, g := range book.Resources.Groups {
		for _, r := range g.Contacts {
			q[r.Contact] = true
		}
	}
	return q
}

// TestCheckedFactsReachOutputs builds the quick list and every deck from the
// bundled sources and reads them with pdftotext: each fact changed by the
// re-check is printed wherever its desk appears, and the values it
// replaced are printed nowhere (numbers are compared by their digits).
func TestCheckedFactsReachOutputs(t *testing.T) {
	testtool.Need(t, "pdftotext")
	out := t.TempDir()
	buildBundled(t, out, "quicklist", "slides")
	book := bundledBook(t)

	// The PDFs that show desks, each with the contacts it quotes; the
	// handouts and notes of a deck count as the deck.
	quotes := map[string]map[*model.Contact]bool{}
	handouts, _ := filepath.Glob(filepath.Join(out, "quicklist-*.pdf"))
	if len(handouts) != 1 {
		t.Fatalf("quick lists written: %v", handouts)
	}
	quotes[handouts[0]] = quickListQuotes(book)
	for i := range book.Decks {
		d := &book.Decks[i]
		q := map[*model.Contact]bool{}
		for _, c := range slidesContacts(d) {
			q[c] = true
		}
		quotes[filepath.Join(out, SlidesDir, d.ID+".pdf")] = q
	}
	all, _ := filepath.Glob(filepath.Join(out, SlidesDir, "*.pdf"))
	all = append(all, handouts...)
	sort.Strings(all)

	raw, text, pdf := map[string]string{}, map[string]string{}, map[string][]byte{}
	for _, p := range all {
		raw[p] = slidesPDFText(t, p)
		text[p] = squeeze(raw[p])
		b := mustRead(t, p)
		pdf[p] = b
	}
	quick := handouts[0]
	for _, f := range checkedFacts {
		c := book.Contact(f.contact)
		if c == nil {
			t.Errorf("no contact %q in the sources", f.contact)
			continue
		}
		if !quotes[quick][c] {
			t.Errorf("%s is not on the quick list", f.contact)
		}
		for p, q := range quotes {
			if !q[c] {
				continue
			}
			for _, n := range f.names {
				if !strings.Contains(text[p], n) {
					t.Errorf("%s quotes %s but does not show %q", filepath.Base(p), f.contact, n)
				}
			}
			for _, n := range f.phones {
				if !showsNumber(raw[p], n) {
					t.Errorf("%s quotes %s but does not show %s", filepath.Base(p), f.contact, n)
				}
			}
		}
		for _, u := range f.links {
			if !bytes.Contains(pdf[quick], []byte("/URI ("+u+")")) {
				t.Errorf("the quick list has no link to %s (%s)", u, f.contact)
			}
			// pdftotext drops a hyphen that ends a line, so compare without them.
			short := strings.ReplaceAll(layout.ShortURL(u), "-", "")
			if !strings.Contains(strings.ReplaceAll(text[quick], "-", ""), short) {
				t.Errorf("the quick list does not print %s (%s)", layout.ShortURL(u), f.contact)
			}
		}
		for _, g := range f.gone {
			for _, p := range all {
				var still bool
				switch {
				case phoneLike.MatchString(g):
					still = showsNumber(raw[p], g)
				case strings.HasPrefix(g, "https://"):
					still = bytes.Contains(pdf[p], []byte("/URI ("+g+")")) || strings.Contains(text[p], layout.ShortURL(g))
				default:
					still = strings.Contains(text[p], g)
				}
				if still {
					t.Errorf("%s still shows %q (replaced for %s)", filepath.Base(p), g, f.contact)
				}
			}
		}
	}
}

// uncertainAfterRecheck are the desks whose values no stored page
// confirmed in the re-check of 2026-12-01; they must say so.
var uncertainAfterRecheck = []string{
	"ipa-jcrat",           // phone and e-mail
	"ipa-security-action", // phone
	"tokyo-cyber-desk",    // phone
	"dekyo",               // phone and hours
	"tca",                 // phone
	"tokyo-telework",      // phone, and whether the centre still exists
}

// TestContactsCarrySource checks the registry as the model holds it: every
// desk names the page its facts come from and the date they held, no date
// is later than the edition, and the desks the re-check could not confirm
// are marked uncertain with a reason.
func TestContactsCarrySource(t *testing.T) {
	book := bundledBook(t)
	if len(book.Contacts) == 0 {
		t.Fatal("no contacts")
	}
	for _, c := range book.Contacts {
		if strings.TrimSpace(c.Source.S) == "" {
			t.Errorf("%s: no source", c.ID)
		}
		if c.VerifiedOn.IsZero() {
			t.Errorf("%s: no verified_on", c.ID)
		} else if c.VerifiedOn.After(book.Edition.Date) {
			t.Errorf("%s: verified_on %s is after the edition date %s", c.ID,
				c.VerifiedOn.Format("2006-01-02"), book.Edition.Date.Format("2006-01-02"))
		}
	}
	for _, id := range uncertainAfterRecheck {
		c := book.Contact(id)
		switch {
		case c == nil:
			t.Errorf("no contact %q in the sources", id)
		case strings.TrimSpace(c.Uncertain.S) == "":
			t.Errorf("%s: not marked uncertain, though the re-check did not confirm it", id)
		}
	}
	// The seed's old number is recorded as corrected, not dropped silently.
	found := false
	for _, k := range book.Corrections {
		found = found || k.Value.S == "0120-91-6479" && k.Contact != nil && k.Contact.ID == "mhlw-telework" && !k.Reason.Empty()
	}
	if !found {
		t.Error("0120-91-6479 is not recorded under corrections for mhlw-telework")
	}
}
