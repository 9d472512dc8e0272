package layout_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/model"
)

func ExampleShortURL() {
	fmt.Println(layout.ShortURL("https://www.jpcert.or.jp/at/"))
	// Output: www.jpcert.or.jp/at
}

func ExampleLinkURL() {
	fmt.Println(layout.LinkURL("https://example.jp/相談/"))
	// Output: https://example.jp/%E7%9B%B8%E8%AB%87/
}

func TestLinkURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.jc3.or.jp/":                "https://www.jc3.or.jp/",
		"https://example.jp/相談/?q=窓口 一覧":        "https://example.jp/%E7%9B%B8%E8%AB%87/?q=%E7%AA%93%E5%8F%A3%20%E4%B8%80%E8%A6%A7",
		"https://例え.jp/":                        "https://%E4%BE%8B%E3%81%88.jp/",
		"mailto:info@jpcert.or.jp":              "mailto:info@jpcert.or.jp",
		"https://www.ppc.go.jp/a/leakAction/#x": "https://www.ppc.go.jp/a/leakAction/#x",
	} {
		if got := layout.LinkURL(in); got != want {
			t.Errorf("LinkURL(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"https://www.jc3.or.jp/":                         "www.jc3.or.jp",
		"http://example.jp/a/b.html":                     "example.jp/a/b.html",
		"https://www.npa.go.jp/bureau/cyber/soudan.html": "www.npa.go.jp/bureau/cyber/soudan.html",
	} {
		if got := layout.ShortURL(in); got != want {
			t.Errorf("ShortURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDateLabels(t *testing.T) {
	d := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	if got := layout.DateLabel(d); got != "2026年1月5日" {
		t.Errorf("DateLabel = %q", got)
	}
	if got := layout.EditionLabel(d); got != "2026年1月5日版" {
		t.Errorf("EditionLabel = %q", got)
	}
	if got := layout.MailURL("info@jpcert.or.jp"); got != "mailto:info@jpcert.or.jp" {
		t.Errorf("MailURL = %q", got)
	}
}

// TestWritePlan writes one item of each kind: lengths rounded to 0.1 mm,
// -0 written as 0, colours as #RRGGBB, texts quoted.
func TestWritePlan(t *testing.T) {
	red := layout.Color{R: 0xC0, G: 0x10, B: 0x0A}
	doc := &layout.Doc{
		Meta: layout.Meta{Title: "題", Author: "著", Subject: "件", Keywords: []string{"鍵", "錠"}},
		Pages: []layout.Page{{W: 210, H: 297, Items: []layout.Item{
			layout.Text{X: 8, Y: 16.44, Str: "相談\n", Bold: true, Size: 20, Color: red},
			layout.Text{X: 8, Y: 20, Str: "両端揃え", Size: 9, Spacing: 0.12345},
			layout.Rect{X: -0.01, Y: 1, W: 2, H: 3, Fill: &red, Stroke: &red, LineWidth: 0.25, Radius: 1.5, Dash: true},
			layout.Line{X1: 1, Y1: 2, X2: 3, Y2: 4, Color: red, Width: 0.3},
			layout.Polygon{Points: []layout.Point{{X: 1, Y: 1}, {X: 2, Y: 1}, {X: 1, Y: 2}}, Fill: &red},
			layout.QR{X: 1, Y: 2, Size: 20, Data: "https://a.jp/"},
			layout.Link{X: 1, Y: 2, W: 3, H: 4, URL: "https://a.jp/"},
			layout.Bookmark{Title: "見出し", Level: 1, Y: 5},
		}}},
	}
	var b strings.Builder
	if err := layout.WritePlan(&b, doc); err != nil {
		t.Fatal(err)
	}
	want := `meta title "題" author "著" subject "件" keywords ["鍵" "錠"]
page 1 210.0x297.0
  text 8.0,16.4 20pt bold #C0100A "相談\n"
  text 8.0,20.0 9pt regular #000000 spacing 0.123 "両端揃え"
  rect 0.0,1.0 2.0x3.0 fill #C0100A stroke #C0100A 0.25 radius 1.5 dash
  line 1.0,2.0 3.0,4.0 #C0100A 0.3
  polygon 1.0,1.0 2.0,1.0 1.0,2.0 fill #C0100A
  qr 1.0,2.0 20.0 "https://a.jp/"
  link 1.0,2.0 3.0x4.0 "https://a.jp/"
  bookmark 1 5.0 "見出し"
`
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestShift(t *testing.T) {
	in := []layout.Item{layout.Text{X: 1, Y: 2}, layout.Line{X1: 1, Y1: 1, X2: 2, Y2: 2}, layout.Bookmark{Y: 1}}
	out := layout.Shift(in, 10.004, 0.5)
	if got := fmt.Sprint(out); got != "[{11 2.5  false 0 {0 0 0} 0} {11 1.5 12 2.5 {0 0 0} 0 false} { 0 1.5}]" {
		t.Errorf("Shift = %s", got)
	}
	if in[0].(layout.Text).X != 1 {
		t.Error("Shift changed its input")
	}
}

// TestDeskOf: a desk is named at its desk's position, prints its form's
// address without the scheme and links it percent-encoded.
func TestDeskOf(t *testing.T) {
	at := func(line int) diag.Loc {
		return diag.Loc{Pos: diag.Pos{File: "sources/contacts.yaml", Line: line, Col: 5}}
	}
	c := &model.Contact{
		Org: model.Text{S: "東京都", Loc: at(1)}, Desk: model.Text{S: "相談窓口", Loc: at(2)},
		URL: model.Text{S: "https://example.jp/", Loc: at(3)}, FormURL: model.Text{S: "https://example.jp/相談/", Loc: at(4)},
		Email: model.Text{S: "soudan@example.jp", Loc: at(5)},
	}
	d := layout.DeskOf(c)
	if d.Name.S != "東京都 相談窓口" || d.Name.Loc != at(2) {
		t.Errorf("name %q at %v", d.Name.S, d.Name.Loc)
	}
	if d.Web.S != "example.jp/相談" || d.Web.Loc != at(4) || d.Link != "https://example.jp/%E7%9B%B8%E8%AB%87/" {
		t.Errorf("web %q at %v, link %q", d.Web.S, d.Web.Loc, d.Link)
	}
	if d.Mail != "mailto:soudan@example.jp" {
		t.Errorf("mail %q", d.Mail)
	}
	c.Desk, c.FormURL, c.Email = model.Text{}, model.Text{}, model.Text{}
	if d := layout.DeskOf(c); d.Name.S != "東京都" || d.Name.Loc != at(1) || d.Web.Loc != at(3) || d.Mail != "" {
		t.Errorf("without desk, form and e-mail: %+v", d)
	}
}
