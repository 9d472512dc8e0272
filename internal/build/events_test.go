package build

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"sodan/internal/layout"
	"sodan/internal/testtool"
)

// unusualEvent is a seminar with names a typesetter finds hard: rare and
// variant kanji (髙, 﨑, 邉, 齋, 彅), full-width and half-width Latin and
// digits among Japanese, a long title with quotation marks, a lecturer
// with a Latin name, and a survey address with a query.
const unusualEvent = `id: unusual-2027
title: 髙﨑市・邉野町合同 IoT／OT セキュリティ実践セミナー2027 ─ SaaS と VPN の“見えない穴”
date: 2027-03-09
start: "10:00"
end: "12:10"
venue:
  name: 齋藤記念ホール（旧 Kōriyama Tech Lab）
  address: 群馬県髙﨑市栄町 3-23 ＳＯＤＡＮビル 4F
  room: 4F Room-B「彅」
organiser: NPO法人 邉野IT推進機構
lecturers:
  - name: 草彅 﨑太郎
    affiliation: CISSP・情報処理安全確保支援士（登録番号 012345）
  - name: Maria 齋藤-Schmidt
    affiliation: SecOps Lab. Inc.
programme:
  - start: "10:00"
    deck: malware-measures
    lecturer: 草彅 﨑太郎
  - start: "10:45"
    break: 休憩
  - start: "10:55"
    deck: consultation-flow
    lecturer: Maria 齋藤-Schmidt
  - start: "11:40"
    qa: 質疑応答
survey_url: https://forms.example.jp/r/unusual-2027?src=qr&lang=ja
contact: {name: 邉野IT推進機構 事務局, phone: "027-123-4567", email: seminar@hen-no.example.jp}
`

// TestEventKit writes a seminar with unusual names and a survey address
// into a copy of the bundled sources and builds its kit: the files are
// the ones EventDir lists; the text of every deck and of every handout
// holds the seminar's title, date, venue and the lecturers of its decks;
// the closing slide's QR code, rendered at 300 dpi, reads back as the
// survey's address; the programme sheet lists the decks in order with
// their times; and the build says the seminar is past when it is.
func TestEventKit(t *testing.T) {
	testtool.Need(t, "pdftotext")
	t.Setenv("SOURCE_DATE_EPOCH", "1804636800") // 2027-03-10: the day after
	src, out := t.TempDir(), t.TempDir()
	copyTree(t, "../../sources", src)
	if err := os.WriteFile(filepath.Join(src, "events", "unusual.yaml"), []byte(unusualEvent), 0o644); err != nil {
		t.Fatal(err)
	}
	var warn bytes.Buffer
	res, err := Run(Options{Sources: src, Layouts: "../../layouts", Out: out, Event: "unusual-2027", Warn: &warn})
	if err != nil {
		t.Fatal(err)
	}
	dir := "events/20270309-unusual-2027/"
	var names []string
	for _, o := range res.Outputs {
		names = append(names, o.Name)
	}
	want := []string{"handout-3up.pdf", "handout-6up.pdf", "programme.pdf", "quicklist-20261201.pdf", "slides/01-malware-measures.pdf", "slides/02-consultation-flow.pdf"}
	for i := range want {
		want[i] = dir + want[i]
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("made\n%v\nwant\n%v", names, want)
	}
	if !strings.Contains(warn.String(), "注意: セミナー unusual-2027 は 2027年3月9日（火）で、日付が過ぎています") {
		t.Errorf("no line saying the seminar is past:\n%s", warn.String())
	}
	text := func(name string, args ...string) string {
		return testtool.Run(t, "pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), filepath.Join(out, dir, name), "-")...)
	}
	title := "髙﨑市・邉野町合同IoT／OTセキュリティ実践セミナー2027─SaaSとVPNの“見えない穴”"
	common := []string{title, "2027年3月9日（火）", "10:00〜12:10", "齋藤記念ホール（旧Kōriyama Tech Lab）4F Room-B「彅」"}
	both := []string{"草彅 﨑太郎（CISSP・情報処理安全確保支援士（登録番号 012345））", "Maria 齋藤-Schmidt（SecOps Lab. Inc.）"}
	for name, lecturers := range map[string][]string{
		"slides/01-malware-measures.pdf": both[:1], "slides/02-consultation-flow.pdf": both[1:],
		"handout-3up.pdf": both, "handout-6up.pdf": both,
	} {
		got := squeeze(text(name))
		for _, w := range append(append([]string(nil), common...), lecturers...) {
			if !strings.Contains(got, squeeze(w)) {
				t.Errorf("%s: %q is not in its text", name, w)
			}
		}
	}

	// The survey's QR code on the closing slide, the last of the last deck.
	testtool.Need(t, "zbarimg")
	last := filepath.Join(out, dir, "slides/02-consultation-flow.pdf")
	n := strings.Count(text("slides/02-consultation-flow.pdf"), "\f")
	prefix := filepath.Join(t.TempDir(), "closing")
	testtool.Run(t, "pdftoppm", "-r", "300", "-png", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), last, prefix)
	pngs, _ := filepath.Glob(prefix + "*.png")
	if len(pngs) != 1 {
		t.Fatalf("pdftoppm wrote %v", pngs)
	}
	code, err := exec.Command(testtool.Need(t, "zbarimg"), "--raw", "-q", pngs[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	if got, want := strings.TrimSpace(string(code)), layout.LinkURL("https://forms.example.jp/r/unusual-2027?src=qr&lang=ja"); got != want {
		t.Errorf("the closing slide's QR code reads %q, want %q", got, want)
	}
	if !strings.Contains(text("slides/02-consultation-flow.pdf", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n)), "ご参加ありがとうございました") {
		t.Error("the last page of the last deck is not the closing slide")
	}

	// The programme sheet: the items in order, each with its times.
	sheet := squeeze(text("programme.pdf", "-layout"))
	rest := sheet
	for _, w := range []string{"10:00〜10:45主な対策の例示：マルウェア感染", "10:45〜10:55休憩", "10:55〜11:40相談対応フロー", "11:40〜12:10質疑応答"} {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("the programme sheet does not list %q next, in:\n%s", w, text("programme.pdf", "-layout"))
		}
		rest = rest[i+len(w):]
	}
	for _, w := range append(common, both...) {
		if !strings.Contains(sheet, squeeze(w)) {
			t.Errorf("the programme sheet does not say %q", w)
		}
	}
	for _, w := range []string{"NPO法人邉野IT推進機構", "027-123-4567", "seminar@hen-no.example.jp"} {
		if !strings.Contains(sheet, w) {
			t.Errorf("the programme sheet does not say %q", w)
		}
	}
	ql := squeeze(text("quicklist-20261201.pdf"))
	for _, w := range []string{"NPO法人邉野IT推進機構", "邉野IT推進機構事務局", "027-123-4567"} {
		if !strings.Contains(ql, w) {
			t.Errorf("the quick list's box does not say %q", w)
		}
	}
}

// TestEventBuilds: a seminar's kit lives beside the other outputs in one
// output folder. Building it leaves them alone and the other way round;
// a kit with nothing changed is not made again; a change to the seminar's
// file makes its kit again, and a new deck does not; building another
// seminar's kit leaves the first one's; a seminar moved to another date
// moves its folder; the same sources make the same bytes; an unknown id
// is refused before anything is written.
func TestEventBuilds(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	copyTree(t, "../../sources", src)
	opts := Options{Sources: src, Layouts: "../../layouts", Out: out}
	all := built(t, opts)
	kit := opts
	kit.Event = "shinagawa-feb"
	first := built(t, kit)
	if len(first) != 8 || madeNames(first) == "" || strings.Count(madeNames(first), " ") != 7 {
		t.Fatalf("the kit made %q", madeNames(first))
	}
	for n := range first {
		if !strings.HasPrefix(n, "events/20270217-shinagawa-feb/") {
			t.Errorf("%s is outside the kit's folder", n)
		}
	}
	if got := built(t, opts); madeNames(got) != "" || len(got) != len(all) {
		t.Errorf("the other outputs after the kit: made %q of %d", madeNames(got), len(got))
	}
	if got := madeNames(built(t, kit)); got != "" {
		t.Errorf("nothing changed, yet the kit made %s", got)
	}
	for n := range first {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(n))); err != nil {
			t.Errorf("%s is gone after building the other outputs", n)
		}
	}
	os.WriteFile(filepath.Join(src, "decks", "extra.yaml"), []byte("id: extra\ntitle: 追加\nslides:\n  - kind: title\n    title: 追加\n"), 0o644)
	if got := madeNames(built(t, kit)); got != "" {
		t.Errorf("a deck not in the programme was added, yet the kit made %s", got)
	}
	ev := filepath.Join(src, "events", "2027-02-shinagawa.yaml")
	b, _ := os.ReadFile(ev)
	os.WriteFile(ev, append(b, "# 一行足した\n"...), 0o644)
	if got := built(t, kit); madeNames(got) != madeNames(first) {
		t.Errorf("after the seminar's file changed, made %s", madeNames(got))
	}
	os.WriteFile(filepath.Join(src, "events", "other.yaml"), []byte(strings.Replace(strings.Replace(string(b), "id: shinagawa-feb", "id: other", 1), "date: 2027-02-17", "date: 2027-05-20", 1)), 0o644)
	kit.Event = "other"
	if got := built(t, kit); len(got) != 8 || strings.Count(madeNames(got), "events/20270520-other/") != 8 {
		t.Errorf("the other seminar's kit made %s", madeNames(got))
	}
	kit.Event = "all"
	if got := built(t, kit); len(got) != 16 || madeNames(got) != "" {
		t.Errorf("-event all after both: %d outputs, made %q", len(got), madeNames(got))
	}
	// A new date: the kit moves, and the old folder goes.
	os.WriteFile(ev, []byte(strings.Replace(string(b), "date: 2027-02-17", "date: 2027-02-18", 1)), 0o644)
	kit.Event = "shinagawa-feb"
	built(t, kit)
	if _, err := os.Stat(filepath.Join(out, "events", "20270217-shinagawa-feb", "programme.pdf")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the kit of the old date is still there (%v)", err)
	}
	if _, err := os.Stat(filepath.Join(out, "events", "20270218-shinagawa-feb", "programme.pdf")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(out, "events", "20270520-other", "programme.pdf")); err != nil {
		t.Errorf("the other seminar's kit went: %v", err)
	}

	// The same bytes again, into a fresh folder.
	again := kit
	again.Out, again.Event = t.TempDir(), "all"
	built(t, again)
	a, b2 := listFiles(t, filepath.Join(out, "events")), listFiles(t, filepath.Join(again.Out, "events"))
	if len(a) != 16 || len(b2) != 16 {
		t.Fatalf("%d and %d files", len(a), len(b2))
	}
	var differ []string
	for n := range a {
		if !bytes.Equal(a[n], b2[n]) {
			differ = append(differ, n)
		}
	}
	sort.Strings(differ)
	if len(differ) > 0 {
		t.Errorf("two builds of the same kits differ: %v", differ)
	}

	before := listFiles(t, out)
	kit.Event = "shinagawa"
	if _, err := Run(kit); !errors.Is(err, ErrUnknownEvent) || !strings.Contains(err.Error(), "セミナー「shinagawa」は sources/events にありません（あるセミナー: shinagawa-feb, other") {
		t.Errorf("an unknown id: %v", err)
	}
	if after := listFiles(t, out); len(after) != len(before) {
		t.Error("a refused build changed the output folder")
	}
}
