package nup

import (
	"reflect"
	"testing"

	"sodan/internal/layout"
	"sodan/internal/layout/layouttest"
)

// TestScaled checks the scale transform of the N-up pages, with the fake
// Measurer's QR codes (33 modules for a 23-byte address).
func TestScaled(t *testing.T) {
	grey := layout.Color{R: 200, G: 200, B: 200}
	black := layout.Color{}
	in := []layout.Item{
		layout.Text{X: 10, Y: 20, Str: "あ", Size: 20},
		layout.Rect{X: 10, Y: 10, W: 100, H: 50, Stroke: &black, LineWidth: 0.4, Radius: 4},
		layout.Line{X1: 0, Y1: 0, X2: 10, Y2: 0, Width: 1},
		layout.Polygon{Points: []layout.Point{{X: 0, Y: 0}, {X: 10, Y: 0}, {X: 0, Y: 10}}, Fill: &black},
		layout.QR{X: 100, Y: 100, Size: 30, Data: "https://www.example.jp/"},
		layout.QR{X: 100, Y: 100, Size: 300, Data: "https://www.example.jp/"},
		layout.Link{X: 10, Y: 10, W: 20, H: 5, URL: "https://www.example.jp/"},
		layout.Bookmark{Title: "見出し", Y: 40},
	}
	out := scaled(in, 0.5, 5, 7, grey, layouttest.Fake{})
	want := []layout.Item{
		layout.Text{X: 10, Y: 17, Str: "あ", Size: 10},
		layout.Rect{X: 10, Y: 12, W: 50, H: 25, Stroke: &black, Radius: 2, LineWidth: 0.2},
		layout.Line{X1: 5, Y1: 7, X2: 10, Y2: 7, Width: 0.5},
		layout.Polygon{Points: []layout.Point{{X: 5, Y: 7}, {X: 10, Y: 7}, {X: 5, Y: 12}}, Fill: &black},
		layout.Rect{X: 55, Y: 57, W: 15, H: 15, Fill: &grey}, // 15 mm / 33 modules: under 0.5 mm
		layout.QR{X: 55, Y: 57, Size: 150, Data: "https://www.example.jp/"},
		layout.Link{X: 10, Y: 12, W: 10, H: 2.5, URL: "https://www.example.jp/"},
		layout.Bookmark{Title: "見出し", Y: 27},
	}
	if len(out) != len(want) {
		t.Fatalf("%d items, want %d", len(out), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(out[i], want[i]) {
			t.Errorf("scaled item %d:\n got %+v\nwant %+v", i, out[i], want[i])
		}
	}
}
