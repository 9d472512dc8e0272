package xlsx

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sodan/internal/model"
)

// fill opens a written workbook, lets edit change it and returns the saved
// bytes.
func fill(tb testing.TB, data []byte, edit func(f *excelize.File)) []byte {
	tb.Helper()
	f := openBook(tb, data)
	defer f.Close()
	edit(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// ledgerCell is the ledger cell of column id in row r of book's layout.
func ledgerCell(book *model.Book, id string, r int) string {
	for i, c := range book.Risk.Columns {
		if c.ID == id {
			return cell(i+1, r)
		}
	}
	return cell(len(book.Risk.Columns)+1, r) // the treatment column
}

func set(tb testing.TB, f *excelize.File, sheet, ref string, v any) {
	tb.Helper()
	if err := f.SetCellValue(sheet, ref, v); err != nil {
		tb.Fatal(err)
	}
}

// answerRow is the 自社診断 row of question no.
func answerRow(tb testing.TB, f *excelize.File, no int) int {
	tb.Helper()
	rows, _ := f.GetRows(sheetCheck)
	for r, row := range rows {
		if len(row) > 0 && row[0] == strconv.Itoa(no) {
			return r + 1
		}
	}
	tb.Fatalf("no question %d", no)
	return 0
}

func TestReadFindsColumnsByTitle(t *testing.T) {
	book := loadBook(t)
	// Move the asset name to the end and C before it: the reader must find
	// the columns by their titles.
	cols := book.Risk.Columns
	var moved []model.LedgerColumn
	var asset, c model.LedgerColumn
	for _, col := range cols {
		switch col.ID {
		case "asset":
			asset = col
		case "c":
			c = col
		default:
			moved = append(moved, col)
		}
	}
	book.Risk.Columns = append(moved, c, asset)
	data := fill(t, writeBook(t, book), func(f *excelize.File) {
		set(t, f, sheetLedger, ledgerCell(book, "asset", 5), "顧客名簿")
		set(t, f, sheetLedger, ledgerCell(book, "business", 5), "営業")
		set(t, f, sheetLedger, ledgerCell(book, "c", 5), 3)
		set(t, f, sheetLedger, ledgerCell(book, "i", 5), 2)
		set(t, f, sheetLedger, ledgerCell(book, "pi", 5), "有")
		set(t, f, sheetLedger, ledgerCell(book, "threat", 5), 2)
		set(t, f, sheetLedger, ledgerCell(book, treatmentColumn, 5), " 移転 ")
		set(t, f, sheetLedger, ledgerCell(book, "c", 6), 1) // no asset name: skipped
		set(t, f, sheetCheck, cell(checkAnswer, answerRow(t, f, 3)), book.SelfCheck.Answers[1].Label.S)
	})
	got, errs := Read(bytes.NewReader(data), "filled.xlsx", book)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(got.Rows) != 1 {
		t.Fatalf("%d rows, want 1", len(got.Rows))
	}
	r := got.Rows[0]
	if r.Row != 5 || r.Asset.S != "顧客名簿" || r.Business.S != "営業" || r.C != 3 || r.I != 2 || r.Threat != 2 || !r.PersonalInfo[0] || r.Treatment.S != "移転" {
		t.Errorf("row = %+v", r)
	}
	if want := []string{"a", "vulnerability"}; strings.Join(r.Missing, ",") != strings.Join(want, ",") {
		t.Errorf("missing = %v, want %v", r.Missing, want)
	}
	if r.Asset.Loc.Field != "情報資産管理台帳!"+ledgerCell(book, "asset", 5) || r.Asset.Loc.Line != 5 {
		t.Errorf("asset loc = %+v", r.Asset.Loc)
	}
	if len(got.Answers) != 1 || got.Answers[3] != book.SelfCheck.Answers[1].Label.S {
		t.Errorf("answers = %v", got.Answers)
	}
}

func TestReadReportsBadValues(t *testing.T) {
	book := loadBook(t)
	useScale(t, book, "old") // values 2, 1, 0
	var ans int
	data := fill(t, writeBook(t, book), func(f *excelize.File) {
		for r := 4; r <= 8; r++ {
			set(t, f, sheetLedger, ledgerCell(book, "asset", r), "資産"+strconv.Itoa(r))
		}
		set(t, f, sheetLedger, ledgerCell(book, "c", 4), 3)
		set(t, f, sheetLedger, ledgerCell(book, "pi_sensitive", 5), "はい")
		set(t, f, sheetLedger, ledgerCell(book, "threat", 6), 4)
		set(t, f, sheetLedger, ledgerCell(book, "vulnerability", 7), "高")
		set(t, f, sheetLedger, ledgerCell(book, "a", 8), 0) // on the old scale, 0 is fine
		set(t, f, sheetLedger, ledgerCell(book, treatmentColumn, 8), "受容")
		ans = answerRow(t, f, 7)
		set(t, f, sheetCheck, cell(checkAnswer, ans), "はい")
	})
	got, errs := Read(bytes.NewReader(data), "f.xlsx", book)
	if got != nil {
		t.Error("a workbook with problems gave a result")
	}
	col := func(id string) string {
		c, _, _ := excelize.SplitCellName(ledgerCell(book, id, 1))
		n, _ := excelize.ColumnNameToNumber(c)
		return strconv.Itoa(n)
	}
	var lines []string
	for _, d := range errs.Sorted() {
		lines = append(lines, d.String())
	}
	want := []string{
		"f.xlsx:4:" + col("c") + ": 情報資産管理台帳!" + ledgerCell(book, "c", 4) + ": 機密性は 2・1・0 のどれかにしてください（尺度「",
		"f.xlsx:5:" + col("pi_sensitive") + ": 情報資産管理台帳!" + ledgerCell(book, "pi_sensitive", 5) + ": 要配慮個人情報は「有」か「無」で選んでください（いまは「はい」）",
		"f.xlsx:6:" + col("threat") + ": 情報資産管理台帳!" + ledgerCell(book, "threat", 6) + ": 脅威の発生頻度は 3・2・1 のどれかにしてください（いまは「4」）",
		"f.xlsx:7:" + col("vulnerability") + ": 情報資産管理台帳!" + ledgerCell(book, "vulnerability", 7) + ": 脆弱性は 3・2・1 のどれかにしてください（いまは「高」）",
		"f.xlsx:8:" + col(treatmentColumn) + ": 情報資産管理台帳!" + ledgerCell(book, treatmentColumn, 8) + ": 対応は「低減」・「回避」・「移転」・「保有」のどれかを選んでください（いまは「受容」）",
		"f.xlsx:" + strconv.Itoa(ans) + ":3: 自社診断!C" + strconv.Itoa(ans) + ": 設問 7 の回答は「実施している」・",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(lines), len(want), strings.Join(lines, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i, lines[i], w)
		}
	}
}

func TestReadRefusesOtherFiles(t *testing.T) {
	book := loadBook(t)
	noCheck := fill(t, writeBook(t, book), func(f *excelize.File) {
		if err := f.DeleteSheet(sheetCheck); err != nil {
			t.Fatal(err)
		}
	})
	renamed := fill(t, writeBook(t, book), func(f *excelize.File) {
		set(t, f, sheetLedger, ledgerCell(book, "c", ledgerHeaderRow), "秘密度")
	})
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"text", []byte("資産,機密性\n顧客名簿,3\n"), "x.xlsx: xlsx のブックとして開けません"},
		{"empty", nil, "x.xlsx: xlsx のブックとして開けません"},
		{"no sheet", noCheck, "x.xlsx: シート「自社診断」がありません"},
		{"renamed heading", renamed, "x.xlsx: シート「情報資産管理台帳」の 3 行目に見出し「機密性」がありません"},
	} {
		got, errs := Read(bytes.NewReader(c.data), "x.xlsx", book)
		if got != nil || len(errs) != 1 || !strings.HasPrefix(errs[0].String(), c.want) {
			t.Errorf("%s: got %v", c.name, errs)
		}
	}
}
