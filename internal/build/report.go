package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/layout/report"
	"sodan/internal/layout/spec"
	"sodan/internal/render/pdf"
	"sodan/internal/xlsx"
)

// ReportOptions are the settings of one report.
type ReportOptions struct {
	Sources  string // sources folder
	Layouts  string // layouts folder
	Out      string // output folder
	Workbook string // the filled-in workbook (.xlsx)
}

// ReportName is the file name of the report of the workbook at path:
// report-<workbook base name>.pdf.
func ReportName(path string) string {
	base := filepath.Base(path)
	return "report-" + strings.TrimSuffix(base, filepath.Ext(base)) + ".pdf"
}

// Report reads the sources, the layouts and a filled-in risk-analysis
// workbook and writes the report of its results to
// <Out>/report-<workbook base name>.pdf through a temporary file and a
// rename. It returns the path written. Problems in the sources, the layout
// or the workbook come back as a diag.List, and then nothing is written.
//
// The date printed is SOURCE_DATE_EPOCH when set, else when the workbook
// was last saved, else the edition date: never the clock.
func Report(opts ReportOptions) (string, error) {
	book, errs := Check(os.DirFS(opts.Sources), opts.Sources)
	if len(errs) > 0 {
		return "", errs
	}
	sp, errs := spec.ReadReport(os.DirFS(opts.Layouts), opts.Layouts, book.Risk.Scale)
	if len(errs) > 0 {
		return "", errs
	}
	f, err := os.Open(opts.Workbook)
	if err != nil {
		var l diag.List
		msg := "ファイルを開けません（" + err.Error() + "）"
		if errors.Is(err, fs.ErrNotExist) {
			msg = "ファイルがありません"
		}
		l.Add(diag.Diagnostic{Pos: diag.Pos{File: opts.Workbook}, Msg: msg})
		return "", l
	}
	filled, errs := xlsx.Read(f, opts.Workbook, book)
	f.Close()
	if len(errs) > 0 {
		return "", errs
	}
	date, err := Date(book)
	if err != nil {
		return "", err
	}
	if os.Getenv("SOURCE_DATE_EPOCH") == "" && !filled.Saved.IsZero() {
		date = filled.Saved
	}
	fonts, err := pdf.LoadFonts()
	if err != nil {
		return "", err
	}
	doc, errs := report.Plan(book, filled, sp, fonts, date)
	if len(errs) > 0 {
		return "", errs
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc, fonts); err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	name := ReportName(opts.Workbook)
	if err := writeAll(opts.Out, []Output{{Name: name, Data: buf.Bytes()}}); err != nil {
		return "", fmt.Errorf("出力フォルダに書き込めません: %w", err)
	}
	return filepath.Join(opts.Out, name), nil
}
