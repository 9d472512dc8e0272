package quicklist_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/quicklist"
)

// TestSeminarBox lays out the bundled seminar's copy of the quick list:
// the box at the right of the title names the organiser, the contact and
// its phone number at the phone's size; the edition date is still
// printed; and the header keeps its height, so everything below it is
// laid out exactly as in the bundled list, on as many pages.
func TestSeminarBox(t *testing.T) {
	book := layouttest.Bundled(t)
	sp, m := layouttest.QuickList(t), layouttest.Fonts(t)
	plain, _ := bundled(t)
	e := book.Event("shinagawa-feb")
	doc, errs := quicklist.PlanSeminar(book, sp, m, quicklist.Seminar{Event: e, Spec: layouttest.Event(t)})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(doc.Pages) != len(plain.Pages) || len(doc.Pages) > sp.MaxPages {
		t.Fatalf("%d pages, the bundled list %d (max %d)", len(doc.Pages), len(plain.Pages), sp.MaxPages)
	}
	bs := layouttest.Event(t).QuickList
	var box *layout.Rect
	for _, it := range doc.Pages[0].Items {
		if r, ok := it.(layout.Rect); ok && r.W == bs.Width {
			box = &r
			break
		}
	}
	if box == nil {
		t.Fatal("no box of the layout's width on page 1")
	}
	var inBox []string
	phone := false
	for _, l := range layouttest.TextLines(doc, m) {
		if l.Page == 1 && l.X >= box.X && l.End <= box.X+box.W+0.01 && l.Y > box.Y && l.Y < box.Y+box.H {
			inBox = append(inBox, l.Str)
			phone = phone || l.Str == "03-3251-7881" && l.Size >= bs.Phone.Size && l.Bold
		}
	}
	got := strings.Join(inBox, "|")
	for _, w := range []string{"セミナー主催", e.Organiser.S, "お問い合わせ", "東京都中小企業振興公社 ワンストップ総合相談"} {
		if !strings.Contains(got, w) {
			t.Errorf("the box does not say %q: %s", w, got)
		}
	}
	if !phone {
		t.Errorf("the box has no phone number at %gpt bold: %s", bs.Phone.Size, got)
	}
	if !strings.Contains(fmt.Sprint(texts(doc)), "日版") {
		t.Error("no edition date")
	}
	for pi := 1; pi < len(doc.Pages); pi++ {
		if !reflect.DeepEqual(doc.Pages[pi], plain.Pages[pi]) {
			t.Errorf("page %d differs from the bundled list's", pi+1)
		}
	}
	// Page 1 below the header: the same items.
	below := func(items []layout.Item) []layout.Item {
		for i, it := range items {
			if b, ok := it.(layout.Bookmark); ok && b.Title == "緊急の電話番号" {
				return items[i:]
			}
		}
		return nil
	}
	if a, b := below(doc.Pages[0].Items), below(plain.Pages[0].Items); len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Error("page 1 below the header differs from the bundled list's")
	}
}
