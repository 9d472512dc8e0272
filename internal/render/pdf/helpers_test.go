package pdf

import (
	"strings"
	"sync"
	"testing"
	"time"

	"sodan/fonts"
	"sodan/internal/layout"
)

// testFonts parses the embedded faces once for all tests.
var testFonts = sync.OnceValues(LoadFonts)

// wholeFace returns the whole face fc with long metrics (longMetrics), as
// the tests that compare with fpdf register it.
func wholeFace(tb testing.TB, fc *face) []byte {
	tb.Helper()
	faces, err := fonts.Faces()
	if err != nil {
		tb.Fatal(err)
	}
	for _, ff := range faces {
		if ff.Name == fc.file {
			b, err := longMetrics(ff.Data)
			if err != nil {
				tb.Fatal(err)
			}
			return b
		}
	}
	tb.Fatalf("no face %s", fc.file)
	return nil
}

func loadFonts(tb testing.TB) *Fonts {
	tb.Helper()
	f, err := testFonts()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// Sizes of the test pages in mm.
const (
	a4W, a4H         = 210.0, 297.0
	slideW, slideH   = 338.667, 190.5
	qrURL            = "https://www.antiphishing.jp/registration.html"
	linkURL          = "https://www.npa.go.jp/bureau/cyber/"
	titleJa          = "フィッシング詐欺に気をつけましょう"
	bodyJa           = "不審なメールやSMSのリンクは開かず、公式アプリから確認してください。"
	boldJa           = "困ったときの相談窓口"
	slideJa          = "パスワードは使い回さない"
	latin            = "Check the sender: support@example.com (2025)"
	docTitle         = "情報セキュリティのてびき"
	bookmarkTop      = "はじめに"
	bookmarkContacts = "相談窓口"
	bookmarkSlide    = "スライド：対策"
)

var (
	black = layout.Color{}
	navy  = layout.Color{R: 0x1f, G: 0x3a, B: 0x68}
	pale  = layout.Color{R: 0xe8, G: 0xf0, B: 0xfa}
	red   = layout.Color{R: 0xc0, G: 0x20, B: 0x20}
)

func testMeta() layout.Meta {
	return layout.Meta{
		Title:    docTitle,
		Author:   "相談窓口プロジェクト",
		Subject:  "フィッシング対策",
		Keywords: []string{"フィッシング", "相談"},
		Creator:  "sodan test",
		Lang:     "ja-JP",
		Date:     time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC),
	}
}

// testDoc is a small handout and one slide with every kind of item.
func testDoc() *layout.Doc {
	return &layout.Doc{
		Meta: testMeta(),
		Pages: []layout.Page{
			{W: a4W, H: a4H, Items: []layout.Item{
				layout.Bookmark{Title: bookmarkTop, Level: 0, Y: 20},
				layout.Rect{X: 15, Y: 15, W: 180, H: 18, Fill: &pale, Radius: 3},
				layout.Text{X: 20, Y: 27, Str: titleJa, Bold: true, Size: 18, Color: navy},
				layout.Text{X: 20, Y: 45, Str: bodyJa, Size: 10.5, Color: black},
				layout.Text{X: 20, Y: 52, Str: latin, Size: 10.5, Color: black},
				layout.Line{X1: 20, Y1: 58, X2: 190, Y2: 58, Color: navy, Width: 0.3, Dash: true},
				layout.Rect{X: 20, Y: 65, W: 80, H: 30, Stroke: &red, LineWidth: 0.5, Dash: true},
				layout.Polygon{Points: []layout.Point{{X: 110, Y: 70}, {X: 130, Y: 80}, {X: 110, Y: 90}}, Fill: &red},
				layout.Text{X: 20, Y: 110, Str: linkURL, Size: 9, Color: navy},
				layout.Link{X: 20, Y: 106, W: 70, H: 5, URL: linkURL},
			}},
			{W: a4W, H: a4H, Items: []layout.Item{
				layout.Bookmark{Title: bookmarkContacts, Level: 0, Y: 20},
				layout.Text{X: 20, Y: 30, Str: boldJa, Bold: true, Size: 14, Color: black},
				layout.Bookmark{Title: "フィッシング対策協議会", Level: 1, Y: 40},
				layout.QR{X: 20, Y: 45, Size: 30, Data: qrURL},
				layout.Link{X: 20, Y: 45, W: 30, H: 30, URL: qrURL},
				layout.Text{X: 55, Y: 60, Str: "報告はこちら →", Size: 10.5, Color: black},
			}},
			{W: slideW, H: slideH, Items: []layout.Item{
				layout.Bookmark{Title: bookmarkSlide, Level: 0, Y: 0},
				layout.Rect{X: 0, Y: 0, W: slideW, H: 30, Fill: &navy},
				layout.Text{X: 20, Y: 20, Str: slideJa, Bold: true, Size: 28, Color: layout.Color{R: 255, G: 255, B: 255}},
				layout.Text{X: 20, Y: 60, Str: "同じパスワードを複数のサービスで使わないこと。", Size: 20, Color: black},
			}},
		},
	}
}

// handoutText is about 2,500 Japanese characters for the benchmark.
func handoutDoc(f *Fonts) *layout.Doc {
	para := []rune(strings.Repeat("不審なメールやSMSに記載されたリンクは開かず、ブックマークや公式アプリからアクセスしてください。"+
		"パスワードの使い回しは避け、多要素認証を設定しましょう。被害に気づいたら、すぐに金融機関と警察の相談窓口へ連絡してください。", 30))
	var pages []layout.Page
	page := layout.Page{W: a4W, H: a4H}
	y := 25.0
	chars := 0
	for len(para) > 0 && chars < 2500 {
		n := 0
		for n < len(para) && f.Width(string(para[:n+1]), false, 10.5) <= 170 {
			n++
		}
		page.Items = append(page.Items, layout.Text{X: 20, Y: y, Str: string(para[:n]), Size: 10.5})
		chars += n
		para = para[n:]
		if y += 6.5; y > 280 {
			pages = append(pages, page)
			page = layout.Page{W: a4W, H: a4H}
			y = 25
		}
	}
	pages = append(pages, page)
	pages[0].Items = append(pages[0].Items,
		layout.Bookmark{Title: "本文", Y: 20},
		layout.Text{X: 20, Y: 15, Str: "フィッシング対策のてびき", Bold: true, Size: 16})
	return &layout.Doc{Meta: testMeta(), Pages: pages}
}

// drawDoc checks doc and has fpdf draw all its pages as one file, returning
// it and what finish is to add to it.
func drawDoc(doc *layout.Doc, f *Fonts) ([]byte, *extra, error) {
	pl, err := check(doc, f)
	if err != nil {
		return nil, nil, err
	}
	d := drawer{qrs: pl.qrs, extra: &extra{meta: doc.Meta, fonts: f, used: &pl.used}}
	raw, err := d.drawPages(doc, 0, len(doc.Pages))
	return raw, d.extra, err
}

// must returns v, or stops the test at err: x := must(f())(t).
func must[T any](v T, err error) func(testing.TB) T {
	return func(tb testing.TB) T {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
		return v
	}
}
