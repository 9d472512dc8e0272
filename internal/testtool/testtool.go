// Package testtool finds the external programs that tests use to look at
// outputs the way a person would (pdftotext, pdffonts, qpdf, zbarimg,
// LibreOffice). Outside CI a missing program skips the test; with CI=true it
// fails it, so CI can never pass by skipping.
package testtool

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"testing"
)

// long is set by `go test -long` (as .ci/run does) for the slow checks:
// LibreOffice, PDFBox, long fuzzing, scale runs, the mutation test.
var long = flag.Bool("long", false, "also run the slow third-party checks and scale tests")

// Long skips the test unless -long was given, so `go test ./...` stays
// quick; CI runs the packages that have long tests again with -long.
func Long(t testing.TB) {
	t.Helper()
	if !*long {
		t.Skip("slow check: run with -long")
	}
}

// Need returns the path of the program name, or skips (fails under CI=true)
// the test when it is not installed.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed; .ci/run must install it", name)
	}
	t.Skipf("%s is not installed", name)
	return ""
}

// Run runs the program name (found with Need) with args and returns its
// standard output; the test fails if the program fails.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	p := Need(t, name)
	var out, errb bytes.Buffer
	cmd := exec.Command(p, args...)
	cmd.Stdout = &out
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s%s", name, args, err, out.String(), errb.String())
	}
	return out.String()
}
