package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestSheetOrderAndProperties(t *testing.T) {
	book := loadBook(t)
	f := openBook(t, writeBook(t, book))
	if got := f.GetSheetList(); !slices.Equal(got, sheetOrder) {
		t.Errorf("sheets = %q, want %q", got, sheetOrder)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet = %d, want 0 (使い方)", f.GetActiveSheetIndex())
	}
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	date := book.Edition.Date.UTC().Format(time.RFC3339)
	if p.Creator != book.Edition.Publisher.S || p.Created != date || p.Modified != date {
		t.Errorf("creator %q created %q modified %q, want %q and %q", p.Creator, p.Created, p.Modified, book.Edition.Publisher.S, date)
	}
	if !strings.Contains(p.Title, book.Risk.Title.S) {
		t.Errorf("title %q does not name %q", p.Title, book.Risk.Title.S)
	}
	calc, err := f.GetCalcProps()
	if err != nil {
		t.Fatal(err)
	}
	if calc.FullCalcOnLoad == nil || !*calc.FullCalcOnLoad {
		t.Error("FullCalcOnLoad is not set")
	}
	styles := readPart(t, writeBook(t, book), "xl/styles.xml")
	if !strings.Contains(styles, `val="BIZ UDPゴシック"`) {
		t.Error("default font is not BIZ UDPゴシック")
	}
}

// readPart returns one part of the xlsx package.
func readPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	_, parts := zipParts(t, data)
	b, ok := parts[name]
	if !ok {
		t.Fatalf("the package has no part %s", name)
	}
	return string(b)
}

// zipParts reads every part of the xlsx package data: the names in the
// package's order and the contents by name.
func zipParts(t testing.TB, data []byte) (names []string, parts map[string][]byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts = map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		names = append(names, f.Name)
		parts[f.Name] = b
	}
	return names, parts
}

func TestLedgerValidations(t *testing.T) {
	book := loadBook(t)
	w, _, f := saved(t, book)
	p := w.ledger
	if got := p.last - p.first + 1; got < bundledLook().LedgerRows {
		t.Errorf("ledger has %d rows, want at least %d", got, bundledLook().LedgerRows)
	}
	for _, sh := range []string{sheetLedger, sheetExample} {
		dvs, err := f.GetDataValidations(sh)
		if err != nil {
			t.Fatal(err)
		}
		bySqref := map[string]*excelize.DataValidation{}
		for _, dv := range dvs {
			bySqref[dv.Sqref] = dv
		}
		plan := p
		if sh == sheetExample {
			plan = w.example
		}
		lists := map[string]string{
			"pi": nameYesNo, "pi_sensitive": nameYesNo, "pi_mynumber": nameYesNo,
			"c": nameLevels, "i": nameLevels, "a": nameLevels,
			"threat": nameThreat, "vulnerability": nameVuln,
			"medium": nameMedia, treatmentColumn: nameTreatments,
		}
		for _, c := range plan.cols {
			sqref := cell(c.col, plan.first) + ":" + cell(c.col, plan.last)
			dv := bySqref[sqref]
			if c.kind.computed() {
				if dv != nil {
					t.Errorf("%s %s: computed column has a validation", sh, c.id)
				}
				continue
			}
			if dv == nil {
				t.Errorf("%s %s: no validation on %s", sh, c.id, sqref)
				continue
			}
			if dv.PromptTitle == nil || dv.Prompt == nil || !dv.ShowInputMessage || !hasJapanese(*dv.Prompt) {
				t.Errorf("%s %s: no Japanese input message", sh, c.id)
			} else if !strings.Contains(*dv.Prompt, c.help) {
				t.Errorf("%s %s: input message %q lacks the column help %q", sh, c.id, *dv.Prompt, c.help)
			}
			if dv.ShowDropDown {
				t.Errorf("%s %s: ShowDropDown is set (Excel hides the arrow)", sh, c.id)
			}
			list, ok := lists[c.id]
			if !ok {
				continue
			}
			if dv.Type != "list" || dv.Formula1 != list {
				t.Errorf("%s %s: validation %s %q, want a list from %s", sh, c.id, dv.Type, dv.Formula1, list)
			}
			if dv.Error == nil || dv.ErrorTitle == nil || !dv.ShowErrorMessage || !hasJapanese(*dv.Error) {
				t.Errorf("%s %s: no Japanese error alert", sh, c.id)
			}
		}
		if dv := bySqref[cell(p.byID["c"], plan.first)+":"+cell(p.byID["c"], plan.last)]; dv != nil && dv.Prompt != nil {
			for _, l := range w.scale.Levels {
				if !strings.Contains(*dv.Prompt, l.Label.S) {
					t.Errorf("%s 機密性 input message %q does not explain level %s", sh, *dv.Prompt, l.Label.S)
				}
			}
		}
	}
	dvs, err := f.GetDataValidations(sheetCheck)
	if err != nil {
		t.Fatal(err)
	}
	if len(dvs) != 1 || dvs[0].Formula1 != nameAnswers || dvs[0].Error == nil || dvs[0].Prompt == nil {
		t.Fatalf("自社診断 validations = %+v, want one list from %s with messages", dvs, nameAnswers)
	}
	for _, a := range w.check.answers {
		if !inSqref(dvs[0].Sqref, a) {
			t.Errorf("answer cell %s is outside the drop-down %s", a, dvs[0].Sqref)
		}
	}
}

// inSqref reports whether cell c lies in one of the column ranges of sqref.
func inSqref(sqref, c string) bool {
	col, row, _ := excelize.CellNameToCoordinates(c)
	for _, r := range strings.Fields(sqref) {
		from, to, _ := strings.Cut(r, ":")
		c1, r1, _ := excelize.CellNameToCoordinates(from)
		c2, r2, _ := excelize.CellNameToCoordinates(to)
		if col >= c1 && col <= c2 && row >= r1 && row <= r2 {
			return true
		}
	}
	return false
}

func TestBandColours(t *testing.T) {
	book := loadBook(t)
	w, _, f := saved(t, book)
	p := w.ledger
	cfs, err := f.GetConditionalFormats(sheetLedger)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"risk", "judgement"} {
		c := p.byID[id]
		rules := cfs[cell(c, p.first)+":"+cell(c, p.last)]
		if len(rules) != len(book.Risk.Scale.Bands) {
			t.Errorf("%s: %d conditional formats, want one per band", id, len(rules))
			continue
		}
		for _, r := range rules {
			if r.Type != "formula" || !strings.Contains(r.Criteria, nameBandLabel) || r.Format == nil {
				t.Errorf("%s: rule %+v does not compare with %s", id, r, nameBandLabel)
			}
		}
	}
	// The band fills differ in lightness enough for black-and-white print.
	var last float64 = -1
	for i, b := range bundledLook().Bands {
		l := luminance(b.Fill)
		if i > 0 && l-last < 0.25 {
			t.Errorf("band %d fill %s is too close in lightness to the one above", i, b.Fill)
		}
		last = l
	}
}

// luminance is the relative lightness 0–1 of "#RRGGBB" (Rec. 601 weights,
// as a grey printer would see it).
func luminance(hex string) float64 {
	var r, g, b int
	for i, p := range []*int{&r, &g, &b} {
		v := hex[1+2*i : 3+2*i]
		for _, ch := range strings.ToUpper(v) {
			*p = *p*16 + strings.IndexRune("0123456789ABCDEF", ch)
		}
	}
	return (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(b)) / 255
}

func TestProtectionAndLocks(t *testing.T) {
	book := loadBook(t)
	w, data, f := saved(t, book)
	p := w.ledger
	for i, sh := range sheetOrder {
		xml := readPart(t, data, "xl/worksheets/sheet"+string(rune('1'+i))+".xml")
		m := regexp.MustCompile(`<sheetProtection[^>]*>`).FindString(xml)
		if !strings.Contains(m, `sheet="1"`) && !strings.Contains(m, `sheet="true"`) || strings.Contains(m, "assword") || strings.Contains(m, "hashValue") {
			t.Errorf("%s: protection %q, want on without a password", sh, m)
		}
		opts, err := f.GetSheetProtection(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !opts.SelectLockedCells || !opts.SelectUnlockedCells || !opts.FormatColumns || opts.FormatCells {
			t.Errorf("%s: protection allows %+v", sh, opts)
		}
	}
	locked := func(sh, c string) bool {
		id, err := f.GetCellStyle(sh, c)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Protection == nil || st.Protection.Locked
	}
	for _, c := range p.cols {
		for _, r := range []int{p.first, p.last} {
			if got, want := locked(sheetLedger, cell(c.col, r)), c.kind.computed(); got != want {
				t.Errorf("台帳 %s%d (%s): locked = %v, want %v", colName(c.col), r, c.id, got, want)
			}
		}
		if !locked(sheetLedger, cell(c.col, ledgerHeaderRow)) {
			t.Errorf("台帳 heading %s is not locked", c.id)
		}
	}
	for i, a := range w.check.answers {
		if locked(sheetCheck, a) || !locked(sheetCheck, w.check.points[i]) {
			t.Errorf("自社診断 question %d: answer must be unlocked, points locked", i+1)
		}
	}
	for _, c := range bandMinCells(t, w) {
		if locked(sheetCriteria, c) {
			t.Errorf("評価基準 band minimum %s is locked", c)
		}
	}
}

func TestFreezeAndPrint(t *testing.T) {
	book := loadBook(t)
	f := openBook(t, writeBook(t, book))
	for sh, y := range map[string]int{sheetLedger: ledgerHeaderRow, sheetExample: ledgerHeaderRow} {
		panes, err := f.GetPanes(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != y {
			t.Errorf("%s: panes %+v, want frozen below row %d", sh, panes, y)
		}
	}
	if panes, _ := f.GetPanes(sheetCheck); !panes.Freeze || panes.YSplit == 0 {
		t.Errorf("自社診断: panes %+v, want the heading frozen", panes)
	}
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, sh := range []string{sheetLedger, sheetExample} {
		if want := "'" + sh + "'!$2:$3"; titles[sh] != want {
			t.Errorf("%s: Print_Titles = %q, want %q", sh, titles[sh], want)
		}
	}
	if titles[sheetCheck] == "" {
		t.Error("自社診断 has no Print_Titles")
	}
	for _, sh := range sheetOrder {
		pl, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Size == nil || *pl.Size != a4 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v, want A4 landscape one page wide", sh, pl)
		}
		props, err := f.GetSheetProps(sh)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: FitToPage is not set", sh)
		}
		hf, err := f.GetHeaderFooter(sh)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(hf.OddFooter, "&A &P / &N") {
			t.Errorf("%s: footer %q lacks sheet name and page", sh, hf.OddFooter)
		}
		m, err := f.GetPageMargins(sh)
		if err != nil {
			t.Fatal(err)
		}
		if m.Left == nil || *m.Left <= 0 || m.Top == nil || *m.Top <= 0 {
			t.Errorf("%s: margins %+v", sh, m)
		}
	}
}

func TestFormulas(t *testing.T) {
	book := loadBook(t)
	w, data, f := saved(t, book)
	p := w.ledger
	names := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		names[d.Name] = true
	}
	for _, n := range []string{nameLevels, nameThreat, nameVuln, nameTable, nameTableThreat, nameTableVuln,
		nameBandMin, nameBandLabel, nameYesNo, nameMedia, nameTreatments, nameAnswers, namePoints, nameDiagMin, nameDiagLabel} {
		if !names[n] {
			t.Errorf("defined name %s is missing", n)
		}
	}
	lik, err := f.GetCellFormula(sheetLedger, p.ref("likelihood", p.last))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(lik, "INDEX("+nameTable) || strings.Contains(lik, p.ref("threat", p.last)+"*") {
		t.Errorf("被害発生可能性 = %q, want a lookup in %s", lik, nameTable)
	}
	judge, _ := f.GetCellFormula(sheetLedger, p.ref("judgement", p.last))
	if !strings.Contains(judge, nameBandMin) {
		t.Errorf("判定 = %q, want it to read %s", judge, nameBandMin)
	}
	// No array constants anywhere: excelize and some readers mishandle them.
	order, parts := zipParts(t, data)
	formula := regexp.MustCompile(`<f>([^<]*)</f>`)
	n := 0
	for _, part := range order {
		if !strings.HasPrefix(part, "xl/worksheets/") {
			continue
		}
		for _, m := range formula.FindAllStringSubmatch(string(parts[part]), -1) {
			n++
			if strings.ContainsAny(m[1], "{}") {
				t.Errorf("%s: array constant in formula %s", part, m[1])
			}
		}
	}
	if want := 4 * (bundledLook().LedgerRows + len(book.Risk.Examples)); n < want {
		t.Errorf("%d formulas, want at least %d", n, want)
	}
}

func TestReproducible(t *testing.T) {
	book := loadBook(t)
	a := writeBook(t, book)
	for i := range 5 {
		if !bytes.Equal(a, writeBook(t, book)) {
			t.Fatalf("write %d of the same book differs from the first", i+2)
		}
	}
	useScale(t, book, "old")
	if bytes.Equal(a, writeBook(t, book)) {
		t.Fatal("the old scale gives the same bytes as the current one")
	}
}

// TestFormulaLikeTextIsString puts source texts that start with = + - @
// into the example and checks they are written as strings.
func TestFormulaLikeTextIsString(t *testing.T) {
	book := loadBook(t)
	e := &book.Risk.Examples[0]
	e.Asset.S = `=HYPERLINK("https://example.com","x")`
	e.Note.S = "+81-3-0000-0000"
	e.Users.S = "-全社員"
	e.Owner.S = "@総務"
	w, _, f := saved(t, book)
	p := w.example
	for id, want := range map[string]string{"asset": e.Asset.S, "note": e.Note.S, "users": e.Users.S, "owner": e.Owner.S} {
		c := p.ref(id, p.first)
		if got, _ := f.GetCellFormula(sheetExample, c); got != "" {
			t.Errorf("%s %s: written as formula %q", id, c, got)
		}
		if got, _ := f.GetCellValue(sheetExample, c); got != want {
			t.Errorf("%s %s = %q, want %q", id, c, got, want)
		}
		if typ, _ := f.GetCellType(sheetExample, c); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s %s: cell type %v, want a string", id, c, typ)
		}
	}
}

func TestGuideText(t *testing.T) {
	book := loadBook(t)
	useScale(t, book, "old")
	f := openBook(t, writeBook(t, book))
	rows, err := f.GetRows(sheetGuide)
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range rows {
		all.WriteString(strings.Join(r, " "))
		all.WriteString("\n")
	}
	text := all.String()
	musts := []string{book.Risk.Scale.Name.S, "脅威の状況", "対策状況チェック", "ドロップダウン", book.Risk.PersonalInfoNote.S}
	for _, tr := range book.Risk.Treatments {
		musts = append(musts, tr.Name.S)
	}
	for _, m := range musts {
		if !strings.Contains(text, m) {
			t.Errorf("使い方 does not mention %q", m)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	book := loadBook(b)
	look := bundledLook()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, book, look); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes/file")
}

// TestMerges checks merged ranges do not overlap (Excel calls such a file
// damaged) and that only their top-left cell holds a value or formula in
// the stored XML (excelize's getters report the top-left value for every
// cell of a merge, so the XML is read directly).
func TestMerges(t *testing.T) {
	filled := regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>(.*?)</c>)`)
	for _, id := range []string{"current", "old"} {
		book := loadBook(t)
		useScale(t, book, id)
		data := writeBook(t, book)
		f := openBook(t, data)
		for i, sh := range sheetOrder {
			held := map[string]bool{}
			for _, m := range filled.FindAllStringSubmatch(readPart(t, data, "xl/worksheets/sheet"+string(rune('1'+i))+".xml"), -1) {
				if strings.Contains(m[2], "<v>") || strings.Contains(m[2], "<f>") || strings.Contains(m[2], "<is>") {
					held[m[1]] = true
				}
			}
			merges, err := f.GetMergeCells(sh)
			if err != nil {
				t.Fatal(err)
			}
			type box struct{ c1, r1, c2, r2 int }
			var boxes []box
			for _, m := range merges {
				c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
				c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
				b := box{c1, r1, c2, r2}
				for _, o := range boxes {
					if b.c1 <= o.c2 && o.c1 <= b.c2 && b.r1 <= o.r2 && o.r1 <= b.r2 {
						t.Errorf("%s %s: merged %v overlaps %v", id, sh, b, o)
					}
				}
				boxes = append(boxes, b)
				for r := r1; r <= r2; r++ {
					for c := c1; c <= c2; c++ {
						if (c != c1 || r != r1) && held[cell(c, r)] {
							t.Errorf("%s %s: %s inside merged %s holds a value", id, sh, cell(c, r), m.GetStartAxis())
						}
					}
				}
			}
			if len(held) == 0 {
				t.Errorf("%s %s: no filled cells found in the XML", id, sh)
			}
		}
	}
}
