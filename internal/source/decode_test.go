package source

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

func TestDecodeKeepsPositionsAndPaths(t *testing.T) {
	var c ContactsFile
	var errs diag.List
	yamlpos.Decode("contacts.yaml", []byte("contacts:\n  - id: a\n    org: 組織\n    phones:\n      - \"03-1234-5678\"\n      - number: \"#9110\"\n        label: 相談\n"), &c, &errs)
	ph := c.Contacts[0].Phones
	if len(ph) != 2 {
		t.Fatalf("phones: %d", len(ph))
	}
	if got := ph[0].Number.Loc; got.Line != 5 || got.Col != 9 || got.Field != "contacts[0].phones[0].number" {
		t.Errorf("shorthand phone: %+v", got)
	}
	if got := ph[1].Label.Loc; got.Line != 7 || got.Col != 16 || got.Field != "contacts[0].phones[1].label" {
		t.Errorf("label: %+v", got)
	}
	if ph[1].Number.V != "#9110" {
		t.Errorf("number %q", ph[1].Number.V)
	}
	// org is required and present; id too; purpose etc. are missing.
	var missing []string
	for _, d := range errs {
		missing = append(missing, d.Field)
	}
	got := strings.Join(missing, " ")
	for _, f := range []string{"contacts[0].purpose", "contacts[0].scope", "contacts[0].source", "contacts[0].verified_on"} {
		if !strings.Contains(got, f) {
			t.Errorf("no missing-key message for %s in %q", f, got)
		}
	}
}

func TestColumnsCountCharacters(t *testing.T) {
	var c ColumnsFile
	var errs diag.List
	yamlpos.Decode("columns.yaml", []byte("columns:\n  - {id: あいう, title: x, paragraphs: [y], 色: 赤}\n"), &c, &errs)
	if len(errs) != 1 || errs[0].Pos.Col != 42 {
		t.Fatalf("want one error at column 42 (characters, not bytes), got %v", errs)
	}
}

func TestLoadBundledSources(t *testing.T) {
	raw, errs := Load(os.DirFS("../../sources"), "sources")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(raw.Contacts.Contacts) < 20 {
		t.Errorf("only %d contacts", len(raw.Contacts.Contacts))
	}
}

func TestEmptyAndAliasFiles(t *testing.T) {
	fsys := fstest.MapFS{"columns.yaml": {Data: []byte("")}}
	_, errs := Load(fsys, "s")
	found := false
	for _, d := range errs {
		if d.Pos.File == "s/columns.yaml" && strings.Contains(d.Msg, "ファイルが空です") {
			found = true
		}
	}
	if !found {
		t.Errorf("empty file not reported: %v", errs)
	}
	var c ColumnsFile
	var e diag.List
	yamlpos.Decode("c.yaml", []byte("x: &p [本文]\ncolumns:\n  - {id: a, title: t, paragraphs: *p}\n"), &c, &e)
	if len(c.Columns) != 1 || len(c.Columns[0].Paragraphs) != 1 || c.Columns[0].Paragraphs[0].V != "本文" {
		t.Errorf("alias not followed: %+v", c)
	}
}

// FuzzDecode feeds arbitrary bytes to the decoder as every kind of source
// file: it must never panic, and every problem must name the file and carry
// a message.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"contacts.yaml", "quicklist.yaml", "risk.yaml", "flow.yaml", "measures.yaml"} {
		b, err := os.ReadFile("../../sources/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("contacts:\n  - id: x\n    phones: [{number: #9110}]\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("\xef\xbb\xbf\x83\x65: 1\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		targets := []any{&ContactsFile{}, &QuickList{}, &Risk{}, &Flow{}, &Measures{}, &Deck{}, &SelfCheck{}}
		for _, out := range targets {
			var errs diag.List
			yamlpos.Decode("f.yaml", data, out, &errs)
			for _, d := range errs {
				if d.Pos.File != "f.yaml" || d.Msg == "" {
					t.Fatalf("problem without file or message: %+v", d)
				}
			}
		}
	})
}

func hasMsg(errs diag.List, part string) bool {
	for _, d := range errs {
		if strings.Contains(d.Msg, part) {
			return true
		}
	}
	return false
}

func TestAliasLoopsAndBombs(t *testing.T) {
	var m Measures
	var errs diag.List
	yamlpos.Decode("m.yaml", []byte("phases:\n  - id: p\n    items: &a\n      - text: x\n        items: *a\n"), &m, &errs)
	if !hasMsg(errs, "自分自身を含んでいます") {
		t.Errorf("self-referencing alias: %v", errs)
	}
	bomb := "x:\n  - &a {text: x}\n"
	prev := "a"
	for i := 0; i < 8; i++ {
		name := string(rune('b' + i))
		bomb += "  - &" + name + " {text: x, items: [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]}\n"
		prev = name
	}
	bomb += "phases:\n  - {id: p, title: t, items: [*" + prev + "]}\n"
	errs = nil
	m = Measures{}
	yamlpos.Decode("m.yaml", []byte(bomb), &m, &errs)
	if !hasMsg(errs, "展開が多すぎます") {
		t.Errorf("alias bomb not stopped: %v", errs)
	}
}

func TestCharactersOutsideTheBMPAreRefused(t *testing.T) {
	var c ColumnsFile
	var errs diag.List
	yamlpos.Decode("c.yaml", []byte("columns:\n  - id: a\n    title: 𠮷野家😀\n    paragraphs: [本文]\n"), &c, &errs)
	want := "c.yaml:3:12: columns[0].title: 「𠮷」（U+20BB7、1 文字目）は埋め込みフォントで表示できない文字です"
	if len(errs) != 1 || !strings.HasPrefix(errs[0].String(), want) {
		t.Errorf("got %v, want %q…", errs, want)
	}
}

// TestDecksFolderShape: a decks that is missing, a file, or a link that
// cannot be followed is a problem of its own.
func TestDecksFolderShape(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("decks", dir+"/decks")
	for _, c := range []struct {
		name string
		fsys fs.FS
		want string
	}{
		{"missing", fstest.MapFS{}, "sources/decks: スライドの素材のフォルダ decks がありません"},
		{"a file", fstest.MapFS{"decks": {Data: []byte("x")}}, "sources/decks: decks はスライドの素材を入れるフォルダの名前ですが、フォルダではありません"},
		{"a link loop", os.DirFS(dir), "sources/decks: スライドの素材のフォルダを読めません: too many levels of symbolic links"},
	} {
		raw, errs := Load(c.fsys, "sources")
		if !strings.Contains(errs.Error(), c.want) {
			t.Errorf("%s: got\n%s\nwant …%s…", c.name, errs.Error(), c.want)
		}
		if !raw.Incomplete {
			t.Errorf("%s: the sources are not marked incomplete", c.name)
		}
	}
}

// TestTooLargeFileNotRead: a source over the size limit is refused from
// its size alone, with a message of its own.
func TestTooLargeFileNotRead(t *testing.T) {
	fsys := fstest.MapFS{
		"contacts.yaml": {Data: []byte("contacts:\n  - " + strings.Repeat("a", 2<<20) + "\n")},
		"decks":         {Mode: fs.ModeDir},
	}
	raw, errs := Load(fsys, "sources")
	if want := "sources/contacts.yaml: ファイルが大きすぎます（1024 KB を超えています）"; !strings.Contains(errs.Error(), want) {
		t.Errorf("got\n%s\nwant …%s…", errs.Error(), want)
	}
	if !raw.Incomplete {
		t.Error("not marked incomplete")
	}
}
