package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckStale lists the live contacts verified longer ago than the
// given age, oldest first, with positions and ages, on a fixed date; an
// ended desk is not listed. A bad age is a usage error.
func TestCheckStale(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
	code, stdout, _, _ := runIn(t, func(s string) {
		edit(t, filepath.Join(s, "contacts.yaml"), "    verified_on: 2025-01-01\n", "    verified_on: 2024-06-30\n", 1)
	}, "check", "-stale", "365d")
	want := "sources/contacts.yaml:9:18: contacts[0].verified_on: police-110（警察 110番）: 2024-06-30 に確認（2 年 5 か月前）\n" +
		"sources/contacts.yaml:18:18: contacts[1].verified_on: desk-a（窓口A）: 2025-01-01 に確認（1 年 11 か月前）\n" +
		"確認から 365 日を過ぎた連絡先が 2 件あります（2026-12-01 現在）。出典を確かめ直し、verified_on を更新してください\n"
	if code != 1 || !strings.HasSuffix(stdout, want) {
		t.Errorf("exit %d, stdout:\n%s\nwant it to end with:\n%s", code, stdout, want)
	}
	code, stdout, _, _ = runIn(t, nil, "check", "-stale", "2y")
	if code != 0 || !strings.Contains(stdout, "確認から 2 年を過ぎた連絡先はありません（2026-12-01 現在）") {
		t.Errorf("2y: exit %d\n%s", code, stdout)
	}
	code, _, stderr, _ := runIn(t, nil, "check", "-stale", "a year")
	if code != 2 || !strings.Contains(stderr, "「a year」は期間として読めません") {
		t.Errorf("bad age: exit %d\n%s", code, stderr)
	}
}

// TestCheckLinks points the fixture's addresses at a local server: the
// good page passes, a missing page and a redirect are reported at their
// lines.
func TestCheckLinks(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/a/", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/old/", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new/", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	code, stdout, _, _ := runIn(t, func(s string) {
		p := filepath.Join(s, "contacts.yaml")
		edit(t, p, "https://a.example.jp/", srv.URL+"/a/", -1)
		edit(t, p, "https://old.example.jp/", srv.URL+"/old/", -1)
	}, "check", "-links")
	for _, w := range []string{
		"sources/contacts.yaml:22:10: contacts[2].url: " + srv.URL + "/old/ は /new/ に転送されます（HTTP 302）",
		"件の URL のうち 1 件に問題があります",
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout lacks %q:\n%s", w, stdout)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
}

// edit replaces old with new in the file at path (n times, -1 for all),
// failing when old is not there.
func edit(t *testing.T, path, old, new string, n int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s does not hold %q", path, old)
	}
	os.WriteFile(path, []byte(strings.Replace(string(b), old, new, n)), 0o644)
}
