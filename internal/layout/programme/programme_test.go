package programme_test

import (
	"fmt"
	"strings"
	"testing"

	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/programme"
	"sodan/internal/model"
)

// withEvent is the bundled sources in memory with the seminar file
// events/x.yaml added.
func withEvent(t *testing.T, event string) *model.Book {
	t.Helper()
	fsys := layouttest.SourcesWith(t, map[string]string{"events/x.yaml": event})
	return layouttest.Book(t, fsys)
}

// TestBundledSheet lays out the bundled seminar's programme sheet: one A4
// page that reads, top to bottom, the seminar's title, when and where, the
// organiser and the lecturers, then the running order with its times, and
// at the foot the contact and the survey's QR code; its plan is golden.
func TestBundledSheet(t *testing.T) {
	book := layouttest.Bundled(t)
	e := book.Event("shinagawa-feb")
	m := layouttest.Fonts(t)
	doc, errs := programme.Plan(book, e, layouttest.Event(t), m)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(doc.Pages) != 1 || doc.Pages[0].W != 210 || doc.Pages[0].H != 297 {
		t.Fatalf("%d pages", len(doc.Pages))
	}
	var text strings.Builder
	for _, l := range layouttest.TextLines(doc, m) {
		text.WriteString(l.Str + "\n")
	}
	want := []string{programme.Title, "中小企業のためのサイバーセキュリティ相談会", "日時", "2027年2月17日（水） 13:30〜16:00",
		"会場", "品川区立中小企業センター 2階 大会議室", "東京都品川区西品川1-28-3", "主催", e.Organiser.S, "講師", "高橋 美咲（情報処理安全確保支援士）",
		"佐々木 健太郎（中小企業診断士）", "プログラム"}
	for _, p := range e.Programme {
		want = append(want, layout.TimesLabel(p.Start, p.End), p.Title())
	}
	want = append(want, "セミナー後のお問い合わせ", "03-3251-7881", "アンケート", "forms.example.jp/")
	// The text engine sets its own space where Japanese meets Latin.
	squeeze := strings.NewReplacer(" ", "", "　", "").Replace
	rest := squeeze(text.String())
	for _, w := range want {
		w = squeeze(w)
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("%q missing, or out of order, in:\n%s", w, text.String())
		}
		rest = rest[i+len(w):]
	}
	qr := 0
	for _, it := range doc.Pages[0].Items {
		if q, ok := it.(layout.QR); ok {
			qr++
			if q.Data != layout.LinkURL(e.Survey.S) || q.Size < 20 {
				t.Errorf("QR code %+v", q)
			}
		}
	}
	if qr != 1 {
		t.Errorf("%d QR codes, want the survey's", qr)
	}
	layouttest.GoldenPlan(t, "testdata/shinagawa.golden", doc)
}

// TestSheetTooLong: a running order too long for the page is reported at
// the seminar's file, and a name contact without a survey gets a box of
// its own across the page.
func TestSheetTooLong(t *testing.T) {
	var items strings.Builder
	for i := range 40 {
		fmt.Fprintf(&items, "  - start: \"%02d:%02d\"\n    deck: malware-measures\n", 9+i/6, i%6*10)
	}
	event := `id: x
title: 長い相談会
date: 2027-03-01
start: "09:00"
end: "17:00"
venue: {name: 会場}
organiser: 主催
lecturers: [{name: 講師}]
programme:
` + items.String() + `contact: {name: 事務局, phone: "03-1234-5678", email: jimu@example.jp}
`
	book := withEvent(t, event)
	_, errs := programme.Plan(book, book.Event("x"), layouttest.Event(t), layouttest.Fonts(t))
	if len(errs) != 1 || errs[0].Pos.File != "sources/events/x.yaml" || !strings.Contains(errs[0].Msg, "式次第が A4 の 1 ページに収まりません") {
		t.Fatalf("want the sheet reported too long, got %v", errs)
	}
	short := strings.Replace(event, items.String(), "  - start: \"09:00\"\n    deck: malware-measures\n", 1)
	book = withEvent(t, short)
	doc, errs := programme.Plan(book, book.Event("x"), layouttest.Event(t), layouttest.Fonts(t))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var boxes []layout.Rect
	for _, it := range doc.Pages[0].Items {
		if r, ok := it.(layout.Rect); ok && r.Fill != nil {
			boxes = append(boxes, r)
		}
	}
	if len(boxes) != 1 || boxes[0].W < 169 {
		t.Errorf("want one box across the page, got %+v", boxes)
	}
}
