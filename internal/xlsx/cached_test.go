package xlsx

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestWithCachedValues(t *testing.T) {
	in := `<cols><col min="1" max="1" width="6"></col></cols><sheetData><row r="1">` +
		`<c r="A1" s="3" t="s"><v>0</v></c>` +
		`<c r="B1" s="11" t="str"><f>IF(A1=&#34;&#34;,&#34;&#34;,A1*2)</f></c>` +
		`<c r="C1" t="str"><f>LOOKUP(B1,判定下限,判定ラベル)</f></c>` +
		`<c r="D1" s="2" t="str"><f>IF(A1=&#34;&#34;,&#34;&#34;,1)</f></c>` +
		`<c r="E1" s="2"></c><c r="F1" s="2"/></row></sheetData>`
	cells := map[string]formulaCell{
		"B1": {`IF(A1="","",A1*2)`, cachedNumber(6)},
		"C1": {`LOOKUP(B1,判定下限,判定ラベル)`, cachedText(`<大&"中">`)},
		"D1": {`IF(A1="","",1)`, blank},
	}
	want := `<cols><col min="1" max="1" width="6"></col></cols><sheetData><row r="1">` +
		`<c r="A1" s="3" t="s"><v>0</v></c>` +
		`<c r="B1" s="11"><f>IF(A1=&#34;&#34;,&#34;&#34;,A1*2)</f><v>6</v></c>` +
		`<c r="C1" t="str"><f>LOOKUP(B1,判定下限,判定ラベル)</f><v>&lt;大&amp;&#34;中&#34;&gt;</v></c>` +
		`<c r="D1" s="2" t="str"><f>IF(A1=&#34;&#34;,&#34;&#34;,1)</f><v></v></c>` +
		`<c r="E1" s="2"></c><c r="F1" s="2"/></row></sheetData>`
	got, err := withCachedValues([]byte(in), cells)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got, err := withCachedValues([]byte(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`), nil); err != nil || !strings.Contains(string(got), `<c r="A1"><v>1</v></c>`) {
		t.Errorf("a sheet without formulas: %s, %v", got, err)
	}

	// Anything the writer did not make is refused, not guessed at.
	f := formulaCell{"A1*2", cachedNumber(2)}
	bad := []struct {
		name, xml string
		cells     map[string]formulaCell
		err       string
	}{
		{"formula not recorded", `<c r="B1" t="str"><f>A1*2</f></c>`, map[string]formulaCell{}, "B1: formula without a cached value"},
		{"recorded cell missing", `<c r="B1" s="1"></c>`, map[string]formulaCell{"B1": f}, "no formula cell B1"},
		{"other formula", `<c r="B1" t="str"><f>A1*3</f></c>`, map[string]formulaCell{"B1": f}, "was computed for"},
		{"value already there", `<c r="B1" t="str"><f>A1*2</f><v>2</v></c>`, map[string]formulaCell{"B1": f}, "unexpected formula cell"},
		{"shared formula", `<c r="B1" t="str"><f t="shared" si="0">A1*2</f></c>`, map[string]formulaCell{"B1": f}, "unexpected formula cell"},
		{"not typed str", `<c r="B1" s="1"><f>A1*2</f></c>`, map[string]formulaCell{"B1": f}, "unexpected formula cell"},
		{"cut short", `<c r="B1" t="str"><f>A1*2</f>`, map[string]formulaCell{"B1": f}, "unterminated cell"},
	}
	for _, b := range bad {
		if _, err := withCachedValues([]byte(b.xml), b.cells); err == nil || !strings.Contains(err.Error(), b.err) {
			t.Errorf("%s: err = %v, want %q", b.name, err, b.err)
		}
	}
}

// formulaXML is a formula cell as written: its type attribute and raw
// cached value; has is false for a formula without <v>.
type formulaXML struct {
	typ, value string
	has        bool
}

var (
	formulaCellXML = regexp.MustCompile(`(?s)<c r="([A-Z]+[0-9]+)"([^>]*)>(<f[ >].*?)</c>`)
	typeAttr       = regexp.MustCompile(` t="([^"]*)"`)
)

// formulaCells lists the formula cells of a worksheet part by reference.
func formulaCells(part string) map[string]formulaXML {
	out := map[string]formulaXML{}
	for _, m := range formulaCellXML.FindAllStringSubmatch(part, -1) {
		var fx formulaXML
		if t := typeAttr.FindStringSubmatch(m[2]); t != nil {
			fx.typ = t[1]
		}
		if _, v, ok := strings.Cut(m[3], "<v>"); ok {
			fx.value, _, _ = strings.Cut(v, "</v>")
			fx.has = true
		}
		out[m[1]] = fx
	}
	return out
}

// TestCachedValues reads the generated workbook without a calculation
// engine, straight from its XML and with excelize's GetCellValue, and
// finds on every formula cell the value the model gives: the examples'
// assessments, blanks on the empty ledger and the unanswered
// self-diagnosis, zero counts and the band names on 集計.
func TestCachedValues(t *testing.T) {
	for _, id := range []string{"current", "old"} {
		t.Run(id, func(t *testing.T) {
			book := loadBook(t)
			useScale(t, book, id)
			w, data, f := saved(t, book)
			total := 0
			for i, sh := range sheetOrder {
				cells := formulaCells(readPart(t, data, "xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml"))
				if len(cells) != len(w.cache[sh]) {
					t.Errorf("%s: %d formula cells in the XML, the writer set %d", sh, len(cells), len(w.cache[sh]))
				}
				for ref, fx := range cells {
					total++
					want := w.cache[sh][ref].value
					switch {
					case !fx.has:
						t.Errorf("%s!%s: formula without <v>", sh, ref)
					case want.isNum && (fx.typ != "" || fx.value != strconv.Itoa(want.number)):
						t.Errorf("%s!%s: t=%q <v>%s</v>, want the number %d", sh, ref, fx.typ, fx.value, want.number)
					case !want.isNum && fx.typ != "str":
						t.Errorf("%s!%s: t=%q, want str for the text %q", sh, ref, fx.typ, want.text)
					}
					got, err := f.GetCellValue(sh, ref)
					if err != nil {
						t.Fatal(err)
					}
					if s := show(want); got != s {
						t.Errorf("%s!%s: GetCellValue = %q, want %q", sh, ref, got, s)
					}
				}
			}
			if want := 4*(bundledLook().LedgerRows+len(book.Risk.Examples)) + book.SelfCheck.ItemCount(); total < want {
				t.Errorf("%d formula cells, want at least %d", total, want)
			}

			// What the cached values say, sheet by sheet.
			at := func(sh string, col, row int) string {
				v, err := f.GetCellValue(sh, cell(col, row))
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			ex := w.example
			for i, e := range book.Risk.Examples {
				if got, want := [4]string{
					at(sheetExample, ex.byID["importance"], ex.first+i), at(sheetExample, ex.byID["likelihood"], ex.first+i),
					at(sheetExample, ex.byID["risk"], ex.first+i), at(sheetExample, ex.byID["judgement"], ex.first+i),
				}, want(book.Risk.AssessExample(book.Risk.Scale, e)); got != want {
					t.Errorf("記入例 %s: cached %q, the model assesses %q", e.Asset.S, got, want)
				}
			}
			led := w.ledger
			for r := led.first; r <= led.last; r++ {
				for _, id := range []string{"importance", "likelihood", "risk", "judgement"} {
					if v := at(sheetLedger, led.byID[id], r); v != "" {
						t.Fatalf("台帳 %s%d: cached %q on an empty row", colName(led.byID[id]), r, v)
					}
				}
			}
			c := w.check
			n := book.SelfCheck.ItemCount()
			if got, want := at(sheetCheck, checkText, c.band), "未回答の設問が "+strconv.Itoa(n)+" 問あります。すべて答えると判定が出ます。"; got != want {
				t.Errorf("自社診断 judgement cached %q, want %q", got, want)
			}
			if got := at(sheetCheck, checkPoints, c.count); got != "0" {
				t.Errorf("自社診断 answered cached %q, want 0", got)
			}
			for _, r := range append([]int{c.total}, c.subtotal...) {
				if got := at(sheetCheck, checkPoints, r); got != "" {
					t.Errorf("自社診断 row %d cached %q, want blank", r, got)
				}
			}
		})
	}
}

// show is how a cached value reads back.
func show(c cached) string {
	if c.isNum {
		return strconv.Itoa(c.number)
	}
	return c.text
}
