package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"sort"
)

// stage writes every output into the staging folder. Nothing visible
// changes; on failure the staged files are removed.
func (f *folder) stage(p *plan, outs []Output) error {
	if err := f.root.MkdirAll(stageDir, 0o755); err != nil {
		return err
	}
	for i, o := range outs {
		tmp := fmt.Sprintf("%s/%d.new", stageDir, i)
		if err := f.writeFile(tmp, o.Data); err != nil {
			f.root.RemoveAll(stageDir)
			return fmt.Errorf("%s: %w", f.show(o.Name), err)
		}
		sum := sha256.Sum256(o.Data)
		p.files = append(p.files, &staged{out: o, tmp: tmp})
		p.next.Files = append(p.next.Files, ownedFile{Name: o.Name, Target: o.Target, SHA256: hex.EncodeToString(sum[:])})
	}
	p.next.Format = manifestFormat
	sort.Slice(p.next.Files, func(i, j int) bool { return p.next.Files[i].Name < p.next.Files[j].Name })
	return nil
}

// writeFile writes data to name in the folder and flushes it to disk.
func (f *folder) writeFile(name string, data []byte) error {
	w, err := f.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	if err == nil {
		err = w.Sync()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

func (f *folder) rename(from, to string) error {
	if f.renameHook != nil {
		if err := f.renameHook(from, to); err != nil {
			return err
		}
	}
	return f.root.Rename(from, to)
}

// commit puts the staged files in place. The files they replace and the
// files removed are first moved into the staging folder; if any rename
// fails, everything is moved back, so the folder holds either the whole
// old set or the whole new one. The manifest is replaced last.
func (f *folder) commit(p *plan) (err error) {
	record, _ := json.MarshalIndent(p.next, "", "  ")
	record = append(record, '\n')
	if err := f.writeFile(pendingFile, record); err != nil {
		f.root.RemoveAll(stageDir)
		return err
	}
	var removed [][2]string // original name, backup
	defer func() {
		if err == nil {
			return
		}
		f.rollback(p, removed)
		f.root.Remove(pendingFile)
		f.root.RemoveAll(stageDir)
	}()
	for i, s := range p.files {
		if d := path.Dir(s.out.Name); d != "." {
			if err := f.root.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("%s: %w", f.show(d), err)
			}
		}
		if _, err := f.root.Lstat(s.out.Name); err == nil {
			s.backup = fmt.Sprintf("%s/%d.old", stageDir, i)
			if err := f.rename(s.out.Name, s.backup); err != nil {
				s.backup = ""
				return fmt.Errorf("%s: %w", f.show(s.out.Name), err)
			}
		}
		if err := f.rename(s.tmp, s.out.Name); err != nil {
			return fmt.Errorf("%s: %w", f.show(s.out.Name), err)
		}
		s.placed = true
	}
	for i, n := range append(append([]string(nil), p.remove...), p.legacy...) {
		b := fmt.Sprintf("%s/%d.gone", stageDir, i)
		if err := f.rename(n, b); err != nil {
			return fmt.Errorf("%s: %w", f.show(n), err)
		}
		removed = append(removed, [2]string{n, b})
	}
	if err := f.rename(pendingFile, manifestFile); err != nil {
		return fmt.Errorf("%s: %w", f.show(manifestFile), err)
	}
	// Done: the old files are no longer needed.
	f.root.RemoveAll(stageDir)
	return nil
}

// rollback undoes a partial commit: each placed file goes back to the
// staging folder and each old file back to its name.
func (f *folder) rollback(p *plan, removed [][2]string) {
	for i := len(removed) - 1; i >= 0; i-- {
		f.root.Rename(removed[i][1], removed[i][0])
	}
	for i := len(p.files) - 1; i >= 0; i-- {
		s := p.files[i]
		if s.placed {
			f.root.Remove(s.out.Name)
		}
		if s.backup != "" {
			f.root.Rename(s.backup, s.out.Name)
		}
	}
}

// write puts outs into the folder as one transaction: check, stage,
// commit. targets and prune are as for prepare; stop, when done before
// the commit starts, stops it with nothing changed. It returns the files that
// were changed by the user and therefore kept rather than removed.
func (f *folder) write(stop context.Context, outs []Output, targets map[string]bool, prune bool) (kept []string, err error) {
	p, err := f.prepare(outs, targets, prune)
	if err != nil {
		return nil, err
	}
	if err := f.stage(p, outs); err != nil {
		return nil, err
	}
	// The last moment a stop is heeded: once renaming starts, the commit
	// runs to its end (it takes milliseconds).
	if stopped(stop) {
		f.root.RemoveAll(stageDir)
		return nil, ErrStopped
	}
	if err := f.commit(p); err != nil {
		return nil, err
	}
	for _, k := range p.keep {
		kept = append(kept, f.show(k))
	}
	return kept, nil
}
