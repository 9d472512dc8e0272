package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// outputs makes fake outputs of target, each holding its own name and tag.
func outputs(target, tag string, names ...string) []Output {
	var outs []Output
	for _, n := range names {
		outs = append(outs, Output{Name: n, Target: target, Data: []byte(n + " " + tag)})
	}
	return outs
}

// write is one build's write of outs by the given targets, with pruning.
func write(t *testing.T, dir string, outs []Output, targets ...string) ([]string, error) {
	t.Helper()
	set := map[string]bool{}
	for _, tg := range targets {
		set[tg] = true
	}
	return writeOutputs(context.Background(), dir, outs, set, true)
}

// mustWrite is write that fails the test on an error.
func mustWrite(t *testing.T, dir string, outs []Output, targets ...string) {
	t.Helper()
	if _, err := write(t, dir, outs, targets...); err != nil {
		t.Fatal(err)
	}
}

// put writes files (name → content) below dir.
func put(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for n, c := range files {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// contents lists every file below dir (sodan's state folder included) with
// its content.
func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for n, b := range listFiles(t, dir) {
		out[filepath.ToSlash(n)] = string(b)
	}
	return out
}

func names(m map[string]string) string {
	var s []string
	for n := range m {
		s = append(s, n)
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}

func sameContents(t *testing.T, before, after map[string]string) {
	t.Helper()
	if names(before) != names(after) {
		t.Fatalf("files changed:\nbefore %s\nafter  %s", names(before), names(after))
	}
	for n, c := range before {
		if after[n] != c {
			t.Errorf("%s changed", n)
		}
	}
}

// TestUserFilesSurvive: files a user puts beside the outputs, under names
// like sodan's own, stay through every later build, also one that removes
// an older edition's outputs.
func TestUserFilesSurvive(t *testing.T) {
	out := t.TempDir()
	mustWrite(t, out, outputs("quicklist", "v1", "quicklist-20261101.pdf"), "quicklist")
	mustWrite(t, out, outputs("workbook", "v1", "risk-analysis-20261101.xlsx"), "workbook")
	mustWrite(t, out, outputs("slides", "v1", "slides/a.pdf", "slides/a-3up.pdf"), "slides")
	user := map[string]string{
		"risk-analysis-20261125-yamada.xlsx": "filled in by hand",
		"quicklist-old.pdf":                  "mine",
		"slides/my-talk.pdf":                 "mine",
		"notes.txt":                          "mine",
	}
	put(t, out, user)
	// The next edition: every target writes new names.
	mustWrite(t, out, append(outputs("quicklist", "v2", "quicklist-20261201.pdf"), outputs("slides", "v2", "slides/b.pdf")...), "quicklist", "slides")
	got := contents(t, out)
	for n, c := range user {
		if got[n] != c {
			t.Errorf("the user's %s is gone or changed", n)
		}
	}
	for _, gone := range []string{"quicklist-20261101.pdf", "slides/a.pdf", "slides/a-3up.pdf"} {
		if _, ok := got[gone]; ok {
			t.Errorf("%s, written by an earlier build of a rebuilt target, was kept", gone)
		}
	}
	if got["risk-analysis-20261101.xlsx"] != "risk-analysis-20261101.xlsx v1" {
		t.Error("the workbook, whose target was not built, was touched")
	}
	if got["quicklist-20261201.pdf"] != "quicklist-20261201.pdf v2" || got["slides/b.pdf"] != "slides/b.pdf v2" {
		t.Error("new outputs missing")
	}
}

// TestForeignFolderRefused: a folder without sodan's record that holds
// other files (a Documents folder) is not written to at all.
func TestForeignFolderRefused(t *testing.T) {
	out := t.TempDir()
	put(t, out, map[string]string{"slides/talk.pdf": "mine", "letter.pdf": "mine"})
	before := contents(t, out)
	_, err := write(t, out, outputs("slides", "v1", "slides/a.pdf"), "slides")
	var fe *FolderError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "sodan が書いたのではないファイルがあります（letter.pdf, slides/talk.pdf）") {
		t.Fatalf("want a refusal naming the files, got %v", err)
	}
	sameContents(t, before, contents(t, out))
}

// TestEarlierFolderAdopted: an out/ from an older sodan, holding only files
// under exactly the names this build writes (and the temporary files a
// killed older build left beside them), is taken over.
func TestEarlierFolderAdopted(t *testing.T) {
	out := t.TempDir()
	put(t, out, map[string]string{
		"quicklist-20261201.pdf":        "old",
		"slides/a.pdf":                  "old",
		"slides/.a.pdf.tmp123456":       "half",
		".quicklist-20261201.pdf.tmp99": "half",
	})
	mustWrite(t, out, append(outputs("quicklist", "v2", "quicklist-20261201.pdf"), outputs("slides", "v2", "slides/a.pdf")...), "quicklist", "slides")
	got := contents(t, out)
	if names(got) != ".sodan/manifest.json quicklist-20261201.pdf slides/a.pdf" {
		t.Errorf("after adopting: %s", names(got))
	}
}

// TestGlobCharactersInFolder: characters that mean something to a file
// pattern, in the output folder's name, delete nothing elsewhere.
func TestGlobCharactersInFolder(t *testing.T) {
	base := t.TempDir()
	for _, dir := range []string{"out[1]", "*", "o?t"} {
		sib := map[string]string{"out1/quicklist-20261101.pdf": "mine", "out/slides/a.pdf": "mine", "oxt/risk-analysis-1.xlsx": "mine"}
		put(t, base, sib)
		out := filepath.Join(base, dir)
		for i, tag := range []string{"v1", "v2"} {
			name := []string{"quicklist-20261101.pdf", "quicklist-20261201.pdf"}[i]
			mustWrite(t, out, append(outputs("quicklist", tag, name), outputs("slides", tag, "slides/b.pdf")...), "quicklist", "slides")
		}
		got := contents(t, base)
		for n, c := range sib {
			if got[n] != c {
				t.Errorf("-o %s: %s outside the folder was touched", dir, n)
			}
		}
		os.RemoveAll(out)
	}
}

// TestProtectedFolders: the output folder may not be the sources, the
// layouts, a parent of them, or inside them.
func TestProtectedFolders(t *testing.T) {
	base := t.TempDir()
	src, lay := filepath.Join(base, "proj", "sources"), filepath.Join(base, "proj", "layouts")
	put(t, base, map[string]string{"proj/sources/edition.yaml": "x", "proj/layouts/a.yaml": "x"})
	os.Symlink(filepath.Join(base, "proj"), filepath.Join(base, "link"))
	for _, out := range []string{src, lay, filepath.Join(base, "proj"), base, filepath.Join(src, "out"), filepath.Join(base, "link"), filepath.Join(base, "link", "sources")} {
		_, err := writeOutputs(context.Background(), out, outputs("quicklist", "v1", "quicklist-1.pdf"), map[string]bool{"quicklist": true}, true, src, lay)
		if err == nil || !strings.Contains(err.Error(), "重なっています") {
			t.Errorf("-o %s: want a refusal, got %v", out, err)
		}
	}
	if _, err := os.Stat(filepath.Join(src, "out")); err == nil {
		t.Error("a folder was made inside the sources")
	}
}

// TestSymlinkNotFollowed: a link inside the output folder that points
// elsewhere is never written through, and nothing behind it is removed.
func TestSymlinkNotFollowed(t *testing.T) {
	base := t.TempDir()
	out, elsewhere := filepath.Join(base, "out"), filepath.Join(base, "elsewhere")
	mustWrite(t, out, outputs("slides", "v1", "slides/a.pdf"), "slides")
	put(t, elsewhere, map[string]string{"a.pdf": "mine", "b.pdf": "mine"})
	os.RemoveAll(filepath.Join(out, "slides"))
	os.Symlink(elsewhere, filepath.Join(out, "slides"))
	_, err := write(t, out, outputs("slides", "v2", "slides/b.pdf"), "slides")
	if err == nil {
		t.Fatal("writing through a link out of the folder must fail")
	}
	got := contents(t, elsewhere)
	if got["a.pdf"] != "mine" || got["b.pdf"] != "mine" {
		t.Errorf("files behind the link changed: %v", got)
	}
}

// TestChangedOutputKept: an output the user changed after sodan wrote it
// (a workbook filled in where it lay) is neither overwritten nor removed.
func TestChangedOutputKept(t *testing.T) {
	out := t.TempDir()
	mustWrite(t, out, outputs("workbook", "v1", "risk-analysis-20261101.xlsx"), "workbook")
	put(t, out, map[string]string{"risk-analysis-20261101.xlsx": "filled in"})
	_, err := write(t, out, outputs("workbook", "v2", "risk-analysis-20261101.xlsx"), "workbook")
	if err == nil || !strings.Contains(err.Error(), "前回 sodan が書いた後に変更されています") {
		t.Fatalf("want a refusal to overwrite, got %v", err)
	}
	kept, err := write(t, out, outputs("workbook", "v2", "risk-analysis-20261201.xlsx"), "workbook")
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 1 || !strings.HasSuffix(kept[0], "risk-analysis-20261101.xlsx") {
		t.Errorf("kept %v", kept)
	}
	if got := contents(t, out); got["risk-analysis-20261101.xlsx"] != "filled in" {
		t.Error("the filled-in workbook was removed")
	}
	// It is no longer sodan's: a third build leaves it alone too.
	mustWrite(t, out, outputs("workbook", "v3", "risk-analysis-20261202.xlsx"), "workbook")
	if got := contents(t, out); got["risk-analysis-20261101.xlsx"] != "filled in" {
		t.Error("the filled-in workbook was removed by a later build")
	}
}

// TestFailedRenameRollsBack: when a rename fails part-way through the
// commit, every file already replaced is put back: the folder holds the
// whole old set.
func TestFailedRenameRollsBack(t *testing.T) {
	out := t.TempDir()
	names := []string{"quicklist-1.pdf", "slides/a.pdf", "slides/b.pdf", "slides/c.pdf"}
	old := append(outputs("quicklist", "v1", names[0], "quicklist-0.pdf"), outputs("slides", "v1", names[1:]...)...)
	mustWrite(t, out, old, "quicklist", "slides")
	before := contents(t, out)
	for fail := 1; fail <= 6; fail++ {
		f, err := openFolder(out)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		f.renameHook = func(from, to string) error {
			n++
			if n == fail {
				return errors.New("disk on fire")
			}
			return nil
		}
		_, err = f.write(context.Background(), append(outputs("quicklist", "v2", names[0]), outputs("slides", "v2", names[1:]...)...), map[string]bool{"quicklist": true, "slides": true}, true)
		f.close()
		if err == nil {
			t.Fatalf("rename %d: the write should fail", fail)
		}
		sameContents(t, before, contents(t, out))
	}
}

// TestFailedSyncChangesNothing: when a staged file cannot be flushed to
// disk, the commit stops before any rename: the folder holds the old set,
// with no record of a commit in progress and nothing staged.
func TestFailedSyncChangesNothing(t *testing.T) {
	out := t.TempDir()
	names := []string{"quicklist-1.pdf", "slides/a.pdf", "slides/b.pdf"}
	mustWrite(t, out, append(outputs("quicklist", "v1", names[0]), outputs("slides", "v1", names[1:]...)...), "quicklist", "slides")
	before := contents(t, out)
	f, err := openFolder(out)
	if err != nil {
		t.Fatal(err)
	}
	f.syncHook = func(name string) error {
		if name == "slides/a.pdf" {
			return errors.New("disk on fire")
		}
		return nil
	}
	_, err = f.write(context.Background(), append(outputs("quicklist", "v2", names[0]), outputs("slides", "v2", names[1:]...)...), map[string]bool{"quicklist": true, "slides": true}, true)
	f.close()
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("error %v, want the failed flush", err)
	}
	sameContents(t, before, contents(t, out))
}

// TestKilledBuildCleaned: what a build killed while staging or committing
// left in the folder is cleaned by the next one, which is not refused.
func TestKilledBuildCleaned(t *testing.T) {
	out := t.TempDir()
	mustWrite(t, out, outputs("quicklist", "v1", "quicklist-1.pdf", "quicklist-2.pdf"), "quicklist")
	// Killed in the middle of a commit of v2: one file replaced, the
	// record of the commit and staged files left.
	f, err := openFolder(out)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	f.renameHook = func(from, to string) error {
		if n++; n == 3 {
			panic("killed")
		}
		return nil
	}
	func() {
		defer func() { recover() }()
		f.write(context.Background(), outputs("quicklist", "v2", "quicklist-1.pdf", "quicklist-2.pdf"), map[string]bool{"quicklist": true}, true)
	}()
	f.close()
	put(t, out, map[string]string{".sodan/tmp/7.new": "left"})
	mustWrite(t, out, outputs("quicklist", "v3", "quicklist-1.pdf", "quicklist-2.pdf"), "quicklist")
	got := contents(t, out)
	if names(got) != ".sodan/manifest.json quicklist-1.pdf quicklist-2.pdf" || got["quicklist-1.pdf"] != "quicklist-1.pdf v3" {
		t.Errorf("after the next build: %s", names(got))
	}
}

// TestDamagedManifestRefused: when sodan's record cannot be read, nothing
// is replaced or removed.
func TestDamagedManifestRefused(t *testing.T) {
	out := t.TempDir()
	mustWrite(t, out, outputs("quicklist", "v1", "quicklist-1.pdf"), "quicklist")
	put(t, out, map[string]string{".sodan/manifest.json": "{not json"})
	before := contents(t, out)
	if _, err := write(t, out, outputs("quicklist", "v2", "quicklist-2.pdf"), "quicklist"); err == nil || !strings.Contains(err.Error(), "壊れています") {
		t.Fatalf("want a refusal, got %v", err)
	}
	sameContents(t, before, contents(t, out))
}

// TestThingsInTheWay: a folder where an output goes, or a file where its
// folder goes, stops the build before anything changes.
func TestThingsInTheWay(t *testing.T) {
	out := t.TempDir()
	mustWrite(t, out, outputs("slides", "v1", "slides/a.pdf", "slides/b.pdf"), "slides")
	os.Mkdir(filepath.Join(out, "slides", "quicklist.pdf"), 0o755)
	before := contents(t, out)
	_, err := write(t, out, outputs("slides", "v2", "slides/a.pdf", "slides/b.pdf", "slides/quicklist.pdf"), "slides")
	if err == nil || !strings.Contains(err.Error(), "フォルダがあります") {
		t.Fatalf("want a refusal, got %v", err)
	}
	sameContents(t, before, contents(t, out))
}
