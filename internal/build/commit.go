package build

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"sync"
)

// stager writes outputs into the staging folder as they are made, from
// any number of goroutines. Nothing visible changes until commit.
type stager struct {
	f     *folder
	mu    sync.Mutex
	n     int
	files []*staged
}

// stager starts staging for plan p.
func (f *folder) stager() (*stager, error) {
	if err := f.root.MkdirAll(stageDir, 0o755); err != nil {
		return nil, err
	}
	return &stager{f: f}, nil
}

// put stages the output o, written by write, and records its size and
// SHA-256 in o.
func (s *stager) put(o *Output, write func(io.Writer) error) error {
	s.mu.Lock()
	s.n++
	tmp := fmt.Sprintf("%s/%d.new", stageDir, s.n)
	s.mu.Unlock()
	w, err := s.f.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("%s: %w", s.f.show(o.Name), err)
	}
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(w, h)}
	bw := bufio.NewWriterSize(cw, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	// commit flushes it to disk, with the others at once (syncStaged).
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.f.root.Remove(tmp)
		return err
	}
	o.Size, o.SHA256 = cw.n, hex.EncodeToString(h.Sum(nil))
	s.mu.Lock()
	s.files = append(s.files, &staged{out: *o, tmp: tmp})
	s.mu.Unlock()
	return nil
}

// discard removes everything staged.
func (s *stager) discard() { s.f.root.RemoveAll(stageDir) }

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// finish adds the staged files and the outputs that were already up to
// date (listed in the manifest with the same inputs, see fresh) to the
// plan's next manifest, in name order.
func (p *plan) finish(s *stager, fresh []Output) {
	sort.Slice(s.files, func(i, j int) bool { return s.files[i].out.Name < s.files[j].out.Name })
	p.files = s.files
	for _, st := range s.files {
		o := st.out
		p.next.Files = append(p.next.Files, ownedFile{Name: o.Name, Target: o.Target, SHA256: o.SHA256, Inputs: o.Inputs, Pages: o.Pages})
	}
	for _, o := range fresh {
		p.next.Files = append(p.next.Files, ownedFile{Name: o.Name, Target: o.Target, SHA256: o.SHA256, Inputs: o.Inputs, Pages: o.Pages})
	}
	p.next.Format = manifestFormat
	sort.Slice(p.next.Files, func(i, j int) bool { return p.next.Files[i].Name < p.next.Files[j].Name })
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
	synced := make(chan error, 1)
	go func() { synced <- f.syncStaged(p.files) }()
	err = f.writeFile(pendingFile, record)
	if serr := <-synced; err == nil {
		err = serr
	}
	if err != nil {
		f.root.Remove(pendingFile)
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

// syncStaged flushes the staged files to disk before any is renamed into
// place, so that after a crash the folder holds no file with only part of
// its bytes. The files are flushed at once: the file system commits them
// together, where flushing each as it was written took about 1.5 ms a
// file, a tenth of a build here.
func (f *folder) syncStaged(files []*staged) error {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for i, s := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if f.syncHook != nil {
				if errs[i] = f.syncHook(s.out.Name); errs[i] != nil {
					return
				}
			}
			r, err := f.root.Open(s.tmp)
			if err != nil {
				errs[i] = err
				return
			}
			errs[i] = r.Sync()
			if cerr := r.Close(); errs[i] == nil {
				errs[i] = cerr
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("%s: %w", f.show(files[i].out.Name), err)
		}
	}
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

// write puts outs (made in memory) into the folder as one transaction:
// check, stage, commit. targets and prune are as for prepare; stop, when done before
// the commit starts, stops it with nothing changed. It returns the files that
// were changed by the user and therefore kept rather than removed.
func (f *folder) write(stop context.Context, outs []Output, targets map[string]bool, prune bool) (kept []string, err error) {
	p, err := f.prepare(outs, targets, prune)
	if err != nil {
		return nil, err
	}
	s, err := f.stager()
	if err != nil {
		return nil, err
	}
	for i := range outs {
		o := &outs[i]
		if err := s.put(o, func(w io.Writer) error { _, err := w.Write(o.Data); return err }); err != nil {
			s.discard()
			return nil, err
		}
	}
	p.finish(s, nil)
	// The last moment a stop is heeded: once renaming starts, the commit
	// runs to its end (it takes milliseconds).
	if stopped(stop) {
		s.discard()
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

// fresh reports whether the output o, made from inputs with the digest
// o.Inputs, is in the folder as sodan last wrote it from the same inputs:
// then it need not be made again. On true, o gets its recorded SHA-256.
func (f *folder) fresh(o *Output) bool {
	if o.Inputs == "" {
		return false
	}
	rec, ok := f.old[o.Name]
	if !ok || rec.Inputs != o.Inputs || rec.Target != o.Target {
		return false
	}
	fi, err := f.root.Lstat(o.Name)
	if err != nil || !fi.Mode().IsRegular() {
		return false
	}
	e := &entry{name: o.Name, regular: true}
	if !f.ours(e) {
		return false
	}
	o.SHA256, o.Size, o.Pages = rec.SHA256, fi.Size(), rec.Pages
	return true
}
