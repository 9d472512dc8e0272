package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"sodan/internal/diag"
	"sodan/internal/model"
	"sodan/internal/xlsx/zipcheck"
)

// Read reads a filled-in risk-analysis workbook from r (shown to the user
// as name): the input cells of the 情報資産管理台帳 sheet (with the 対応
// chosen), rows with an asset name only, and the answers on the 自社診断
// sheet. Columns are found
// by the titles of book.Risk.Columns in the heading rows, not by fixed
// letters, and only input values are read: results are computed in Go.
//
// Every value is checked against the scale in use, the treatments and the
// answer labels;
// each problem is positioned at the cell, as name:ROW:COL with the field
// 情報資産管理台帳!K12. A file that is not an xlsx workbook, is damaged
// (see zipcheck), is larger than the limits, or lacks a sheet or a column,
// gives one problem saying so. Filled is nil when there is any problem.
func Read(r io.Reader, name string, book *model.Book) (*model.Filled, diag.List) {
	var errs diag.List
	fail := func(format string, args ...any) (*model.Filled, diag.List) {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: name}, Msg: fmt.Sprintf(format, args...)})
		return nil, errs
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return fail("ファイルを読めません（%v）", err)
	}
	if err := zipcheck.Check(data); err != nil {
		return fail("%s", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), readOptions())
	if err != nil {
		return fail("xlsx のブックとして開けません（%v）。sodan build で作ったリスク分析シート（.xlsx）に記入したものを指定してください", err)
	}
	defer f.Close()
	for _, sh := range []string{sheetLedger, sheetCheck} {
		if i, err := f.GetSheetIndex(sh); err != nil || i < 0 {
			return fail("シート「%s」がありません。sodan build で作ったリスク分析シートに記入したものを指定してください", sh)
		}
	}
	rd := &reader{name: name, book: book, scale: book.Risk.Scale, errs: &errs}
	out := &model.Filled{File: name, Answers: map[int]string{}}
	if p, err := f.GetDocProps(); err == nil && p.Modified != "" {
		if t, err := time.Parse(time.RFC3339, p.Modified); err == nil {
			out.Saved = t.UTC()
		}
	}
	ledger, err := f.GetRows(sheetLedger, excelize.Options{RawCellValue: true})
	if err != nil {
		return fail("シート「%s」を読めません（%v）", sheetLedger, err)
	}
	check, err := f.GetRows(sheetCheck, excelize.Options{RawCellValue: true})
	if err != nil {
		return fail("シート「%s」を読めません（%v）", sheetCheck, err)
	}
	if !rd.ledger(ledger, out) || !rd.answers(check, out) {
		return nil, errs
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// MaxFileSize is the largest .xlsx file read, in bytes.
const MaxFileSize = zipcheck.MaxFileSize

// readOptions tells excelize to keep every part in memory: verify has
// already bounded them. With its defaults it copies parts over 16 MB to
// temporary files, which an interrupted report would leave behind.
func readOptions() excelize.Options {
	return excelize.Options{UnzipSizeLimit: zipcheck.MaxInflated, UnzipXMLSizeLimit: zipcheck.MaxInflated}
}

// reader carries one workbook being read.
type reader struct {
	name  string
	book  *model.Book
	scale *model.Scale
	errs  *diag.List
}

// at records a problem with the cell at column col (1-based) of row on
// sheet.
func (rd *reader) at(sheet string, col, row int, format string, args ...any) {
	rd.errs.Add(diag.Diagnostic{Pos: diag.Pos{File: rd.name, Line: row, Col: col},
		Field: sheet + "!" + cell(col, row), Msg: fmt.Sprintf(format, args...)})
}

// whole records a problem with the workbook as a whole.
func (rd *reader) whole(format string, args ...any) {
	rd.errs.Add(diag.Diagnostic{Pos: diag.Pos{File: rd.name}, Msg: fmt.Sprintf(format, args...)})
}

// value is the trimmed text of the cell at 1-based col and row in rows.
func value(rows [][]string, col, row int) string {
	if row < 1 || row > len(rows) || col < 1 || col > len(rows[row-1]) {
		return ""
	}
	return strings.TrimSpace(rows[row-1][col-1])
}

// headingRows is how far down the heading row is looked for.
const headingRows = 20

// readColumns are the ledger columns the report reads.
var readColumns = []string{"business", "asset", "medium", "pi", "pi_sensitive", "pi_mynumber", "c", "i", "a", "threat", "vulnerability"}

// ledger reads the asset ledger into out. It returns false when the sheet
// is not laid out as a ledger (a heading is missing).
func (rd *reader) ledger(rows [][]string, out *model.Filled) bool {
	titles := map[string]string{treatmentColumn: "対応"}
	for _, c := range rd.book.Risk.Columns {
		titles[c.ID] = c.Title.S
	}
	// The heading row is the one holding the asset name's title; a column
	// without a group has its title merged over two rows, so the row above
	// is looked at too.
	header := 0
	for r := 1; r <= min(len(rows), headingRows) && header == 0; r++ {
		for _, v := range rows[r-1] {
			if strings.TrimSpace(v) == titles["asset"] {
				header = r
				break
			}
		}
	}
	if header == 0 {
		rd.whole("シート「%s」に見出し「%s」がありません。sodan build で作ったリスク分析シートに記入したものを指定してください", sheetLedger, titles["asset"])
		return false
	}
	col := map[string]int{}
	var missing []string
	for _, id := range append(readColumns, treatmentColumn) {
		for _, r := range []int{header, header - 1} {
			for c := 1; c <= len(rows[max(r, 1)-1]) && col[id] == 0; c++ {
				if value(rows, c, r) == titles[id] {
					col[id] = c
				}
			}
		}
		if col[id] == 0 {
			missing = append(missing, "「"+titles[id]+"」")
		}
	}
	if len(missing) > 0 {
		rd.whole("シート「%s」の %d 行目に見出し%sがありません。列の見出しは書き換えないでください", sheetLedger, header, strings.Join(missing, "・"))
		return false
	}
	for r := header + 1; r <= len(rows); r++ {
		if value(rows, col["asset"], r) == "" {
			continue
		}
		out.Rows = append(out.Rows, rd.row(rows, r, col, titles))
	}
	return true
}

// row reads and checks one ledger row.
func (rd *reader) row(rows [][]string, r int, col map[string]int, titles map[string]string) model.FilledRow {
	text := func(id string) model.Text {
		c := col[id]
		return model.Text{S: value(rows, c, r), Loc: diag.Loc{Pos: diag.Pos{File: rd.name, Line: r, Col: c}, Field: sheetLedger + "!" + cell(c, r)}}
	}
	fr := model.FilledRow{Row: r, Business: text("business"), Asset: text("asset"), Medium: text("medium"), Treatment: text(treatmentColumn)}
	if v := fr.Treatment.S; v != "" && !rd.treatment(v) {
		names := make([]string, len(rd.book.Risk.Treatments))
		for i, t := range rd.book.Risk.Treatments {
			names[i] = "「" + t.Name.S + "」"
		}
		rd.at(sheetLedger, col[treatmentColumn], r, "%sは%sのどれかを選んでください（いまは「%s」）", titles[treatmentColumn], strings.Join(names, "・"), v)
	}
	fr.PersonalInfo = make([]bool, len(rd.book.Risk.PersonalInfo))
	for i := range fr.PersonalInfo {
		id := flagIDs[i]
		switch v := value(rows, col[id], r); v {
		case "", no:
		case yes:
			fr.PersonalInfo[i] = true
		default:
			rd.at(sheetLedger, col[id], r, "%sは「%s」か「%s」で選んでください（いまは「%s」）", titles[id], yes, no, v)
		}
	}
	levels := rd.scale.Values()
	allowed := make([]string, len(levels))
	for i, v := range levels {
		allowed[i] = strconv.Itoa(v)
	}
	num := func(id string, ok func(int) bool, want, note string) int {
		v := value(rows, col[id], r)
		if v == "" {
			fr.Missing = append(fr.Missing, id)
			return 0
		}
		n, err := strconv.Atoi(v)
		if err != nil || !ok(n) {
			rd.at(sheetLedger, col[id], r, "%sは %s のどれかにしてください（%sいまは「%s」）", titles[id], want, note, v)
		}
		return n
	}
	inScale := func(n int) bool {
		for _, v := range levels {
			if n == v {
				return true
			}
		}
		return false
	}
	oneToThree := func(n int) bool { return n >= 1 && n <= 3 }
	values, note := strings.Join(allowed, "・"), "尺度「"+rd.scale.Name.S+"」。"
	fr.C = num("c", inScale, values, note)
	fr.I = num("i", inScale, values, note)
	fr.A = num("a", inScale, values, note)
	fr.Threat = num("threat", oneToThree, "3・2・1", "")
	fr.Vulnerability = num("vulnerability", oneToThree, "3・2・1", "")
	return fr
}

// treatment reports whether name is one of the treatments in the sources.
func (rd *reader) treatment(name string) bool {
	for _, t := range rd.book.Risk.Treatments {
		if t.Name.S == name {
			return true
		}
	}
	return false
}

// answers reads the self-diagnosis: the heading row has "No." and "回答";
// below it, each row whose first column is a question number holds that
// question's answer.
func (rd *reader) answers(rows [][]string, out *model.Filled) bool {
	sc := &rd.book.SelfCheck
	header, noCol, ansCol := 0, 0, 0
	for r := 1; r <= min(len(rows), headingRows) && header == 0; r++ {
		for c := range rows[r-1] {
			switch value(rows, c+1, r) {
			case "No.":
				noCol = c + 1
			case "回答":
				ansCol = c + 1
			}
		}
		if noCol > 0 && ansCol > 0 {
			header = r
		} else {
			noCol, ansCol = 0, 0
		}
	}
	if header == 0 {
		rd.whole("シート「%s」に見出し「No.」「回答」の行がありません。sodan build で作ったリスク分析シートに記入したものを指定してください", sheetCheck)
		return false
	}
	labels := make([]string, len(sc.Answers))
	for i, a := range sc.Answers {
		labels[i] = "「" + a.Label.S + "」"
	}
	n := sc.ItemCount()
	for r := header + 1; r <= len(rows); r++ {
		no, err := strconv.Atoi(value(rows, noCol, r))
		if err != nil || no < 1 || no > n {
			continue
		}
		v := value(rows, ansCol, r)
		if v == "" {
			continue
		}
		if _, ok := sc.Points(v); !ok {
			rd.at(sheetCheck, ansCol, r, "設問 %d の回答は%sのどれかを選んでください（いまは「%s」）", no, strings.Join(labels, "・"), v)
			continue
		}
		out.Answers[no] = v
	}
	return true
}
