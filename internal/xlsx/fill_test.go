package xlsx

import (
	"bytes"
	"strings"
	"testing"
)

// TestWriteFilled types a ledger row and two answers into the workbook and
// reads them back with Read, as the report does.
func TestWriteFilled(t *testing.T) {
	book := loadBook(t)
	var buf bytes.Buffer
	e := Entries{
		Ledger:  []map[string]any{{"business": "営業", "asset": "顧客名簿", "medium": "紙", "c": 2, "i": 3, "a": 1, "threat": 2, "vulnerability": 3, "pi": "有"}},
		Answers: map[int]string{1: book.SelfCheck.Answers[0].Label.S, 3: book.SelfCheck.Answers[1].Label.S},
	}
	if err := WriteFilled(&buf, book, bundledLook(), e); err != nil {
		t.Fatal(err)
	}
	f, errs := Read(bytes.NewReader(buf.Bytes()), "filled.xlsx", book)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, r := range f.Rows {
		if r.Asset.S != "" {
			got = append(got, r.Business.S+"/"+r.Asset.S+"/"+r.Medium.S)
			if r.C != 2 || r.I != 3 || r.A != 1 || r.Threat != 2 || r.Vulnerability != 3 || !r.PersonalInfo[0] {
				t.Errorf("row %d: %+v", r.Row, r)
			}
		}
	}
	if strings.Join(got, ",") != "営業/顧客名簿/紙" {
		t.Errorf("ledger rows %q", got)
	}
	if len(f.Answers) != 2 || f.Answers[1] != e.Answers[1] || f.Answers[3] != e.Answers[3] {
		t.Errorf("answers %v", f.Answers)
	}
	if err := WriteFilled(&buf, book, bundledLook(), Entries{Ledger: []map[string]any{{"nosuch": "x"}}}); err == nil {
		t.Error("a column the ledger does not have was accepted")
	}
}
