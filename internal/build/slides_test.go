package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"sodan/internal/diag"
	"sodan/internal/model"
	"sodan/internal/testtool"
)

// slidesBuild builds the slides of the bundled sources and returns the
// output folder.
func slidesBuild(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	buildBundled(t, dir, "slides")
	return dir
}

func slidesBook(t *testing.T, dir string) *model.Book {
	t.Helper()
	book, errs := Check(os.DirFS(dir), dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return book
}

// slidesContacts lists the contacts a deck quotes, in order of first use.
func slidesContacts(d *model.Deck) []*model.Contact {
	var out []*model.Contact
	seen := map[*model.Contact]bool{}
	add := func(c *model.Contact) {
		if c != nil && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	var items func([]model.Item)
	items = func(its []model.Item) {
		for _, it := range its {
			add(it.Contact)
			items(it.Children)
		}
	}
	var flow func(n *model.FlowNode)
	flow = func(n *model.FlowNode) {
		for _, a := range n.Answers {
			add(a.Contact)
			if a.Next != nil {
				flow(a.Next)
			}
		}
	}
	for _, s := range d.Slides {
		items(s.Items)
		for _, p := range s.Panes {
			items(p.Items)
		}
		for _, sit := range s.Situations {
			for _, r := range sit.Contacts {
				add(r.Contact)
			}
		}
		for _, r := range s.Contacts {
			add(r.Contact)
		}
		if s.Node != nil {
			flow(s.Node)
		}
	}
	return out
}

func slidesPDFText(t *testing.T, path string) string {
	t.Helper()
	return testtool.Run(t, "pdftotext", "-enc", "UTF-8", path, "-")
}

var slidesPageSize = regexp.MustCompile(`(?m)^Page size:\s+(.*)$`)

// TestSlidesPDF checks the bundled decks as a reader sees them: 16:9 pages,
// A4 portrait handouts and notes, embedded fonts, the seed's headings and
// every phone number of every desk a deck quotes.
func TestSlidesPDF(t *testing.T) {
	testtool.Need(t, "pdfinfo")
	testtool.Need(t, "pdftotext")
	testtool.Need(t, "pdffonts")
	testtool.Need(t, "qpdf")
	out := filepath.Join(slidesBuild(t), SlidesDir)
	book := slidesBook(t, "../../sources")
	var all strings.Builder
	for i := range book.Decks {
		d := &book.Decks[i]
		main := filepath.Join(out, d.ID+".pdf")
		info := testtool.Run(t, "pdfinfo", main)
		if m := slidesPageSize.FindStringSubmatch(info); m == nil || !strings.HasPrefix(m[1], "960 x 540 pts") {
			t.Errorf("%s: page size %q, want 960 x 540 pts (16:9)", d.ID, m)
		}
		if !strings.Contains(info, "Title:           "+d.Title.S) || !strings.Contains(info, "Author:          "+book.Edition.Publisher.S) {
			t.Errorf("%s: metadata missing:\n%s", d.ID, info)
		}
		for _, f := range []string{"-3up", "-6up", "-notes"} {
			info := testtool.Run(t, "pdfinfo", filepath.Join(out, d.ID+f+".pdf"))
			if m := slidesPageSize.FindStringSubmatch(info); m == nil || !strings.HasPrefix(m[1], "595.28 x 841.89 pts (A4)") {
				t.Errorf("%s%s: page size %q, want A4 portrait", d.ID, f, m)
			}
		}
		fonts := testtool.Run(t, "pdffonts", main)
		for _, l := range strings.Split(strings.TrimSpace(fonts), "\n")[2:] {
			if !strings.Contains(l, "CID TrueType") || !strings.Contains(l, " yes ") {
				t.Errorf("%s: font not embedded: %s", d.ID, l)
			}
		}
		if n := slidesOutlines(t, main); n != testtool.PDFPages(t, info) {
			t.Errorf("%s: %d bookmarks for %d pages", d.ID, n, testtool.PDFPages(t, info))
		}
		if b, _ := os.ReadFile(main); !bytes.Contains(b, []byte("/URI (http")) {
			t.Errorf("%s: no web link", d.ID)
		}
		text := squeeze(slidesPDFText(t, main))
		all.WriteString(text)
		for _, c := range slidesContacts(d) {
			for _, p := range c.Phones {
				if !strings.Contains(text, p.Number.S) {
					t.Errorf("%s: phone %s of %s is not in the text", d.ID, p.Number.S, c.ID)
				}
			}
		}
	}
	for _, h := range []string{"事前対応策", "事後対応策", "恒久的対策", "STEP1", "STEP2", "STEP3", "STEP4", "FIDO", "相談対応フロー", "JPCERT/CC", "リスク値＝重要度×被害発生可能性"} {
		if !strings.Contains(all.String(), h) {
			t.Errorf("no deck contains %q", h)
		}
	}
}

// slidesOutlines counts the bookmarks of a PDF, at every level (qpdf).
func slidesOutlines(t *testing.T, path string) int {
	t.Helper()
	var doc struct {
		Outlines []slidesOutline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(testtool.Run(t, "qpdf", "--json", "--json-key=outlines", path)), &doc); err != nil {
		t.Fatal(err)
	}
	var count func([]slidesOutline) int
	count = func(os []slidesOutline) int {
		n := 0
		for _, o := range os {
			if o.Title == "" {
				t.Errorf("%s: bookmark without a title", path)
			}
			n += 1 + count(o.Kids)
		}
		return n
	}
	return count(doc.Outlines)
}

type slidesOutline struct {
	Title string          `json:"title"`
	Kids  []slidesOutline `json:"kids"`
}

// copySources copies the sources folder to dir.
func slidesCopySources(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir("../../sources", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("../../sources", p)
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestPhoneChangedOnce changes one desk's number in contacts.yaml only and
// builds everything: every deck quoting the desk, its handouts and notes,
// and the quick list show the new number, and no output shows the
// old one.
func TestPhoneChangedOnce(t *testing.T) {
	testtool.Need(t, "pdftotext")
	const old, repl = "03-6271-8901", "03-6271-8999"
	src := t.TempDir()
	slidesCopySources(t, src)
	path := filepath.Join(src, "contacts.yaml")
	b, _ := os.ReadFile(path)
	line := `phones: ["` + old + `"]`
	if !bytes.Contains(b, []byte(line)) {
		t.Fatalf("contacts.yaml has no %s", line)
	}
	os.WriteFile(path, bytes.Replace(b, []byte(line), []byte(`phones: ["`+repl+`"]`), 1), 0o644)
	out := t.TempDir()
	if _, err := Run(Options{Sources: src, Layouts: "../../layouts", Out: out}); err != nil {
		t.Fatal(err)
	}
	book := slidesBook(t, src)
	quoting := map[string]bool{}
	for i := range book.Decks {
		for _, c := range slidesContacts(&book.Decks[i]) {
			if c.ID == "jpcert-incident" {
				quoting[book.Decks[i].ID] = true
			}
		}
	}
	if len(quoting) < 3 {
		t.Fatalf("only %d decks quote jpcert-incident", len(quoting))
	}
	pdfs, _ := filepath.Glob(filepath.Join(out, SlidesDir, "*.pdf"))
	ql, _ := filepath.Glob(filepath.Join(out, "quicklist-*.pdf"))
	if len(ql) != 1 {
		t.Fatalf("quick lists written: %v", ql)
	}
	pdfs = append(pdfs, ql...)
	for _, p := range pdfs {
		text := squeeze(slidesPDFText(t, p))
		name := filepath.Base(p)
		if strings.Contains(text, old) {
			t.Errorf("%s still shows the old number %s", name, old)
		}
		deck := strings.TrimSuffix(name, ".pdf")
		for _, s := range []string{"-3up", "-6up", "-notes"} {
			deck = strings.TrimSuffix(deck, s)
		}
		if quoting[deck] || filepath.Dir(p) == out {
			if !strings.Contains(text, repl) {
				t.Errorf("%s does not show the new number %s", name, repl)
			}
		}
	}
}

// TestOverlongBulletFails: a bullet too long for its slide stops the build
// with the fitting error at the bullet's position, naming the deck and the
// slide.
func TestOverlongBulletFails(t *testing.T) {
	src := t.TempDir()
	slidesCopySources(t, src)
	deck := "id: long\ntitle: 長い箇条書き\nslides:\n  - kind: bullets\n    title: 長すぎる\n    items:\n      - " +
		strings.Repeat("説明の文がとても長く続いて、スライドには到底収まりません。", 80) + "\n"
	os.WriteFile(filepath.Join(src, "decks", "long.yaml"), []byte(deck), 0o644)
	_, err := Run(Options{Sources: src, Layouts: "../../layouts", Out: t.TempDir(), Only: map[string]bool{"slides": true}})
	var errs diag.List
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want a diag.List", err)
	}
	want := filepath.Join(src, "decks", "long.yaml") + ":7:9: slides[0].items[0].text: スライド " + filepath.Join(src, "decks", "long.yaml") + " の 1 枚目（bullets）: 箇条書きがスライドに収まりません"
	found := false
	for _, d := range errs.Sorted() {
		found = found || strings.HasPrefix(d.String(), want)
	}
	if !found {
		t.Errorf("want a message starting\n%s\ngot:\n%v", want, errs)
	}
}

// TestSlidesSameBytes renders the slides twice and compares every file.
func TestSlidesSameBytes(t *testing.T) {
	var outs [2]map[string][]byte
	for i := range outs {
		dir := t.TempDir()
		buildBundled(t, dir, "slides")
		outs[i] = listFiles(t, dir)
	}
	var names []string
	for n := range outs[0] {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) != 17 || names[0] != manifestFile {
		t.Errorf("%d files, want sodan's record and 16 outputs (4 decks × slides, 3-up, 6-up, notes): %v", len(names), names)
	}
	for _, n := range names {
		if !bytes.Equal(outs[0][n], outs[1][n]) {
			t.Errorf("%s differs between two builds", n)
		}
	}
}

// BenchmarkSlidesTarget renders every bundled deck, its handouts and notes
// to PDF bytes (layout and rendering, no disk writes).
func BenchmarkSlidesTarget(b *testing.B) {
	book, errs := Check(os.DirFS("../../sources"), "../../sources")
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	ctx := &Context{Book: book, Layouts: os.DirFS("../../layouts"), LayoutsDir: "layouts", Date: book.Edition.Date}
	if _, err := ctx.Fonts(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		outs, err := makeInMemory(ctx, slidesJobs)
		if err != nil || len(outs) == 0 {
			b.Fatal(err)
		}
	}
}
