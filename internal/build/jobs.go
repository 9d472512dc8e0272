package build

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"sodan/internal/diag"
)

// Job makes the outputs of a target that are made together and from the
// same inputs: the quick list; one deck's slides, handouts and notes; the
// workbook. A build runs its jobs on a pool of workers, skips those whose
// outputs are up to date, and streams every output to its staged file as
// soon as it is made.
type Job struct {
	// Outputs are the files the job makes, as slash paths inside the
	// output folder, in the order Make puts them.
	Outputs []string
	// Sources and Layouts are the files the job reads, relative to the
	// sources and layouts folders. With the sodan binary itself (its code
	// and its embedded fonts) and the build date they are everything the
	// outputs depend on: a test changes every other source file and finds
	// the outputs unchanged.
	Sources, Layouts []string
	// Make makes the outputs in order, giving each to put with its page
	// count and a function that writes its bytes. Problems in the sources
	// or layouts come back as a diag.List.
	Make func(put Put) error
	// Warnings are printed after the build, in job order (Make may add
	// to them); a job running beside others must not print itself.
	Warnings *bytes.Buffer
	// Target, when set, is the target the manifest records the outputs
	// under instead of the job's own: one for each seminar's kit, so that
	// building one kit leaves the others' files alone.
	Target string
}

// Put hands one made output to the build: its name, its number of pages
// (sheets for a workbook) and the function that writes it.
type Put func(name string, pages int, write func(io.Writer) error) error

// Result is what a build did.
type Result struct {
	Dir     string
	Outputs []Output // in name order
	Took    time.Duration
}

// Paths are the outputs as paths the user can open.
func (r *Result) Paths() []string {
	var p []string
	for _, o := range r.Outputs {
		p = append(p, filepath.Join(r.Dir, filepath.FromSlash(o.Name)))
	}
	return p
}

// Made counts the outputs that were made (not up to date).
func (r *Result) Made() int {
	n := 0
	for _, o := range r.Outputs {
		if !o.Fresh {
			n++
		}
	}
	return n
}

// binaryDigest fingerprints the running sodan binary (its code and the
// fonts embedded in it), so that outputs made by another build of sodan
// are never taken as up to date. It is the Go build ID the linker writes
// into the binary's ELF note (its last part is a hash of the binary's
// content), read without reading the 30 MB file; where there is none (not
// ELF, or built with -buildid=) it is a CRC-32C of the whole file, which
// takes a few milliseconds and only has to notice change, not resist
// forgery.
var binaryDigest = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown " + time.Now().String() // nothing is up to date
	}
	if id := goBuildID(exe); id != "" {
		return "go " + id
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unknown " + time.Now().String()
	}
	defer f.Close()
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	n, _ := io.Copy(h, f)
	return fmt.Sprintf("%08x-%d", h.Sum32(), n)
})

// goBuildID returns the Go build ID in the ELF note of the executable exe,
// or "" if it has none.
func goBuildID(exe string) string {
	e, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer e.Close()
	s := e.Section(".note.go.buildid")
	if s == nil || s.Size > 4096 {
		return ""
	}
	note, err := s.Data()
	// The note: name size, descriptor size, type 4, "Go\x00\x00", the ID.
	if err != nil || len(note) < 16 || string(note[12:16]) != "Go\x00\x00" {
		return ""
	}
	n := int(e.ByteOrder.Uint32(note[4:]))
	id := note[16:]
	if n <= 0 || n > len(id) {
		return ""
	}
	return string(id[:n])
}

// inputs is the digest of everything a job's outputs are made from.
func (c *Context) inputs(j *Job) string {
	h := sha256.New()
	fmt.Fprintf(h, "sodan %s\ndate %s\n", binaryDigest(), c.Date.Format(time.RFC3339))
	add := func(kind string, fsys fs.FS, names []string) {
		names = append([]string(nil), names...)
		sort.Strings(names)
		for _, n := range names {
			data, err := fs.ReadFile(fsys, n)
			if err != nil {
				fmt.Fprintf(h, "%s %s absent\n", kind, n)
				continue
			}
			fmt.Fprintf(h, "%s %s %d\n", kind, n, len(data))
			h.Write(data)
		}
	}
	add("source", c.Sources, j.Sources)
	add("layout", c.Layouts, j.Layouts)
	return hex.EncodeToString(h.Sum(nil))
}

// runJobs makes the outputs of jobs that are not up to date, on
// GOMAXPROCS workers, staging each output as it is made. It returns every
// output (fresh ones too) and the problems found, sorted; the order of
// both never depends on the scheduling.
func runJobs(ctx *Context, f *folder, st *stager, jobs []jobOf, force bool) ([]Output, diag.List) {
	var outs []Output
	var todo []int
	for i := range jobs {
		j := &jobs[i]
		key := ctx.inputs(&j.Job)
		fresh := !force
		for _, name := range j.Outputs {
			o := Output{Name: name, Target: j.target, Inputs: key}
			fresh = fresh && f.fresh(&o)
			j.outs = append(j.outs, o)
		}
		if fresh {
			for k := range j.outs {
				j.outs[k].Fresh = true
			}
			continue
		}
		for k := range j.outs {
			j.outs[k].SHA256, j.outs[k].Size = "", 0
		}
		todo = append(todo, i)
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), max(len(todo), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				jobs[i].run(ctx, st)
			}
		}()
	}
	for _, i := range todo {
		if stopped(ctx.Stop) {
			break
		}
		work <- i
	}
	close(work)
	wg.Wait()
	var problems diag.List
	for i := range jobs {
		problems = append(problems, jobs[i].problems...)
		outs = append(outs, jobs[i].outs...)
		if jobs[i].Warnings != nil {
			ctx.Warn.Write(jobs[i].Warnings.Bytes())
		}
	}
	sort.Slice(outs, func(i, j int) bool { return outs[i].Name < outs[j].Name })
	return outs, problems
}

// jobOf is a job with its target and what running it gave.
type jobOf struct {
	Job
	target   string
	outs     []Output
	problems diag.List
}

// run makes the job's outputs into the stager.
func (j *jobOf) run(ctx *Context, st *stager) {
	last := time.Now()
	next := 0
	put := func(name string, pages int, write func(io.Writer) error) error {
		if next >= len(j.outs) || j.outs[next].Name != name {
			return fmt.Errorf("internal: %s put %s, not the next of %v", j.target, name, j.Outputs)
		}
		o := &j.outs[next]
		next++
		o.Pages = pages
		err := st.put(o, write)
		// Each output is charged with the time since the one before: the
		// first of a deck with its layout, the others with their own.
		o.Took, last = time.Since(last), time.Now()
		return err
	}
	err := safely(func() error { return j.Make(put) })
	if err == nil && next != len(j.outs) {
		err = fmt.Errorf("internal: %s made %d of its %d outputs", j.target, next, len(j.outs))
	}
	var l diag.List
	switch {
	case errors.As(err, &l):
		j.problems = l
	case err != nil:
		// Not a problem in a source (a renderer failed): reported with
		// the others rather than dropping what was found.
		j.problems = diag.List{{Msg: fmt.Sprintf("%s を作れませんでした: %v", path.Base(j.Outputs[0]), err)}}
	}
}
