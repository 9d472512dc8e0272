package xlsx

import "github.com/xuri/excelize/v2"

// styles holds the style IDs of the workbook. Locked styles are for
// headings and formulas, unlocked ones (input…) for cells the user fills.
type styles struct {
	title    int // sheet title
	heading  int // section heading above a table
	para     int // wrapped paragraph without border
	paraBold int // wrapped bold paragraph without border
	note     int // small grey note, wrapped

	header    int // column heading
	compHead  int // heading of a computed column
	text      int // locked table text, wrapped
	center    int // locked table value, centred
	bold      int // locked table text, bold
	result    int // computed result, centred, bold
	resultTxt int // computed text result, wrapped, bold

	input       int // input text, wrapped
	inputCenter int // input choice, centred
	inputDate   int // input date
	inputNum    int // input whole number on the criteria sheet

	bands []int // conditional formats, high to low
}

const borderColour = "#7F7F7F"

// styles registers every style of the workbook.
func (w *writer) styles() {
	s := &w.st
	font := func(bold bool, size float64, colour string) *excelize.Font {
		return &excelize.Font{Family: w.spec.Font, Size: size, Bold: bold, Color: colour}
	}
	size := w.spec.FontSize
	border := []excelize.Border{
		{Type: "left", Color: borderColour, Style: 1},
		{Type: "top", Color: borderColour, Style: 1},
		{Type: "right", Color: borderColour, Style: 1},
		{Type: "bottom", Color: borderColour, Style: 1},
	}
	fill := func(c string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
	}
	wrap := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	locked := &excelize.Protection{Locked: true}
	unlocked := &excelize.Protection{Locked: false}
	add := func(id *int, st *excelize.Style) {
		if w.err != nil {
			return
		}
		v, err := w.f.NewStyle(st)
		w.fail(err)
		*id = v
	}
	add(&s.title, &excelize.Style{Font: font(true, size+4, ""), Alignment: &excelize.Alignment{Vertical: "center"}, Protection: locked})
	add(&s.heading, &excelize.Style{Font: font(true, size+1, ""), Alignment: &excelize.Alignment{Vertical: "bottom"}, Protection: locked})
	add(&s.para, &excelize.Style{Font: font(false, size, ""), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked})
	add(&s.paraBold, &excelize.Style{Font: font(true, size, ""), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked})
	add(&s.note, &excelize.Style{Font: font(false, size-1, "#404040"), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Protection: locked})

	add(&s.header, &excelize.Style{Font: font(true, size, ""), Fill: fill(w.spec.HeaderFill), Border: border, Alignment: wrap("center"), Protection: locked})
	add(&s.compHead, &excelize.Style{Font: font(true, size, ""), Fill: fill(w.spec.ComputedFill), Border: border, Alignment: wrap("center"), Protection: locked})
	add(&s.text, &excelize.Style{Font: font(false, size, ""), Border: border, Alignment: wrap("left"), Protection: locked})
	add(&s.center, &excelize.Style{Font: font(false, size, ""), Border: border, Alignment: wrap("center"), Protection: locked})
	add(&s.bold, &excelize.Style{Font: font(true, size, ""), Border: border, Alignment: wrap("left"), Protection: locked})
	add(&s.result, &excelize.Style{Font: font(true, size, ""), Border: border, Alignment: wrap("center"), Protection: locked})
	add(&s.resultTxt, &excelize.Style{Font: font(true, size, ""), Border: border, Alignment: wrap("left"), Protection: locked})

	add(&s.input, &excelize.Style{Font: font(false, size, ""), Fill: fill(w.spec.InputFill), Border: border, Alignment: wrap("left"), Protection: unlocked})
	add(&s.inputCenter, &excelize.Style{Font: font(false, size, ""), Fill: fill(w.spec.InputFill), Border: border, Alignment: wrap("center"), Protection: unlocked})
	date := "yyyy/mm/dd"
	add(&s.inputDate, &excelize.Style{Font: font(false, size, ""), Fill: fill(w.spec.InputFill), Border: border, Alignment: wrap("center"), Protection: unlocked, CustomNumFmt: &date})
	add(&s.inputNum, &excelize.Style{Font: font(true, size, ""), Fill: fill(w.spec.InputFill), Border: border, Alignment: wrap("center"), Protection: unlocked})

	s.bands = make([]int, len(w.spec.Bands))
	for i, b := range w.spec.Bands {
		if w.err != nil {
			return
		}
		id, err := w.f.NewConditionalStyle(&excelize.Style{
			Font: &excelize.Font{Bold: true, Color: b.Font},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{b.Fill}},
		})
		w.fail(err)
		s.bands[i] = id
	}
}
