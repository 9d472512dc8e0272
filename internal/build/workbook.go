package build

import (
	"fmt"
	"io"

	"sodan/internal/layout/spec"
	"sodan/internal/xlsx"
)

func init() {
	register(Target{Name: "workbook", Order: 30, Jobs: workbookJobs})
}

// workbookSources are the source files the workbook is made from.
var workbookSources = []string{"edition.yaml", "risk.yaml", "selfcheck.yaml"}

// workbookJobs makes the リスク分析シート with layouts/workbook.yaml.
func workbookJobs(ctx *Context) ([]Job, error) {
	look, errs := spec.ReadWorkbook(ctx.Layouts, ctx.LayoutsDir, ctx.Book.Risk.Scale)
	if len(errs) > 0 {
		return nil, errs
	}
	name := fmt.Sprintf("risk-analysis-%s.xlsx", ctx.Book.Edition.Date.Format("20060102"))
	return []Job{{
		Outputs: []string{name},
		Sources: workbookSources,
		Layouts: []string{spec.WorkbookFile},
		Make: func(put Put) error {
			return put(name, xlsx.Sheets, func(w io.Writer) error { return xlsx.Write(w, ctx.Book, look) })
		},
	}}, nil
}
