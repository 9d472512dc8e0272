package build

import (
	"bytes"
	"fmt"

	"sodan/internal/layout"
	"sodan/internal/render/pdf"
)

func init() {
	register(Target{Name: "handout", Order: 10, Render: renderHandout})
}

// HandoutName is the file name of the quick-list handout, after the date of
// the edition: quicklist-YYYYMMDD.pdf.
func HandoutName(ctx *Context) string {
	return "quicklist-" + ctx.Book.Edition.Date.Format("20060102") + ".pdf"
}

// renderHandout lays out the 相談・届出先クイックリスト with
// layouts/handout-a4.yaml and renders it as a PDF. Problems in the sources
// or the layout come back as a diag.List; more pages than the layout's
// max_pages is only a warning.
func renderHandout(ctx *Context) ([]Output, error) {
	spec, errs := layout.ReadHandoutSpec(ctx.Layouts, ctx.LayoutsDir)
	if len(errs) > 0 {
		return nil, errs
	}
	fonts, err := ctx.Fonts()
	if err != nil {
		return nil, err
	}
	doc, errs := layout.Handout(ctx.Book, spec, fonts, ctx.Date)
	if len(errs) > 0 {
		return nil, errs
	}
	if n := len(doc.Pages); n > spec.MaxPages {
		fmt.Fprintf(ctx.Warn, "警告: %s/%s: クイックリストが %d ページになりました（max_pages は %d ページ）。両面 1 枚に収めるには、文を短くするか、レイアウトの文字や余白を小さくしてください\n",
			ctx.LayoutsDir, layout.HandoutFile, n, spec.MaxPages)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc, fonts); err != nil {
		return nil, err
	}
	return []Output{{Name: HandoutName(ctx), Data: buf.Bytes()}}, nil
}
