package build

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"sodan/internal/testtool"
	"sodan/internal/testtool/gstate"
)

func init() {
	// pdfcpu would otherwise write a configuration file into the home
	// directory.
	model.ConfigPath = "disable"
}

// allPDFs builds every bundled output, the kit of every bundled seminar
// and a report from a filled-in workbook into a temporary directory, and
// returns the PDFs' paths.
func allPDFs(t *testing.T) (dir string, files []string) {
	t.Helper()
	dir = t.TempDir()
	out := filepath.Join(dir, "out")
	buildBundled(t, out)
	if _, err := Run(Options{Sources: "../../sources", Layouts: "../../layouts", Out: out, Event: "all"}); err != nil {
		t.Fatal(err)
	}
	wb, _ := filledWorkbook(t, dir, "yamada.xlsx", reportAssets, 20)
	if _, err := runReport(t, wb, filepath.Join(out, "report")); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".pdf") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("built only %v", files)
	}
	return out, files
}

// TestPDFsPassStrictCheckers runs qpdf --check and pdfcpu's strict
// validation on every PDF sodan writes, and checks on every page that each
// graphics state opened (q) is closed (Q) and that they nest at most
// gstate.Limit deep.
func TestPDFsPassStrictCheckers(t *testing.T) {
	qpdf := testtool.Need(t, "qpdf")
	dir, files := allPDFs(t)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	start := time.Now()
	pages := 0
	for _, f := range files {
		name, _ := filepath.Rel(dir, f)
		var out bytes.Buffer
		cmd := exec.Command(qpdf, "--check", f)
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil || !strings.Contains(out.String(), "No syntax or stream encoding errors found") {
			t.Errorf("%s: qpdf --check: %v\n%s", name, err, out.String())
		}

		data := mustRead(t, f)
		ctx, err := api.ReadAndValidate(bytes.NewReader(data), conf)
		if err != nil {
			t.Errorf("%s: pdfcpu validate -m strict: %v", name, err)
			continue
		}
		for p := 1; p <= ctx.PageCount; p++ {
			pages++
			r, err := pdfcpu.ExtractPageContent(ctx, p)
			var content []byte
			if err == nil {
				content, err = io.ReadAll(r)
			}
			var s gstate.Stats
			if err == nil {
				s, err = gstate.Scan(content)
			}
			if err != nil {
				t.Errorf("%s: page %d: content stream: %v", name, p, err)
				continue
			}
			for _, msg := range s.Problems() {
				t.Errorf("%s: page %d: graphics state: %s", name, p, msg)
			}
		}
	}
	t.Logf("%d files, %d pages checked in %v", len(files), pages, time.Since(start).Round(time.Millisecond))
}

// TestPDFsArePDFA runs Apache PDFBox Preflight on every PDF sodan writes:
// each must be valid PDF/A-1b.
func TestPDFsArePDFA(t *testing.T) {
	testtool.Long(t)
	dir, files := allPDFs(t)
	start := time.Now()
	// Preflight tells files apart by their base names, and a seminar's kit
	// has a quick list named as the bundled one: as few runs as there are
	// files of one name.
	var batches [][]string
	for _, f := range files {
		placed := false
		for i, b := range batches {
			clash := false
			for _, g := range b {
				clash = clash || filepath.Base(g) == filepath.Base(f)
			}
			if !clash {
				batches[i], placed = append(b, f), true
				break
			}
		}
		if !placed {
			batches = append(batches, []string{f})
		}
	}
	problems := map[string][]testtool.PreflightProblem{}
	for _, b := range batches {
		for f, p := range testtool.Preflight(t, b...) {
			problems[f] = p
		}
	}
	t.Logf("%d files checked in %d runs in %v", len(files), len(batches), time.Since(start).Round(time.Millisecond))
	for _, f := range files {
		name, _ := filepath.Rel(dir, f)
		for _, p := range problems[f] {
			t.Errorf("%s: PDFBox Preflight PDF/A-1b: %s", name, p)
		}
	}
}
