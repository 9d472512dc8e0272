package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sodan/internal/diag"
	"sodan/internal/testtool"
)

// TestWatch starts a watch on a copy of the bundled sources, changes a
// phone number and waits for it in the quick list's text; then saves a
// broken file (the problem is reported, the outputs stay) and mends it
// (the next round builds again); then stops it as Ctrl-C would.
func TestWatch(t *testing.T) {
	testtool.Need(t, "pdftotext")
	src, out := t.TempDir(), t.TempDir()
	copyTree(t, "../../sources", src)
	rounds := make(chan Round, 16)
	stop, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		err := Watch(stop, Options{Sources: src, Layouts: "../../layouts", Out: out, Only: map[string]bool{"quicklist": true}}, func(r Round) { rounds <- r })
		if err != nil {
			t.Error(err)
		}
	}()
	next := func(what string) Round {
		t.Helper()
		select {
		case r := <-rounds:
			return r
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: no build within 10 s", what)
		}
		return Round{}
	}
	quicklist := func() string {
		files, _ := filepath.Glob(filepath.Join(out, "quicklist-*.pdf"))
		if len(files) != 1 {
			t.Fatalf("quick lists: %v", files)
		}
		return testtool.Run(t, "pdftotext", "-enc", "UTF-8", files[0], "-")
	}
	if r := next("first build"); r.Err != nil || len(r.Result.Outputs) != 1 {
		t.Fatalf("first build: %v %v", r.Result, r.Err)
	}
	contacts := filepath.Join(src, "contacts.yaml")
	orig, _ := os.ReadFile(contacts)
	const old, changed = "03-5805-1731", "03-5805-1799"
	if !strings.Contains(string(orig), old) || !strings.Contains(quicklist(), old) {
		t.Fatalf("%s is not in the bundled quick list", old)
	}
	start := time.Now()
	os.WriteFile(contacts, []byte(strings.ReplaceAll(string(orig), old, changed)), 0o644)
	if r := next("after the phone change"); r.Err != nil {
		t.Fatal(r.Err)
	}
	text := quicklist()
	if !strings.Contains(text, changed) || strings.Contains(text, old) {
		t.Errorf("the new number is not in the quick list")
	}
	t.Logf("the new number was in the quick list %.2f s after the save", time.Since(start).Seconds())

	before := quicklist()
	os.WriteFile(contacts, []byte(strings.Replace(string(orig), "contacts:", "contacts: [", 1)), 0o644)
	r := next("after the broken save")
	var errs diag.List
	if !errors.As(r.Err, &errs) || !strings.Contains(errs.Error(), "contacts.yaml:") {
		t.Fatalf("the broken save gave %v", r.Err)
	}
	if quicklist() != before {
		t.Error("a failed round changed the quick list")
	}
	os.WriteFile(contacts, orig, 0o644)
	if r := next("after the mend"); r.Err != nil || !strings.Contains(quicklist(), old) {
		t.Fatalf("after the mend: %v", r.Err)
	}
	cancel()
	wg.Wait()
}
