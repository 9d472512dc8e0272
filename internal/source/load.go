// Package source reads the YAML files of the sources folder into raw
// records that keep the file, line, column and data path of every value.
// Decoding is strict: unknown keys, duplicate keys, wrong kinds of value,
// files that are not UTF-8 and YAML syntax errors are all reported, every
// one of them in a single run.
package source

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// files maps each known file of the sources folder to the field of Raw it
// fills.
var files = []struct {
	name string
	get  func(*Raw) any
}{
	{"edition.yaml", func(r *Raw) any { return &r.Edition }},
	{"contacts.yaml", func(r *Raw) any { return &r.Contacts }},
	{"quicklist.yaml", func(r *Raw) any { return &r.QuickList }},
	{"resources.yaml", func(r *Raw) any { return &r.Resources }},
	{"measures.yaml", func(r *Raw) any { return &r.Measures }},
	{"guide.yaml", func(r *Raw) any { return &r.Guide }},
	{"columns.yaml", func(r *Raw) any { return &r.Columns }},
	{"flow.yaml", func(r *Raw) any { return &r.Flow }},
	{"risk.yaml", func(r *Raw) any { return &r.Risk }},
	{"selfcheck.yaml", func(r *Raw) any { return &r.SelfCheck }},
}

// Load reads every source file from fsys. dir is the folder's name as the
// user knows it (e.g. "sources"), used in messages. It returns the raw
// records and all problems found; the records are only complete when the
// list is empty.
func Load(fsys fs.FS, dir string) (*Raw, diag.List) {
	var errs diag.List
	raw := &Raw{}
	known := map[string]bool{}
	for _, f := range files {
		known[f.name] = true
		name := path.Join(dir, f.name)
		data, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			errs.Add(diag.Diagnostic{Pos: diag.Pos{File: name}, Msg: "ファイルを読めません（必要なファイルです）: " + plainErr(err)})
			continue
		}
		yamlpos.Decode(name, data, f.get(raw), &errs)
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: dir}, Msg: "フォルダを読めません: " + plainErr(err)})
		return raw, errs
	}
	raw.Decks = loadDecks(fsys, dir, &errs)
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) && !known[n] {
			errs.Add(diag.Diagnostic{Pos: diag.Pos{File: path.Join(dir, n)}, Msg: "知らないファイルです（使えるファイル: " + knownList() + "）。名前の綴りを確認してください"})
		}
	}
	return raw, errs
}

// DecksDir is the folder inside the sources that holds the slide decks.
const DecksDir = "decks"

// loadDecks reads every decks/*.yaml in file-name order. A sources folder
// without decks is allowed (no decks are built).
func loadDecks(fsys fs.FS, dir string, errs *diag.List) []Deck {
	entries, err := fs.ReadDir(fsys, DecksDir)
	if err != nil {
		return nil
	}
	var decks []Deck
	for _, e := range entries { // ReadDir sorts by name
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(DecksDir, n))
		if err != nil {
			errs.Add(diag.Diagnostic{Pos: diag.Pos{File: path.Join(dir, DecksDir, n)}, Msg: "ファイルを読めません: " + plainErr(err)})
			continue
		}
		var d Deck
		yamlpos.Decode(path.Join(dir, DecksDir, n), data, &d, errs)
		d.File = n
		decks = append(decks, d)
	}
	return decks
}

func knownList() string {
	var names []string
	for _, f := range files {
		names = append(names, f.name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
