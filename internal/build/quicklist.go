package build

import (
	"bytes"
	"fmt"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/quicklist"
	"sodan/internal/layout/spec"
)

func init() {
	register(Target{Name: "quicklist", Order: 10, Jobs: quickListJobs})
}

// QuickListName is the file name of the quick list, after the date of the
// edition: quicklist-YYYYMMDD.pdf.
func QuickListName(ctx *Context) string {
	return "quicklist-" + ctx.Book.Edition.Date.Format("20060102") + ".pdf"
}

// quickListSources are the source files the quick list prints from.
var quickListSources = []string{"edition.yaml", "contacts.yaml", "quicklist.yaml", "resources.yaml", "selfcheck.yaml"}

// quickListJobs makes the 相談・届出先クイックリスト with
// layouts/quicklist-a4.yaml as one PDF.
func quickListJobs(ctx *Context) ([]Job, error) {
	sp, errs := spec.ReadQuickList(ctx.Layouts, ctx.LayoutsDir)
	if len(errs) > 0 {
		return nil, errs
	}
	job := Job{Outputs: []string{QuickListName(ctx)}, Sources: quickListSources, Layouts: []string{spec.QuickListFile}}
	return []Job{quickListJob(ctx, job, sp, "", "文を短くするか、レイアウトの文字や余白を小さく", func(m layout.Measurer) (*layout.Doc, diag.List) {
		return quicklist.Plan(ctx.Book, sp, m)
	})}, nil
}

// quickListJob completes job, which writes a quick list laid out with sp
// as its one output, with what makes it: plan lays it out. More pages
// than the layout's max_pages is only a warning; whose names the list in
// it (empty for the programme's own) and fix says what would bring it
// back to its pages.
func quickListJob(ctx *Context, job Job, sp *spec.QuickList, whose, fix string, plan func(layout.Measurer) (*layout.Doc, diag.List)) Job {
	warn := &bytes.Buffer{}
	job.Warnings = warn
	job.Make = func(put Put) error {
		fonts, err := ctx.Fonts()
		if err != nil {
			return err
		}
		doc, errs := plan(fonts)
		if len(errs) > 0 {
			return errs
		}
		if n := len(doc.Pages); n > sp.MaxPages {
			fmt.Fprintf(warn, "警告: %s/%s: %sクイックリストが %d ページになりました（max_pages は %d ページ）。両面 1 枚に収めるには、%sしてください\n",
				ctx.LayoutsDir, spec.QuickListFile, whose, n, sp.MaxPages, fix)
		}
		return putPDF(ctx, put, job.Outputs[0], doc, fonts)
	}
	return job
}
