package xlsx_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"

	"sodan/internal/layout/spec"
	"sodan/internal/model"
	"sodan/internal/source"
	"sodan/internal/xlsx"
)

// Write the workbook for the bundled sources and list its sheets.
func ExampleWrite() {
	raw, errs := source.Load(os.DirFS("../../sources"), "sources")
	if len(errs) > 0 {
		fmt.Println(errs)
		return
	}
	book, errs := model.Build(raw)
	if len(errs) > 0 {
		fmt.Println(errs)
		return
	}
	look, errs := spec.ReadWorkbook(os.DirFS("../../layouts"), "layouts", book.Risk.Scale)
	if len(errs) > 0 {
		fmt.Println(errs)
		return
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, book, look); err != nil {
		fmt.Println(err)
		return
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	// Output: [使い方 評価基準 記入例 情報資産管理台帳 自社診断 集計]
}
