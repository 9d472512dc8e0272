// Package links checks the web addresses written in the sources over
// HTTP, so an editor learns that a desk's page has moved before a reader
// finds out.
package links

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"

	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// Options tune a check; the zero value uses the defaults.
type Options struct {
	Client   *http.Client  // nil: a client with Timeout and no redirects followed
	Timeout  time.Duration // per address; 0 means 15 s
	Parallel int           // addresses checked at once; 0 means 4
}

// Result is what one address answered.
type Result struct {
	URL      yamlpos.Str
	Status   int    // the final HTTP status, 0 when there was no answer
	Location string // the target of a redirect
	Err      error  // no answer (timeout, refused, bad address)
}

// OK reports whether the address answered with a success.
func (r Result) OK() bool { return r.Err == nil && r.Status >= 200 && r.Status < 300 }

// Diagnostic describes a result that needs the editor's attention, at the
// address's position in its file.
func (r Result) Diagnostic() (diag.Diagnostic, bool) {
	var msg string
	switch {
	case r.Err != nil:
		msg = fmt.Sprintf("%s に接続できません（%v）", r.URL.V, r.Err)
	case r.Status >= 300 && r.Status < 400:
		msg = fmt.Sprintf("%s は %s に転送されます（HTTP %d）。移転したのなら、転送先に書き換えてください", r.URL.V, r.Location, r.Status)
	case !r.OK():
		msg = fmt.Sprintf("%s は HTTP %d（%s）を返しました。ページが移転・削除されていないか確認してください", r.URL.V, r.Status, http.StatusText(r.Status))
	default:
		return diag.Diagnostic{}, false
	}
	return diag.At(r.URL.Loc, "%s", msg), true
}

// Check asks every address, a few at a time, and returns the results in
// the order of urls. Each address is asked with HEAD, and again with GET
// when the server refuses HEAD. Redirects are not followed: they are
// reported with their target.
func Check(ctx context.Context, urls []yamlpos.Str, opts Options) []Result {
	if opts.Timeout == 0 {
		opts.Timeout = 15 * time.Second
	}
	if opts.Parallel == 0 {
		opts.Parallel = 4
	}
	client := opts.Client
	if client == nil {
		client = &http.Client{}
	}
	// A copy, so the caller's client is not changed.
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	out := make([]Result, len(urls))
	sem := make(chan struct{}, opts.Parallel)
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			out[i] = ask(ctx, &c, u, opts.Timeout)
		}()
	}
	wg.Wait()
	return out
}

func ask(ctx context.Context, c *http.Client, u yamlpos.Str, timeout time.Duration) Result {
	r := Result{URL: u}
	if _, err := url.ParseRequestURI(u.V); err != nil {
		r.Err = err
		return r
	}
	for _, method := range []string{http.MethodHead, http.MethodGet} {
		rctx, cancel := context.WithTimeout(ctx, timeout)
		req, err := http.NewRequestWithContext(rctx, method, u.V, nil)
		if err != nil {
			cancel()
			r.Err = err
			return r
		}
		req.Header.Set("User-Agent", "sodan-link-check")
		resp, err := c.Do(req)
		if err != nil {
			cancel()
			r.Err = plain(err)
			return r
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		cancel()
		r.Status, r.Location = resp.StatusCode, resp.Header.Get("Location")
		// Some servers refuse HEAD (405, 501) or answer it wrongly (403,
		// 404): ask once more with GET.
		if method == http.MethodHead && (r.Status == 405 || r.Status == 501 || r.Status == 403 || r.Status == 404) {
			continue
		}
		break
	}
	return r
}

// plain drops the method and address that net/http puts before the
// reason, since the message names the address already.
func plain(err error) error {
	if ue, ok := err.(*url.Error); ok {
		if ue.Timeout() {
			return fmt.Errorf("時間内に応答がありません")
		}
		return ue.Err
	}
	return err
}
