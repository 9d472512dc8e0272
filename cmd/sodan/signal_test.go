package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"sodan/internal/testtool"
)

// TestInterruptedBuild starts real builds and interrupts them (Ctrl-C)
// at different moments: each one either finishes (exit 0) or stops with a
// Japanese message (exit 1); the output folder always holds one whole
// earlier build, no temporary files stay, and no stack trace is printed.
func TestInterruptedBuild(t *testing.T) {
	testtool.Long(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "sodan")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "out")
	build := func() *exec.Cmd {
		c := exec.Command(bin, "build", "-sources", "../../sources", "-layouts", "../../layouts", "-o", out)
		return c
	}
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	before := snapshot(out)
	stopped := 0
	for i := 0; i < 12; i++ {
		c := build()
		var stderr bytes.Buffer
		c.Stderr = &stderr
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+i*120) * time.Millisecond)
		c.Process.Signal(syscall.SIGINT)
		err := c.Wait()
		code := c.ProcessState.ExitCode()
		switch {
		case err == nil:
		case code == 1 && strings.Contains(stderr.String(), "中断しました"):
			stopped++
		default:
			t.Errorf("run %d: %v\n%s", i, err, stderr.String())
		}
		if strings.Contains(stderr.String(), "goroutine") {
			t.Errorf("run %d printed a stack trace:\n%s", i, stderr.String())
		}
		after := snapshot(out)
		if len(after) != len(before) {
			t.Errorf("run %d: %d files, want %d", i, len(after), len(before))
		}
		for n := range after {
			if strings.HasPrefix(n, ".sodan/tmp") || strings.HasPrefix(n, ".sodan/pending") {
				t.Errorf("run %d left %s", i, n)
			}
		}
	}
	t.Logf("%d of 12 builds stopped by Ctrl-C, the others finished first", stopped)
}
