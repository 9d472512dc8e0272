package build

import (
	"bytes"
	"fmt"

	"sodan/internal/layout/quicklist"
	"sodan/internal/layout/spec"
	"sodan/internal/render/pdf"
)

func init() {
	register(Target{Name: "quicklist", Order: 10, Render: renderQuickList})
}

// QuickListName is the file name of the quick list, after the date of the
// edition: quicklist-YYYYMMDD.pdf.
func QuickListName(ctx *Context) string {
	return "quicklist-" + ctx.Book.Edition.Date.Format("20060102") + ".pdf"
}

// renderQuickList lays out the 相談・届出先クイックリスト with
// layouts/quicklist-a4.yaml and renders it as a PDF. Problems in the
// sources or the layout come back as a diag.List; more pages than the
// layout's max_pages is only a warning.
func renderQuickList(ctx *Context) ([]Output, error) {
	sp, errs := spec.ReadQuickList(ctx.Layouts, ctx.LayoutsDir)
	if len(errs) > 0 {
		return nil, errs
	}
	fonts, err := ctx.Fonts()
	if err != nil {
		return nil, err
	}
	doc, errs := quicklist.Plan(ctx.Book, sp, fonts, ctx.Date)
	if len(errs) > 0 {
		return nil, errs
	}
	if n := len(doc.Pages); n > sp.MaxPages {
		fmt.Fprintf(ctx.Warn, "警告: %s/%s: クイックリストが %d ページになりました（max_pages は %d ページ）。両面 1 枚に収めるには、文を短くするか、レイアウトの文字や余白を小さくしてください\n",
			ctx.LayoutsDir, spec.QuickListFile, n, sp.MaxPages)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc, fonts); err != nil {
		return nil, err
	}
	return []Output{{Name: QuickListName(ctx), Data: buf.Bytes()}}, nil
}
