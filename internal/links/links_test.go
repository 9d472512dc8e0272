package links

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// TestCheck asks a local server's pages: a good page, a missing one, a
// page that refuses HEAD but answers GET, a redirect, a slow page and a
// closed port. Only the good page and the HEAD-refusing one pass; the
// others are reported at their position with what happened.
func TestCheck(t *testing.T) {
	var heads, gets int
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/nohead", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			heads++
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		gets++
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	closed := httptest.NewServer(mux)
	closedURL := closed.URL
	closed.Close()

	var urls []yamlpos.Str
	for i, p := range []string{srv.URL + "/ok", srv.URL + "/gone", srv.URL + "/nohead", srv.URL + "/moved", srv.URL + "/slow", closedURL + "/ok"} {
		urls = append(urls, yamlpos.Str{V: p, Loc: diag.Loc{Pos: diag.Pos{File: "sources/contacts.yaml", Line: 10 + i, Col: 10}, Field: "url"}})
	}
	results := Check(context.Background(), urls, Options{Timeout: 300 * time.Millisecond, Parallel: 3})
	var got []string
	for _, r := range results {
		if d, bad := r.Diagnostic(); bad {
			got = append(got, d.String())
		}
	}
	want := []string{
		"sources/contacts.yaml:11:10: url: " + srv.URL + "/gone は HTTP 404（Not Found）を返しました",
		"sources/contacts.yaml:13:10: url: " + srv.URL + "/moved は /ok に転送されます（HTTP 301）",
		"sources/contacts.yaml:14:10: url: " + srv.URL + "/slow に接続できません（時間内に応答がありません）",
		"sources/contacts.yaml:15:10: url: " + closedURL + "/ok に接続できません（",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got  %s\nwant %s…", got[i], want[i])
		}
	}
	if heads != 1 || gets != 1 {
		t.Errorf("the HEAD-refusing page was asked %d times with HEAD and %d with GET, want 1 and 1", heads, gets)
	}
}
