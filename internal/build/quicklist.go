package build

import (
	"bytes"
	"fmt"
	"io"

	"sodan/internal/layout/quicklist"
	"sodan/internal/layout/spec"
	"sodan/internal/render/pdf"
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
// layouts/quicklist-a4.yaml as one PDF. More pages than the layout's
// max_pages is only a warning.
func quickListJobs(ctx *Context) ([]Job, error) {
	sp, errs := spec.ReadQuickList(ctx.Layouts, ctx.LayoutsDir)
	if len(errs) > 0 {
		return nil, errs
	}
	warn := &bytes.Buffer{}
	return []Job{{
		Outputs:  []string{QuickListName(ctx)},
		Sources:  quickListSources,
		Layouts:  []string{spec.QuickListFile},
		Warnings: warn,
		Make: func(put Put) error {
			fonts, err := ctx.Fonts()
			if err != nil {
				return err
			}
			doc, errs := quicklist.Plan(ctx.Book, sp, fonts, ctx.Date)
			if len(errs) > 0 {
				return errs
			}
			if n := len(doc.Pages); n > sp.MaxPages {
				fmt.Fprintf(warn, "警告: %s/%s: クイックリストが %d ページになりました（max_pages は %d ページ）。両面 1 枚に収めるには、文を短くするか、レイアウトの文字や余白を小さくしてください\n",
					ctx.LayoutsDir, spec.QuickListFile, n, sp.MaxPages)
			}
			return put(QuickListName(ctx), len(doc.Pages), func(w io.Writer) error { return pdf.Write(w, doc, fonts) })
		},
	}}, nil
}
