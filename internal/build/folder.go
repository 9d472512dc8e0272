package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The output folder is written as one transaction, and sodan only ever
// replaces or removes files it wrote itself. What it wrote is recorded in
// a manifest inside the folder; files the manifest does not list belong to
// the user and are never touched. Every file operation goes through an
// os.Root, so no symbolic link can lead a write or a removal out of the
// folder.
const (
	// stateDir holds sodan's own records inside the output folder.
	stateDir = ".sodan"
	// manifestFile lists the files the last build wrote.
	manifestFile = stateDir + "/manifest.json"
	// pendingFile is the manifest of a commit in progress: present only
	// while files are being renamed into place, so a build killed then is
	// recognised (and its files still count as sodan's) by the next one.
	pendingFile = stateDir + "/pending.json"
	// stageDir holds staged new files and the old files they replace until
	// a commit is complete. Whatever is in it at the start of a build was
	// left by a build that was killed, and is removed.
	stageDir = stateDir + "/tmp"
)

// manifest is the record of the files sodan wrote into an output folder.
type manifest struct {
	Format int         `json:"format"`
	Files  []ownedFile `json:"files"`
}

// ownedFile is one file sodan wrote: its slash-separated path inside the
// output folder, the target that made it and the SHA-256 of its bytes, so a
// file the user changed afterwards is recognised and left alone.
type ownedFile struct {
	Name   string `json:"name"`
	Target string `json:"target"`
	SHA256 string `json:"sha256"`
	// Inputs is a digest of everything the file was made from (the files
	// it read, the fonts, sodan's version, the build date): when it is the
	// same the file is up to date and is not made again.
	Inputs string `json:"inputs,omitempty"`
	Pages  int    `json:"pages,omitempty"` // for the build summary
}

const manifestFormat = 1

// folder is an output folder opened for one build or report.
type folder struct {
	dir     string   // as the user named it, for messages
	root    *os.Root // every operation goes through it
	old     map[string]ownedFile
	pending map[string]ownedFile // from a commit that was killed
	have    bool                 // a manifest was found
	// renameHook, when set by a test, runs before each rename of the
	// commit and can make it fail.
	renameHook func(from, to string) error
	// syncHook, when set by a test, runs before each staged file is
	// flushed to disk (syncStaged), with the output's name.
	syncHook func(name string) error
	// created are the folders opening made, deepest first.
	created []string
}

// FolderError is a refusal to use an output folder, in Japanese.
type FolderError struct{ Msg string }

func (e *FolderError) Error() string { return e.Msg }

// openFolder opens (creating it when absent) the output folder dir. It
// refuses a folder that is, holds, or lies inside one of the protected
// folders (the sources and the layouts), and it cleans what a killed build
// left in the staging folder.
func openFolder(dir string, protected ...string) (*folder, error) {
	if err := checkNotProtected(dir, protected); err != nil {
		return nil, err
	}
	if fi, err := os.Lstat(dir); err == nil && !fi.IsDir() {
		if fi.Mode()&fs.ModeSymlink == 0 {
			return nil, &FolderError{fmt.Sprintf("出力先 %s はフォルダではなくファイルです。別の出力先を -o で指定してください", dir)}
		}
	}
	// The folders this run creates, deepest first, so that a build that
	// fails leaves no empty output folder behind.
	var created []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		created = append(created, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &FolderError{fmt.Sprintf("出力先のフォルダ %s を作れません（%s）", dir, plainErr(err))}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &FolderError{fmt.Sprintf("出力先のフォルダ %s を開けません（%s）", dir, plainErr(err))}
	}
	f := &folder{dir: dir, root: root, created: created}
	if err := f.load(); err != nil {
		root.Close()
		return nil, err
	}
	return f, nil
}

func (f *folder) close() { f.root.Close() }

// abandon undoes what opening the folder did for a build that writes
// nothing: sodan's state folder goes when it holds nothing, and so do the
// folders opening created when they are empty.
func (f *folder) abandon() {
	f.root.RemoveAll(stageDir)
	f.root.Remove(stateDir) // only when empty
	for _, d := range f.created {
		os.Remove(d) // only when empty
	}
}

// show is the path of name inside the folder as the user would type it.
func (f *folder) show(name string) string { return filepath.Join(f.dir, filepath.FromSlash(name)) }

// load reads the manifest and the record of a killed commit, and empties
// the staging folder.
func (f *folder) load() error {
	var err error
	f.old, f.have, err = f.readManifest(manifestFile)
	if err != nil {
		return err
	}
	var killed bool
	f.pending, killed, err = f.readManifest(pendingFile)
	if err != nil {
		return err
	}
	f.have = f.have || killed
	if fi, err := f.root.Lstat(stateDir); err == nil && !fi.IsDir() {
		return &FolderError{fmt.Sprintf("%s は sodan の記録用のフォルダ名ですが、ファイルになっています。別の出力先を -o で指定してください", f.show(stateDir))}
	}
	if err := f.root.RemoveAll(stageDir); err != nil {
		return fmt.Errorf("前回中断された作業の一時ファイルを消せません: %w", err)
	}
	return nil
}

func (f *folder) readManifest(name string) (map[string]ownedFile, bool, error) {
	data, err := f.root.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]ownedFile{}, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("%s を読めません: %w", f.show(name), err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil || m.Format != manifestFormat {
		return nil, false, &FolderError{fmt.Sprintf("%s（sodan が書いたファイルの記録）が壊れています。どのファイルが sodan のものか分からないので、何も書き換えません。"+
			"出力フォルダの中身が sodan の出力だけなら、フォルダごと消してからもう一度実行してください", f.show(name))}
	}
	out := map[string]ownedFile{}
	for _, o := range m.Files {
		if !validName(o.Name) {
			return nil, false, &FolderError{fmt.Sprintf("%s に不正な名前「%s」があります。何も書き換えません", f.show(name), o.Name)}
		}
		out[o.Name] = o
	}
	return out, true, nil
}

// validName reports whether name is a clean relative slash path that stays
// inside the folder and is not in sodan's state folder.
func validName(name string) bool {
	return name != "" && fs.ValidPath(name) && name != "." && name != stateDir && !strings.HasPrefix(name, stateDir+"/")
}

// checkNotProtected refuses an output folder that is one of the protected
// folders, contains one, or lies inside one: a build there could replace a
// source.
func checkNotProtected(dir string, protected []string) error {
	out, err := realPath(dir)
	if err != nil {
		return &FolderError{fmt.Sprintf("出力先 %s の場所を調べられません（%s）", dir, plainErr(err))}
	}
	for _, p := range protected {
		if p == "" {
			continue
		}
		prot, err := realPath(p)
		if err != nil {
			continue
		}
		if within(prot, out) || within(out, prot) {
			return &FolderError{fmt.Sprintf("出力先 %s は %s と重なっています。ソースやレイアウトのフォルダ（とその親や中）には書き出せないので、別の出力先を -o で指定してください", dir, p)}
		}
	}
	return nil
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	if path == dir {
		return true
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// realPath is the absolute path of p with symbolic links resolved, for the
// part of it that exists.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return filepath.Join(r, rest), nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(abs, rest), nil
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}

// entry is a file found in the output folder.
type entry struct {
	name    string // slash path inside the folder
	regular bool
	sum     string // SHA-256 of a regular file's bytes, computed on demand
}

// survey lists every file in the folder outside sodan's state folder.
func (f *folder) survey() (map[string]*entry, error) {
	found := map[string]*entry{}
	err := fs.WalkDir(f.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == stateDir && d.IsDir() {
			return fs.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		found[p] = &entry{name: p, regular: d.Type().IsRegular()}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("出力先のフォルダ %s の中を調べられません: %w", f.dir, err)
	}
	return found, nil
}

// sum returns the SHA-256 of the file name in the folder.
func (f *folder) sum(e *entry) (string, error) {
	if e.sum != "" {
		return e.sum, nil
	}
	r, err := f.root.Open(e.name)
	if err != nil {
		return "", err
	}
	defer r.Close()
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	e.sum = hex.EncodeToString(h.Sum(nil))
	return e.sum, nil
}

// ours reports whether the file found is one sodan wrote and nobody has
// changed since: listed in the manifest (or in the record of a killed
// commit) with the same bytes.
func (f *folder) ours(e *entry) bool {
	if !e.regular {
		return false
	}
	sum, err := f.sum(e)
	if err != nil {
		return false
	}
	for _, m := range []map[string]ownedFile{f.old, f.pending} {
		if o, ok := m[e.name]; ok && o.SHA256 == sum {
			return true
		}
	}
	return false
}

// legacyTemp reports whether name is a temporary file an earlier sodan,
// killed while writing, left beside one of the named outputs:
// ".NAME.tmpDIGITS" in the same folder.
func legacyTemp(name string, outputs map[string]bool) bool {
	dir, base := path.Split(name)
	if !strings.HasPrefix(base, ".") {
		return false
	}
	i := strings.LastIndex(base, ".tmp")
	if i < 0 {
		return false
	}
	if _, err := strconv.ParseUint(base[i+4:], 10, 64); err != nil {
		return false
	}
	return outputs[dir+base[1:i]]
}

// staged is one output on its way into the folder.
type staged struct {
	out    Output
	tmp    string // its staged bytes, in stageDir
	backup string // where the file it replaces was moved, during commit
	placed bool
}

// plan is what a commit will do, worked out before anything changes.
type plan struct {
	files  []*staged
	remove []string // files of earlier builds of the same targets, to remove
	legacy []string // temporary files of a killed older sodan, to remove
	keep   []string // files sodan wrote that the user changed: left alone
	next   manifest
}

// prepare checks that every output may be written and works out what the
// build removes. targets are the targets being built; prune says whether
// files they wrote earlier and do not write now are removed (a build) or
// kept (a report). A folder without a manifest is only used when it holds
// nothing but files this build writes, under exactly their names.
func (f *folder) prepare(outs []Output, targets map[string]bool, prune bool) (*plan, error) {
	found, err := f.survey()
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, o := range outs {
		names[o.Name] = true
	}
	p := &plan{}
	adopt := !f.have && prune
	if adopt {
		var foreign []string
		for n, e := range found {
			if !(e.regular && (names[n] || legacyTemp(n, names))) && !f.ours(e) {
				foreign = append(foreign, n)
			}
		}
		if len(foreign) > 0 {
			sort.Strings(foreign)
			more := ""
			if len(foreign) > 3 {
				more = fmt.Sprintf(" ほか %d 件", len(foreign)-3)
				foreign = foreign[:3]
			}
			return nil, &FolderError{fmt.Sprintf("出力先 %s には sodan が書いたのではないファイルがあります（%s%s）。sodan は自分の書いたファイルしか置き換えたり消したりしないので、このフォルダには書き出しません。"+
				"空のフォルダか新しいフォルダを -o で指定してください（sodan の出力だけのフォルダなら、消してから実行してもかまいません）", f.dir, strings.Join(foreign, ", "), more)}
		}
	}
	var problems []string
	for _, o := range outs {
		if !validName(o.Name) {
			return nil, fmt.Errorf("出力の名前「%s」が不正です", o.Name)
		}
		// Every folder on the way must be a folder.
		for d := path.Dir(o.Name); d != "."; d = path.Dir(d) {
			if e, ok := found[d]; ok {
				problems = append(problems, fmt.Sprintf("%s を置くフォルダ %s の場所に、フォルダではないもの（%s）があります", f.show(o.Name), f.show(d), kind(e)))
			}
		}
		if fi, err := f.root.Lstat(o.Name); err == nil && fi.IsDir() {
			problems = append(problems, fmt.Sprintf("%s を書く場所にフォルダがあります", f.show(o.Name)))
			continue
		}
		e, ok := found[o.Name]
		switch {
		case !ok:
		case !e.regular:
			problems = append(problems, fmt.Sprintf("%s を書く場所に、ふつうのファイルではないもの（%s）があります", f.show(o.Name), kind(e)))
		case adopt || f.ours(e):
		case f.listed(o.Name):
			problems = append(problems, fmt.Sprintf("%s は前回 sodan が書いた後に変更されています。上書きすると変更が失われるので、残したいときは別の名前に変えるか別のフォルダへ移し、要らなければ消してから、もう一度実行してください", f.show(o.Name)))
		default:
			problems = append(problems, fmt.Sprintf("%s は sodan が書いたファイルではありません。上書きしないので、別の名前に変えるか別のフォルダへ移してから、もう一度実行してください", f.show(o.Name)))
		}
	}
	if len(problems) > 0 {
		return nil, &FolderError{strings.Join(problems, "\n")}
	}
	// The next manifest: this build's files, and what other targets wrote
	// earlier.
	for _, m := range []map[string]ownedFile{f.old, f.pending} {
		for n, o := range m {
			if targets[o.Target] || names[n] {
				continue
			}
			if e, ok := found[n]; ok && f.ours(e) {
				p.next.Files = append(p.next.Files, o)
			}
		}
	}
	for n, e := range found {
		switch {
		case names[n]:
		case legacyTemp(n, names) && (adopt || f.have):
			p.legacy = append(p.legacy, n)
		case !prune || !f.listedFor(n, targets):
		case f.ours(e):
			p.remove = append(p.remove, n)
		default:
			p.keep = append(p.keep, n)
		}
	}
	sort.Strings(p.remove)
	sort.Strings(p.legacy)
	sort.Strings(p.keep)
	return p, nil
}

// listed reports whether the manifest (or a killed commit's record) lists
// name.
func (f *folder) listed(name string) bool {
	_, a := f.old[name]
	_, b := f.pending[name]
	return a || b
}

// listedFor reports whether name is recorded as written by one of targets.
func (f *folder) listedFor(name string, targets map[string]bool) bool {
	for _, m := range []map[string]ownedFile{f.old, f.pending} {
		if o, ok := m[name]; ok && targets[o.Target] {
			return true
		}
	}
	return false
}

func kind(e *entry) string {
	if e.regular {
		return "ファイル"
	}
	return "リンクなど"
}

// plainErr is the operating system's reason in err, without the operation
// and path that Go puts before it.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
