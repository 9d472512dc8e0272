package model

import (
	"os"
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"sodan/internal/source"
)

// bundled reads the bundled sources into a map file system, so tests can
// replace one file.
func bundled(t testing.TB) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, dir := range []string{".", "decks"} {
		entries, err := os.ReadDir(path.Join("../../sources", dir))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			b, err := os.ReadFile(path.Join("../../sources", dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			fsys[path.Join(dir, e.Name())] = &fstest.MapFile{Data: b}
		}
	}
	return fsys
}

func build(t testing.TB, fsys fstest.MapFS) (*Book, error) {
	raw, errs := source.Load(fsys, "sources")
	book, more := Build(raw)
	errs = append(errs, more...)
	if len(errs) > 0 {
		return book, errs
	}
	return book, nil
}

func TestBundledBook(t *testing.T) {
	book, err := build(t, bundled(t))
	if err != nil {
		t.Fatal(err)
	}
	if book.Contact("jpcert-incident") == nil || book.Contact("nosuch") != nil {
		t.Error("contact lookup")
	}
	for _, s := range book.QuickList.Situations {
		for _, r := range s.Contacts {
			if r.Contact.Ended() {
				t.Errorf("situation %s prints ended contact %s", s.ID, r.Contact.ID)
			}
		}
	}
	if got := book.SelfCheck.ItemCount() * book.SelfCheck.MaxPoints(); got != 100 {
		t.Errorf("self-diagnosis maximum %d, want 100", got)
	}
	if book.Edition.VerifiedFrom.IsZero() || book.Edition.VerifiedTo.Before(book.Edition.VerifiedFrom) {
		t.Errorf("verified span %v–%v", book.Edition.VerifiedFrom, book.Edition.VerifiedTo)
	}
}

// TestLikelihoodIsCeilDivision checks the bundled lookup table against the
// rule it encodes: ceil(threat / (4 − vulnerability)), which is not the
// product threat × vulnerability.
func TestLikelihoodIsCeilDivision(t *testing.T) {
	book, err := build(t, bundled(t))
	if err != nil {
		t.Fatal(err)
	}
	for th := 1; th <= 3; th++ {
		for v := 1; v <= 3; v++ {
			want := (th + (4 - v) - 1) / (4 - v)
			if got := book.Risk.Likelihood[th][v]; got != want {
				t.Errorf("likelihood[%d][%d] = %d, want %d", th, v, got, want)
			}
		}
	}
}

func TestAssessBothScales(t *testing.T) {
	book, err := build(t, bundled(t))
	if err != nil {
		t.Fatal(err)
	}
	r := &book.Risk
	for _, s := range r.Scales {
		top, bottom := s.Top(), s.Bottom()
		// Personal information forces the top level whatever C, I, A say.
		a := r.Assess(s, bottom, bottom, bottom, true, 3, 3)
		if a.Importance != top || a.Value != top*3 || a.Band.Label.S != "大" {
			t.Errorf("%s: personal info row: %+v", s.ID, a)
		}
		// Nothing important and nothing likely: the lowest band.
		a = r.Assess(s, bottom, bottom, bottom, false, 1, 1)
		if a.Value != bottom || a.Band.Label.S != "小" {
			t.Errorf("%s: lowest row: %+v", s.ID, a)
		}
	}
	cur := r.Scales[0]
	if cur.ID != "current" {
		t.Fatal("first scale should be current")
	}
	for v, want := range map[int]string{9: "大", 6: "大", 4: "中", 3: "小", 2: "小", 1: "小"} {
		if got := cur.Band(v).Label.S; got != want {
			t.Errorf("current scale: risk %d judged %s, want %s", v, got, want)
		}
	}
	old := r.Scales[1]
	for v, want := range map[int]string{6: "大", 4: "大", 3: "中", 1: "中", 0: "小"} {
		if got := old.Band(v).Label.S; got != want {
			t.Errorf("old scale: risk %d judged %s, want %s", v, got, want)
		}
	}
}

func TestPhoneFormats(t *testing.T) {
	good := []string{"110", "188", "#9110", "#7119", "03-6271-8901", "0120-970-396", "0120-91-6479", "0570-003-110", "090-1234-5678", "0800-123-4567", "045-123-4567", "0466-12-3456"}
	bad := []string{"", "9110", "#911", "03-1234-567", "0312345678", "0120-1234-5678", "03－1234－5678", "＃9110", "03 1234 5678", "+81-3-1234-5678", "1100"}
	for _, p := range good {
		if msg := checkPhone(p); msg != "" {
			t.Errorf("%q refused: %s", p, msg)
		}
	}
	for _, p := range bad {
		if checkPhone(p) == "" {
			t.Errorf("%q accepted", p)
		}
	}
}

// FuzzBuild replaces one source file with arbitrary bytes: loading and
// building must never panic, and must give a book or problems, never both.
func FuzzBuild(f *testing.F) {
	base := bundled(f)
	names := []string{"risk.yaml", "contacts.yaml", "quicklist.yaml", "flow.yaml", "selfcheck.yaml"}
	for _, n := range names {
		f.Add(uint8(0), base[n].Data)
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys[names[int(which)%len(names)]] = &fstest.MapFile{Data: data}
		raw, errs := source.Load(fsys, "sources")
		book, more := Build(raw)
		if book != nil && len(more) > 0 {
			t.Fatal("both a book and problems")
		}
		_ = errs
	})
}

// TestPhonePatternAgrees: the phone pattern given to editors accepts
// exactly what the check accepts, over every arrangement of up to eleven
// digits in three groups and a set of other forms.
func TestPhonePatternAgrees(t *testing.T) {
	var cases []string
	for _, p := range []string{"03", "045", "0120", "0570", "0800", "090", "080", "070", "050", "0466", "01267", "06", "0"} {
		for b := 1; b <= 5; b++ {
			for c := 2; c <= 5; c++ {
				cases = append(cases, p+"-"+strings.Repeat("1", b)+"-"+strings.Repeat("2", c))
			}
		}
	}
	cases = append(cases, "110", "188", "#9110", "#91101", "1100", "03-1234-5678 ", "０３-1234-5678", "03--1234", "")
	for _, n := range cases {
		if ok := checkPhone(n) == ""; ok != phoneExact.MatchString(n) {
			t.Errorf("%q: the check says %v, the pattern %v", n, ok, !ok)
		}
	}
}
