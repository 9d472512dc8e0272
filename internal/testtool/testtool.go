// Package testtool finds the external programs that tests use to look at
// outputs the way a person would (pdftotext, pdffonts, qpdf, zbarimg,
// LibreOffice, PDFBox Preflight). Outside CI a missing program skips the test; with CI=true it
// fails it, so CI can never pass by skipping.
package testtool

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
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

// pdfPages is the page count in the output of pdfinfo.
var pdfPages = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// PDFPages returns the page count that pdfinfo printed in info; the test
// fails when info has none.
func PDFPages(t testing.TB, info string) int {
	t.Helper()
	m := pdfPages.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no page count in the output of pdfinfo:\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// preflightJars are the jars that Apache PDFBox Preflight needs, from
// Debian's libpdfbox2-java (with libfontbox2-java and
// libcommons-logging-java, which it pulls in), libactivation-java and
// libjaxb-api-java; Java itself from a JRE such as
// openjdk-17-jre-headless.
var preflightJars = []string{
	"preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar",
	"commons-logging.jar", "javax.activation.jar", "jaxb-api.jar",
}

// PreflightProblem is one kind of error that PDFBox Preflight found in a
// file: its rule (such as "2.4.3"), its description, the page (from 1; 0
// for the document as a whole) and how often it occurred there.
type PreflightProblem struct {
	Rule, Details string
	Page, Count   int
}

// String describes p for a test failure.
func (p PreflightProblem) String() string {
	s := "rule " + p.Rule
	if p.Page > 0 {
		s = "page " + strconv.Itoa(p.Page) + ": " + s
	}
	return s + ": " + p.Details + " (" + strconv.Itoa(p.Count) + " times)"
}

// Preflight checks each of files (their base names must differ) for PDF/A-1b
// with Apache PDFBox Preflight, in one run of Java, and returns the problems
// of each file that is not valid, by path. It skips or fails like Need when
// Java or the jars are missing; the test fails if Preflight does not report
// on every file.
func Preflight(t testing.TB, files ...string) map[string][]PreflightProblem {
	t.Helper()
	java := Need(t, "java")
	var cp []string
	for _, j := range preflightJars {
		p := filepath.Join("/usr/share/java", j)
		if _, err := os.Stat(p); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing; .ci/run must install libpdfbox2-java, libactivation-java and libjaxb-api-java", p)
			}
			t.Skipf("%s is missing", p)
		}
		cp = append(cp, p)
	}
	byName := map[string]string{}
	for _, f := range files {
		b := filepath.Base(f)
		if byName[b] != "" {
			t.Fatalf("Preflight: %s and %s have the same base name", byName[b], f)
		}
		byName[b] = f
	}
	// In "group" mode Preflight reads the list of files from a file and
	// writes one XML report beside it.
	list := filepath.Join(t.TempDir(), "files")
	if err := os.WriteFile(list, []byte(strings.Join(files, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(java, "-cp", strings.Join(cp, ":"), "org.apache.pdfbox.preflight.Validator_A1b", "xml", "group", list)
	cmd.Stdout, cmd.Stderr = &out, &out
	// Exit status 0 means all valid; otherwise the report says more.
	runErr := cmd.Run()
	report, err := os.ReadFile(list + ".preflight.xml")
	if err != nil {
		t.Fatalf("Preflight wrote no report (%v): %v\n%s", runErr, err, out.String())
	}
	var rep struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Valid  string `xml:"isValid"`
			Errors []struct {
				Count   int    `xml:"count,attr"`
				Code    string `xml:"code"`
				Details string `xml:"details"`
				Page    *int   `xml:"page"` // from 0
			} `xml:"errors>error"`
		} `xml:"preflight"`
	}
	if err := xml.Unmarshal(report, &rep); err != nil {
		t.Fatalf("Preflight report: %v\n%s", err, report)
	}
	problems := map[string][]PreflightProblem{}
	seen := map[string]bool{}
	for _, f := range rep.Files {
		path, ok := byName[f.Name]
		if !ok || seen[f.Name] {
			t.Fatalf("Preflight reported on %q, which is not one of the files or was reported twice", f.Name)
		}
		seen[f.Name] = true
		if f.Valid == "true" {
			continue
		}
		for _, e := range f.Errors {
			p := PreflightProblem{Rule: e.Code, Details: e.Details, Count: e.Count}
			if e.Page != nil {
				p.Page = *e.Page + 1
			}
			problems[path] = append(problems[path], p)
		}
		if len(problems[path]) == 0 {
			problems[path] = []PreflightProblem{{Rule: "?", Details: "not valid, with no error listed", Count: 1}}
		}
	}
	if len(seen) != len(files) {
		t.Fatalf("Preflight reported on %d of %d files\n%s", len(seen), len(files), out.String())
	}
	return problems
}
