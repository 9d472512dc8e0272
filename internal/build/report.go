package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/layout/report"
	"sodan/internal/layout/spec"
	"sodan/internal/model"
	"sodan/internal/render/pdf"
	"sodan/internal/xlsx"
)

// ReportOptions are the settings of one report.
type ReportOptions struct {
	Sources  string // sources folder
	Layouts  string // layouts folder
	Out      string // output folder
	Workbook string // the filled-in workbook (.xlsx)
	// Previous is an earlier filling of the same workbook to compare with
	// (empty: none).
	Previous string
	Stop     context.Context // as in Options
}

// ReportName is the file name of the report of the workbook at path:
// report-<workbook base name>.pdf.
func ReportName(path string) string {
	base := filepath.Base(path)
	return "report-" + strings.TrimSuffix(base, filepath.Ext(base)) + ".pdf"
}

// Report reads the sources, the layouts and a filled-in risk-analysis
// workbook (and, with Previous, an earlier filling to compare with) and
// writes the report of its results to <Out>/report-<workbook base
// name>.pdf through a temporary file and a rename. It returns the path
// written. Problems in the sources, the layout or the workbooks come back
// as one diag.List, and then nothing is written.
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
	filled, errs := readFilled(opts.Workbook, book)
	var prev *model.Filled
	if opts.Previous != "" {
		var perrs diag.List
		prev, perrs = readFilled(opts.Previous, book)
		errs = append(errs, perrs...)
	}
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
	doc, errs := report.Plan(book, filled, prev, sp, fonts, date)
	if len(errs) > 0 {
		return "", errs
	}
	var buf bytes.Buffer
	if err := pdfFile(doc, fonts, date)(&buf); err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	name := ReportName(opts.Workbook)
	outs := []Output{{Name: name, Target: "report", Data: buf.Bytes()}}
	if stopped(opts.Stop) {
		return "", ErrStopped
	}
	if _, err := writeOutputs(opts.Stop, opts.Out, outs, map[string]bool{"report": true}, false, opts.Sources, opts.Layouts); err != nil {
		return "", err
	}
	return filepath.Join(opts.Out, name), nil
}

// readFilled reads and checks the filled-in workbook at path.
func readFilled(path string, book *model.Book) (*model.Filled, diag.List) {
	f, err := openWorkbook(path)
	if err != nil {
		var l diag.List
		l.Add(diag.Diagnostic{Pos: diag.Pos{File: path}, Msg: err.Error()})
		return nil, l
	}
	defer f.Close()
	return xlsx.Read(f, path, book)
}

// openWorkbook opens a filled-in workbook, refusing what is not a regular
// file of a sensible size (a folder, a FIFO, a device such as /dev/zero)
// before reading a byte.
func openWorkbook(name string) (*os.File, error) {
	fi, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("ファイルがありません")
	case err != nil:
		return nil, fmt.Errorf("ファイルを開けません（%s）", plainErr(err))
	case fi.IsDir():
		return nil, errors.New("フォルダです。記入したリスク分析シート（.xlsx）のファイルを指定してください")
	case !fi.Mode().IsRegular():
		return nil, errors.New("ふつうのファイルではありません（パイプやデバイスなど）。記入したリスク分析シート（.xlsx）のファイルを指定してください")
	case fi.Size() > xlsx.MaxFileSize:
		return nil, fmt.Errorf("ファイルが大きすぎます（%d MB を超えています）。リスク分析シートはふつう 1 MB もありません。別のファイルを指定していないか確認してください", xlsx.MaxFileSize>>20)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("ファイルを開けません（%s）", plainErr(err))
	}
	// Checked again on the open file, in case the name now points
	// elsewhere.
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, errors.New("ふつうのファイルではありません")
	}
	return f, nil
}
