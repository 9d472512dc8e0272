package build

import (
	"bytes"
	"fmt"

	"sodan/internal/layout/spec"
	"sodan/internal/xlsx"
)

func init() {
	register(Target{Name: "workbook", Order: 30, Render: renderWorkbook})
}

// renderWorkbook writes the リスク分析シート with layouts/workbook.yaml.
func renderWorkbook(ctx *Context) ([]Output, error) {
	look, errs := spec.ReadWorkbook(ctx.Layouts, ctx.LayoutsDir, ctx.Book.Risk.Scale)
	if len(errs) > 0 {
		return nil, errs
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, ctx.Book, look); err != nil {
		return nil, err
	}
	name := fmt.Sprintf("risk-analysis-%s.xlsx", ctx.Book.Edition.Date.Format("20060102"))
	return []Output{{Name: name, Data: buf.Bytes()}}, nil
}
