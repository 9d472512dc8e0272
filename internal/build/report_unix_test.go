//go:build unix

package build

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReportRefusesNonFiles: a folder, a FIFO or a device such as
// /dev/zero is refused before a byte is read (reading /dev/zero would
// never end).
func TestReportRefusesNonFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, c := range []struct{ path, want string }{
		{dir, "フォルダです"},
		{fifo, "ふつうのファイルではありません（パイプやデバイスなど）"},
		{"/dev/zero", "ふつうのファイルではありません（パイプやデバイスなど）"},
	} {
		_, err := runReport(t, c.path, filepath.Join(dir, "out"))
		if err == nil || !strings.Contains(err.Error(), c.path+": "+c.want) {
			t.Errorf("%s: got %v", c.path, err)
		}
	}
}
