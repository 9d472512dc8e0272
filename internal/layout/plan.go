package layout

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
)

// WritePlan writes doc as readable text, for golden tests and for reading
// a layout without a PDF viewer: the document information, then every page
// and its items in drawing order, one per line, with lengths in mm rounded
// to 0.1 mm and colours as #RRGGBB. Text is quoted with strconv.Quote.
//
//	page 1 210.0x297.0
//	  text 8.0,16.4 20pt bold #14386B "相談・届出先クイックリスト"
//	  rect 8.0,27.1 61.3x22.6 fill #FBE9E4 stroke #7A1E12 0.6 radius 1.5
//	  link 146.2,53.5 55.8x3.8 "https://www.jpcert.or.jp/at/"
func WritePlan(w io.Writer, doc *Doc) error {
	b := bufio.NewWriter(w)
	m := doc.Meta
	fmt.Fprintf(b, "meta title %q author %q subject %q keywords %q\n", m.Title, m.Author, m.Subject, m.Keywords)
	for i, p := range doc.Pages {
		fmt.Fprintf(b, "page %d %sx%s\n", i+1, planMM(p.W), planMM(p.H))
		for _, it := range p.Items {
			b.WriteString("  ")
			b.WriteString(planItem(it))
			b.WriteByte('\n')
		}
	}
	return b.Flush()
}

// planItem is one item as a line of the plan.
func planItem(it Item) string {
	switch v := it.(type) {
	case Text:
		weight := "regular"
		if v.Bold {
			weight = "bold"
		}
		s := fmt.Sprintf("text %s,%s %spt %s %s", planMM(v.X), planMM(v.Y), planNum(v.Size), weight, planHex(v.Color))
		if v.Spacing != 0 {
			s += " spacing " + strconv.FormatFloat(math.Round(v.Spacing*1000)/1000, 'f', -1, 64)
		}
		return s + " " + strconv.Quote(v.Str)
	case Rect:
		s := fmt.Sprintf("rect %s,%s %sx%s", planMM(v.X), planMM(v.Y), planMM(v.W), planMM(v.H))
		if v.Fill != nil {
			s += " fill " + planHex(*v.Fill)
		}
		if v.Stroke != nil {
			s += " stroke " + planHex(*v.Stroke) + " " + planNum(v.LineWidth)
		}
		if v.Radius != 0 {
			s += " radius " + planNum(v.Radius)
		}
		if v.Dash {
			s += " dash"
		}
		return s
	case Line:
		s := fmt.Sprintf("line %s,%s %s,%s %s %s", planMM(v.X1), planMM(v.Y1), planMM(v.X2), planMM(v.Y2), planHex(v.Color), planNum(v.Width))
		if v.Dash {
			s += " dash"
		}
		return s
	case Polygon:
		s := "polygon"
		for _, p := range v.Points {
			s += " " + planMM(p.X) + "," + planMM(p.Y)
		}
		if v.Fill != nil {
			s += " fill " + planHex(*v.Fill)
		}
		if v.Stroke != nil {
			s += " stroke " + planHex(*v.Stroke) + " " + planNum(v.LineWidth)
		}
		return s
	case QR:
		return fmt.Sprintf("qr %s,%s %s %s", planMM(v.X), planMM(v.Y), planMM(v.Size), strconv.Quote(v.Data))
	case Link:
		return fmt.Sprintf("link %s,%s %sx%s %s", planMM(v.X), planMM(v.Y), planMM(v.W), planMM(v.H), strconv.Quote(v.URL))
	case Bookmark:
		return fmt.Sprintf("bookmark %d %s %s", v.Level, planMM(v.Y), strconv.Quote(v.Title))
	}
	return fmt.Sprintf("%T %+v", it, it)
}

// planMM formats a length rounded to 0.1 mm (never as -0.0).
func planMM(v float64) string {
	r := math.Round(v*10) / 10
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', 1, 64)
}

// planNum formats a size or width with as few digits as it needs.
func planNum(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

// planHex formats a colour as #RRGGBB.
func planHex(c Color) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }
