package build

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Round is what one build of a watch did.
type Round struct {
	Result  *Result       // what the build did (nil when it failed)
	Err     error         // the build's problems (a diag.List) or failure
	Took    time.Duration // how long the build took
	Trigger string        // the file whose change started it ("" for the first)
}

// debounce is how long a watch waits after a change for more: editors
// save in several steps (a temporary file, a rename, a change of mode).
const debounce = 150 * time.Millisecond

// Watch builds once, then again after every change under the sources and
// layouts folders (new and renamed files and folders included), until
// stop is done. Each round is passed to report. A build that fails leaves
// the outputs as they were, like any build, and the watch goes on.
func Watch(stop context.Context, opts Options, report func(Round)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, root := range []string{opts.Sources, opts.Layouts} {
		if err := watchTree(w, root); err != nil {
			return err
		}
	}
	opts.Stop = stop
	if opts.Warn != nil {
		opts.Warn = &onceWriter{w: opts.Warn, seen: map[string]bool{}}
	}
	round := func(trigger string) {
		start := time.Now()
		res, err := Run(opts)
		if errors.Is(err, ErrStopped) {
			return
		}
		report(Round{Result: res, Err: err, Took: time.Since(start), Trigger: trigger})
	}
	round("")
	var timer <-chan time.Time
	trigger := ""
	for {
		select {
		case <-stop.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				// A new folder (a decks folder put back) is watched too.
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					watchTree(w, ev.Name)
				}
			}
			if ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write) {
				continue
			}
			trigger = ev.Name
			timer = time.After(debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			report(Round{Err: err})
		case <-timer:
			timer = nil
			round(trigger)
		}
	}
}

// watchTree watches root and every folder below it.
func watchTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// onceWriter passes each distinct line on once: a warning that holds for
// every round of a watch (old contacts) is said once, not at every save.
type onceWriter struct {
	w    io.Writer
	seen map[string]bool
}

func (o *onceWriter) Write(p []byte) (int, error) {
	for _, line := range strings.SplitAfter(string(p), "\n") {
		if line == "" || o.seen[line] {
			continue
		}
		o.seen[line] = true
		if _, err := io.WriteString(o.w, line); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}
