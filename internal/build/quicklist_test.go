package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"sodan/internal/diag"
	"sodan/internal/layout/spec"
	"sodan/internal/model"
	"sodan/internal/testtool"
	"sodan/internal/yamlpos"
)

// buildQuickList builds only the quick list from the bundled sources and layouts
// into a temporary folder and returns the path of the PDF.
func buildQuickList(t *testing.T) string {
	t.Helper()
	written := buildBundled(t, t.TempDir(), "quicklist").Paths()
	if len(written) != 1 || filepath.Base(written[0]) != "quicklist-20261201.pdf" {
		t.Fatalf("wrote %v, want quicklist-20261201.pdf", written)
	}
	return written[0]
}

// squeeze drops all white space, so that names broken across lines still
// match: pdftotext puts spaces where the text engine spaces Japanese from
// Latin, and breaks lines where a text wraps.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// quickListDesks lists the desks of every situation printed in CHECK1–4.
func quickListDesks(book *model.Book) []*model.Contact {
	var out []*model.Contact
	for _, c := range book.QuickList.Checks {
		for _, s := range c.Situations {
			for _, r := range s.Contacts {
				out = append(out, r.Contact)
			}
		}
	}
	return out
}

// TestQuickListPDF looks at the built quick list the way a person would:
// pdftotext finds every phone number and desk name of the situations,
// qpdf finds the file sound, pdffonts shows embedded Unicode subsets,
// pdfinfo shows at most two A4 pages, and the file is at most 300 KB.
func TestQuickListPDF(t *testing.T) {
	path := buildQuickList(t)
	book := bundledBook(t)

	text := testtool.Run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	flat := squeeze(text)
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		for _, f := range strings.Fields(l) {
			lines[f] = true
		}
	}
	for _, c := range quickListDesks(book) {
		for _, ph := range c.Phones {
			// The number exactly, as a word of its own.
			if !lines[ph.Number.S] {
				t.Errorf("%s: phone %s not found as a word in the text", c.ID, ph.Number.S)
			}
		}
		for _, name := range []model.Text{c.Org, c.Desk} {
			if !name.Empty() && !strings.Contains(flat, squeeze(name.S)) {
				t.Errorf("%s: %q not found in the text", c.ID, name.S)
			}
		}
	}
	for _, e := range book.QuickList.Emergency {
		if !lines[e.Contact.Phones[0].Number.S] {
			t.Errorf("emergency number %s not found", e.Contact.Phones[0].Number.S)
		}
	}

	testtool.Run(t, "qpdf", "--check", path)

	fonts := testtool.Run(t, "pdffonts", path)
	rows := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(rows) < 4 {
		t.Fatalf("pdffonts lists no fonts:\n%s", fonts)
	}
	for _, row := range rows[2:] {
		f := strings.Fields(row)
		// name type... encoding emb sub uni object ID
		if n := len(f); n < 7 || f[n-5] != "yes" || f[n-4] != "yes" || f[n-3] != "yes" {
			t.Errorf("font not an embedded Unicode subset: %s", row)
		}
		if !regexp.MustCompile(`^[A-Z]{6}\+`).MatchString(f[0]) {
			t.Errorf("font name without a subset tag: %s", row)
		}
	}
	t.Logf("pdffonts:\n%s", fonts)

	info := testtool.Run(t, "pdfinfo", path)
	if !strings.Contains(info, "Page size:       595.28 x 841.89 pts (A4)") {
		t.Errorf("not A4:\n%s", info)
	}
	pages := testtool.PDFPages(t, info)
	if pages < 1 || pages > 2 {
		t.Errorf("%d pages, want at most 2 (one duplex sheet)", pages)
	}
	for _, want := range []string{"Title:           相談・届出先クイックリスト", "Author:          中小企業サイバーセキュリティ相談プログラム", "Keywords:", "Subject:"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	// The outline: every CHECK and every situation, with pages.
	var outline struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
			Kids  []struct {
				Title string `json:"title"`
				Page  int    `json:"destpageposfrom1"`
			} `json:"kids"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(testtool.Run(t, "qpdf", "--json", "--json-key=outlines", path)), &outline); err != nil {
		t.Fatal(err)
	}
	marks := map[string]int{}
	for _, o := range outline.Outlines {
		marks[o.Title] = o.Page
		for _, k := range o.Kids {
			marks[k.Title] = k.Page
		}
	}
	for i, c := range book.QuickList.Checks {
		if marks[fmt.Sprintf("CHECK%d %s", i+1, c.Title.S)] == 0 {
			t.Errorf("no bookmark for CHECK%d", i+1)
		}
		for _, s := range c.Situations {
			if marks[s.Title.S] == 0 {
				t.Errorf("no bookmark for %s", s.Title.S)
			}
		}
	}
	raw := mustRead(t, path)
	if !bytes.Contains(raw, []byte("/Lang (ja-JP)")) {
		t.Error("no /Lang (ja-JP) in the catalog")
	}

	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Size() > 300*1024 {
		t.Errorf("%d bytes, want at most 300 KB", st.Size())
	}
	t.Logf("%s: %d pages, %d bytes", filepath.Base(path), pages, st.Size())
}

// TestQuickListSameBytes builds the quick list twice.
func TestQuickListSameBytes(t *testing.T) {
	a := mustRead(t, buildQuickList(t))
	b := mustRead(t, buildQuickList(t))
	if !bytes.Equal(a, b) {
		t.Error("two builds of the quick list differ")
	}
}

// TestQuickListQRCodes renders every page at 300 dpi and reads the QR codes
// back: they are exactly the links of the web-only desks, each once.
func TestQuickListQRCodes(t *testing.T) {
	testtool.Need(t, "pdftoppm")
	testtool.Need(t, "zbarimg")
	path := buildQuickList(t)
	book := bundledBook(t)
	want := map[string]bool{}
	desks := quickListDesks(book)
	for _, g := range book.Resources.Groups {
		for _, r := range g.Contacts {
			desks = append(desks, r.Contact)
		}
	}
	for _, c := range desks {
		if c.WebOnly() {
			want[c.Link()] = true
		}
	}
	prefix := filepath.Join(t.TempDir(), "page")
	testtool.Run(t, "pdftoppm", "-r", "300", "-png", path, prefix)
	pages, _ := filepath.Glob(prefix + "*.png")
	if len(pages) == 0 {
		t.Fatal("pdftoppm wrote no pages")
	}
	sort.Strings(pages)
	got := map[string]int{}
	for _, p := range pages {
		// zbarimg exits 4 when a page has no code, so it is run here
		// rather than with testtool.Run.
		outb, err := exec.Command(testtool.Need(t, "zbarimg"), "--raw", "-q", p).Output()
		var exit *exec.ExitError
		if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 4) {
			t.Fatalf("zbarimg %s: %v", p, err)
		}
		out := string(outb)
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l != "" {
				got[l]++
			}
		}
	}
	for u := range want {
		if got[u] != 1 {
			t.Errorf("%s read %d times, want once", u, got[u])
		}
	}
	for u := range got {
		if !want[u] {
			t.Errorf("read %q, which is not the link of a web-only desk", u)
		}
	}
	t.Logf("%d QR codes read back", len(got))
}

// editFile replaces old by new in the file once and returns the position
// (line:col, col in characters) where new starts.
func editFile(t *testing.T, path, old, new string) (line, col int) {
	t.Helper()
	b := mustRead(t, path)
	s := string(b)
	i := strings.Index(s, old)
	if i < 0 {
		t.Fatalf("%s has no %q; update this test", path, old)
	}
	if err := os.WriteFile(path, []byte(s[:i]+new+s[i+len(old):]), 0o644); err != nil {
		t.Fatal(err)
	}
	line = strings.Count(s[:i], "\n") + 1
	col = utf8.RuneCountInString(s[strings.LastIndex(s[:i], "\n")+1:i]) + 1
	return line, col
}

// brokenCopy copies the bundled sources and layouts into a temporary
// folder, with an earlier output in out/ that a failed build must leave
// alone.
func brokenCopy(t *testing.T) (dir, out string) {
	dir = t.TempDir()
	copyTree(t, "../../sources", filepath.Join(dir, "sources"))
	copyTree(t, "../../layouts", filepath.Join(dir, "layouts"))
	out = filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "quicklist-20261201.pdf"), []byte("earlier output"), 0o644)
	return dir, out
}

// runBroken builds the quick list from dir and checks that it fails with a
// diag.List and leaves out/ as it was; it returns the problems as printed.
func runBroken(t *testing.T, dir, out string) string {
	t.Helper()
	src := filepath.Join(dir, "sources")
	_, err := Run(Options{Sources: src, Layouts: filepath.Join(dir, "layouts"), Out: out, Only: map[string]bool{"quicklist": true}})
	var errs diag.List
	if !errors.As(err, &errs) {
		t.Fatalf("want a diag.List, got %v", err)
	}
	entries, _ := os.ReadDir(out)
	b, _ := os.ReadFile(filepath.Join(out, "quicklist-20261201.pdf"))
	if len(entries) != 1 || string(b) != "earlier output" {
		t.Errorf("a failed build changed %s (%d entries)", out, len(entries))
	}
	return strings.ReplaceAll(errs.Error(), dir+string(filepath.Separator), "")
}

// TestQuickListGlyphErrorsInFiles puts an emoji and a character outside the
// Basic Multilingual Plane into a copy of the sources: the build fails with
// both problems at their file:line:col, naming the field, the character and
// its code point, and writes nothing.
func TestQuickListGlyphErrorsInFiles(t *testing.T) {
	dir, out := brokenCopy(t)
	src := filepath.Join(dir, "sources")
	l1, c1 := editFile(t, filepath.Join(src, "quicklist.yaml"), "title: セキュリティ侵害が起きている", "title: セキュリティ侵害が😀起きている")
	l2, c2 := editFile(t, filepath.Join(src, "contacts.yaml"), "desk: 迷惑メール相談センター", "desk: 迷惑メール𠮷相談センター")
	got := runBroken(t, dir, out)
	for _, want := range []string{
		fmt.Sprintf("sources/quicklist.yaml:%d:%d: situations[3].title: 「😀」（U+1F600、10 文字目）", l1, c1+len("title: ")),
		fmt.Sprintf("sources/contacts.yaml:%d:%d: contacts[22].desk: 「𠮷」（U+20BB7、6 文字目）", l2, c2+len("desk: ")),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// TestQuickListTooLongInFiles gives a desk a purpose that cannot fit even at
// the smallest size: the build fails naming the source line.
func TestQuickListTooLongInFiles(t *testing.T) {
	dir, out := brokenCopy(t)
	long := strings.Repeat("個人データの漏えい等が起きたときの報告と相談。", 20)
	line, col := editFile(t, filepath.Join(dir, "sources", "contacts.yaml"),
		"purpose: 漏えい等の報告（要件に当たれば義務）は下のフォームから", "purpose: "+long)
	got := runBroken(t, dir, out)
	want := fmt.Sprintf("sources/contacts.yaml:%d:%d: contacts[30].purpose: 「個人データの漏えい等が起きたときの報告と相談…」が枠に収まりません", line, col+len("purpose: "))
	if !strings.Contains(got, want) {
		t.Errorf("missing %q in:\n%s", want, got)
	}
}

// TestQuickListWarnsOverMaxPages lowers max_pages: the quick list is still
// written, with a warning naming the layout file.
func TestQuickListWarnsOverMaxPages(t *testing.T) {
	dir, out := brokenCopy(t)
	editFile(t, filepath.Join(dir, "layouts", spec.QuickListFile), "max_pages: 2", "max_pages: 1")
	var warn bytes.Buffer
	_, err := Run(Options{Sources: "../../sources", Layouts: filepath.Join(dir, "layouts"), Out: out, Warn: &warn, Only: map[string]bool{"quicklist": true}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(warn.String(), "quicklist-a4.yaml: クイックリストが 2 ページになりました（max_pages は 1 ページ）") {
		t.Errorf("warning: %q", warn.String())
	}
	if b, _ := os.ReadFile(filepath.Join(out, "quicklist-20261201.pdf")); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("no PDF written")
	}

	// A seminar's copy warns the same way, naming the seminar and what to
	// shorten in its own layout.
	warn.Reset()
	res, err := Run(Options{Sources: "../../sources", Layouts: filepath.Join(dir, "layouts"), Out: out, Warn: &warn, Event: "shinagawa-feb"})
	if err != nil {
		t.Fatal(err)
	}
	want := "quicklist-a4.yaml: セミナー shinagawa-feb のクイックリストが 2 ページになりました（max_pages は 1 ページ）。両面 1 枚に収めるには、主催や問い合わせ先の名前を短くするか、" + spec.EventFile + " の quicklist の文字を小さくしてください\n"
	if !strings.Contains(warn.String(), want) || strings.Count(warn.String(), "max_pages") != 1 {
		t.Errorf("warning: %q, want once %q", warn.String(), want)
	}
	found := false
	for _, o := range res.Outputs {
		found = found || strings.HasSuffix(o.Name, "/quicklist-20261201.pdf")
	}
	if !found {
		t.Errorf("the seminar's quick list was not written: %v", res.Paths())
	}
}

// BenchmarkQuickList is the whole quick list: read the layout, lay out, write
// the PDF. The fonts are loaded once, as in a build.
func BenchmarkQuickList(b *testing.B) {
	book := bundledBook(b)
	ctx := &Context{Book: book, Layouts: os.DirFS("../../layouts"), LayoutsDir: "layouts", Date: book.Edition.Date, Warn: &bytes.Buffer{}}
	if _, err := ctx.Fonts(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := makeInMemory(ctx, quickListJobs); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHugeValueFailsFast gives a desk a purpose of nearly the most
// characters a value may have (longer ones are refused by check) and a
// slide a bullet of as many: the build stops with both problems at their
// source lines. (The text is broken at the largest and the smallest sizes
// only, not at every size between.)
func TestHugeValueFailsFast(t *testing.T) {
	dir, out := brokenCopy(t)
	huge := strings.Repeat("個人データの漏えい等が起きたときの報告と相談。", yamlpos.MaxText/23)
	line, col := editFile(t, filepath.Join(dir, "sources", "contacts.yaml"),
		"purpose: 漏えい等の報告（要件に当たれば義務）は下のフォームから", "purpose: "+huge)
	bl, bc := editFile(t, filepath.Join(dir, "sources", "measures.yaml"), "text: 感染を防ぎ、早く気づく", "text: "+huge)
	_, err := Run(Options{Sources: filepath.Join(dir, "sources"), Layouts: filepath.Join(dir, "layouts"), Out: out})
	var errs diag.List
	if !errors.As(err, &errs) {
		t.Fatalf("want a diag.List, got %v", err)
	}
	got := strings.ReplaceAll(errs.Error(), dir+string(filepath.Separator), "")
	for _, want := range []string{
		fmt.Sprintf("sources/contacts.yaml:%d:%d: contacts[30].purpose: 「個人データの漏えい等が起きたときの報告と相談…」が枠に収まりません", line, col+len("purpose: ")),
		fmt.Sprintf("sources/measures.yaml:%d:%d: ", bl, bc+len("text: ")),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}
