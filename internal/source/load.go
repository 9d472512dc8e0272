// Package source reads the YAML files of the sources folder into raw
// records that keep the file, line, column and data path of every value.
// Decoding is strict: unknown keys, duplicate keys, wrong kinds of value,
// files that are not UTF-8 and YAML syntax errors are all reported, every
// one of them in a single run.
package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"

	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// Kind is one kind of source file, for its JSON Schema.
type Kind struct {
	File   string // as it sits in the sources folder: contacts.yaml, decks/*.yaml
	Schema string // the schema's file name
	Title  string
	Value  any // a value of the type the file is read into
}

// Kinds lists every kind of source file: the named files, then a deck.
func Kinds() []Kind {
	var out []Kind
	for _, f := range files {
		base := strings.TrimSuffix(f.name, ".yaml")
		out = append(out, Kind{File: f.name, Schema: base + ".schema.json", Title: titles[base], Value: reflect.ValueOf(f.get(&Raw{})).Elem().Interface()})
	}
	return append(out,
		Kind{File: DecksDir + "/*.yaml", Schema: "deck.schema.json", Title: titles["deck"], Value: Deck{}},
		Kind{File: EventsDir + "/*.yaml", Schema: "event.schema.json", Title: titles["event"], Value: Event{}})
}

// titles name each kind of source file for the schema's title.
var titles = map[string]string{
	"edition":   "版と改版履歴（sources/edition.yaml）",
	"contacts":  "窓口の台帳（sources/contacts.yaml）",
	"quicklist": "クイックリストの CHECK と状況（sources/quicklist.yaml）",
	"resources": "予防と支援の相談先（sources/resources.yaml）",
	"measures":  "マルウェア感染の対策（sources/measures.yaml）",
	"guide":     "経営者の理解のもとで進める4つのステップ（sources/guide.yaml）",
	"columns":   "コラム（sources/columns.yaml）",
	"flow":      "相談対応フロー（sources/flow.yaml）",
	"risk":      "リスク分析の方法（sources/risk.yaml）",
	"selfcheck": "自社診断と情報セキュリティ5か条（sources/selfcheck.yaml）",
	"deck":      "セミナーのスライド 1 デッキ（sources/decks/*.yaml）",
	"event":     "セミナー 1 回の日時・会場・講師・式次第（sources/events/*.yaml）",
}

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
// list is empty. raw.Incomplete says that a file could not be read or
// parsed at all, so that checks across files would only add follow-on
// problems.
func Load(fsys fs.FS, dir string) (*Raw, diag.List) {
	var errs diag.List
	raw := &Raw{}
	known := map[string]bool{}
	for _, f := range files {
		known[f.name] = true
	}
	decodeAll(len(files), func(i int, errs *diag.List) bool {
		f := files[i]
		return decodeFile(fsys, f.name, path.Join(dir, f.name), "（必要なファイルです）", f.get(raw), errs)
	}, raw, &errs)
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: dir}, Msg: "フォルダを読めません: " + plainErr(err)})
		raw.Incomplete = true
		return raw, errs
	}
	raw.Decks = loadDecks(fsys, dir, raw, &errs)
	raw.Events = loadEvents(fsys, dir, raw, &errs)
	for _, e := range entries {
		n := e.Name()
		switch {
		case e.IsDir() || known[n] || ignored(n):
		case strings.HasSuffix(n, ".yaml"):
			msg := "知らないファイルです（使えるファイル: " + knownList() + "）。名前の綴りを確認してください"
			for k := range known {
				if strings.EqualFold(k, n) {
					msg = "ファイル名は小文字で「" + k + "」にしてください（このままでは読みません）"
				}
			}
			errs.Add(diag.Diagnostic{Pos: diag.Pos{File: path.Join(dir, n)}, Msg: msg})
		case nearMiss(n) != "":
			errs.Add(diag.Diagnostic{Pos: diag.Pos{File: path.Join(dir, n)}, Msg: nearMiss(n)})
		}
	}
	return raw, errs
}

// DecksDir is the folder inside the sources that holds the slide decks.
const DecksDir = "decks"

// loadDecks reads every decks/*.yaml in file-name order. The folder must
// be there (it may be empty): without it every deck's outputs would be
// removed without a word. A file whose name is nearly a deck's (.yml,
// .YAML, deck.yaml.txt) is reported rather than passed over.
func loadDecks(fsys fs.FS, dir string, raw *Raw, errs *diag.List) []Deck {
	entries, err := fs.ReadDir(fsys, DecksDir)
	if err != nil {
		msg := "スライドの素材のフォルダを読めません: " + plainErr(err)
		if fi, serr := fs.Stat(fsys, DecksDir); errors.Is(serr, fs.ErrNotExist) {
			msg = "スライドの素材のフォルダ decks がありません。デッキを作らないときも、空のフォルダ decks を置いてください"
		} else if serr == nil && !fi.IsDir() {
			msg = "decks はスライドの素材を入れるフォルダの名前ですが、フォルダではありません"
		}
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: path.Join(dir, DecksDir)}, Msg: msg})
		raw.Incomplete = true
		return nil
	}
	return loadFolder(fsys, dir, DecksDir, entries, raw, errs, func(d *Deck, name string) { d.File = name })
}

// EventsDir is the folder inside the sources that holds the seminars; it
// may be absent (no seminar kits are built).
const EventsDir = "events"

// loadEvents reads every events/*.yaml in file-name order, as loadDecks
// reads the decks.
func loadEvents(fsys fs.FS, dir string, raw *Raw, errs *diag.List) []Event {
	entries, err := fs.ReadDir(fsys, EventsDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: path.Join(dir, EventsDir)}, Msg: "セミナーのフォルダを読めません: " + plainErr(err)})
		raw.Incomplete = true
		return nil
	}
	return loadFolder(fsys, dir, EventsDir, entries, raw, errs, func(e *Event, name string) { e.File = name })
}

// loadFolder decodes the *.yaml files among the entries of the folder sub
// (sorted by name), reporting near-miss names and folders where a file
// should be; named gives each value its file name.
func loadFolder[T any](fsys fs.FS, dir, sub string, entries []fs.DirEntry, raw *Raw, errs *diag.List, named func(*T, string)) []T {
	var names []string
	for _, e := range entries {
		n := e.Name()
		file := path.Join(dir, sub, n)
		switch {
		case ignored(n):
			continue
		case !strings.HasSuffix(n, ".yaml"):
			if m := nearMiss(n); m != "" {
				errs.Add(diag.Diagnostic{Pos: diag.Pos{File: file}, Msg: m})
			}
			continue
		case e.IsDir():
			errs.Add(diag.Diagnostic{Pos: diag.Pos{File: file}, Msg: "YAML のファイルの名前ですが、フォルダです"})
			continue
		}
		names = append(names, n)
	}
	out := make([]T, len(names))
	decodeAll(len(names), func(i int, errs *diag.List) bool {
		ok := decodeFile(fsys, path.Join(sub, names[i]), path.Join(dir, sub, names[i]), "", &out[i], errs)
		named(&out[i], names[i])
		return ok
	}, raw, errs)
	return out
}

// decodeAll runs decode(i) for i from 0 to n-1 at once (YAML decoding is
// most of the time of sodan check, and the files do not depend on each
// other), each with its own list of problems, and adds the lists to errs
// in the order of i; a decode that fails marks raw incomplete.
func decodeAll(n int, decode func(i int, errs *diag.List) bool, raw *Raw, errs *diag.List) {
	lists := make([]diag.List, n)
	ok := make([]bool, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok[i] = decode(i, &lists[i])
		}()
	}
	wg.Wait()
	for i := range n {
		*errs = append(*errs, lists[i]...)
		if !ok[i] {
			raw.Incomplete = true
		}
	}
}

// ignored reports whether a file in the sources is not the user's
// content: hidden files (.DS_Store, an editor's .name.swp) and backups an
// editor keeps (name~, name.bak, name.orig).
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".bak") || strings.HasSuffix(name, ".orig")
}

// nearMiss explains why a file whose name is nearly a source's is not
// read, or returns "" for a name that is plainly something else.
func nearMiss(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".yml"):
		return "拡張子が .yml です。sodan は .yaml のファイルだけを読むので、名前を「" + strings.TrimSuffix(name, name[len(name)-4:]) + ".yaml」に変えてください"
	case strings.HasSuffix(lower, ".yaml"):
		return "拡張子は小文字の .yaml にしてください（このままでは読みません）"
	case strings.Contains(lower, ".yaml.") || strings.Contains(lower, ".yml."):
		return "名前が .yaml で終わっていません（保存のときに拡張子が付け足されていませんか）。このままでは読みません"
	}
	return ""
}

// decodeFile reads name from fsys and decodes it into out, reporting a
// file that cannot be read (shown as file; note says why it matters) or
// parsed. It returns false when there is nothing to check further.
func decodeFile(fsys fs.FS, name, file, note string, out any, errs *diag.List) bool {
	data, err := readFile(fsys, name)
	if err != nil {
		msg := "ファイルを読めません" + note + ": " + plainErr(err)
		if errors.As(err, new(*refusal)) {
			msg = err.Error()
		}
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: file}, Msg: msg})
		return false
	}
	return yamlpos.Decode(file, data, out, errs)
}

// refusal is a file sodan will not read, in Japanese.
type refusal struct{ msg string }

func (r *refusal) Error() string { return r.msg }

// readFile reads a regular file of at most yamlpos.MaxFileSize bytes,
// refusing larger ones (and FIFOs, devices) before reading them.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &refusal{"ふつうのファイルではありません（フォルダやパイプなど）。YAML のファイルを置いてください"}
	}
	if fi.Size() > yamlpos.MaxFileSize {
		return nil, &refusal{fmt.Sprintf("ファイルが大きすぎます（%d KB を超えています）。ファイルを取り違えていないか確認してください", yamlpos.MaxFileSize>>10)}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, yamlpos.MaxFileSize+1))
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
