package diag

import (
	"strings"
	"testing"
)

func TestListSortDedupCap(t *testing.T) {
	var l List
	l.Addf(Loc{Pos{"b.yaml", 3, 1}, "x"}, "三")
	l.Addf(Loc{Pos{"a.yaml", 9, 2}, "y"}, "二")
	l.Addf(Loc{Pos{"a.yaml", 2, 5}, "z"}, "一")
	l.Addf(Loc{Pos{"a.yaml", 2, 7}, "z.k[0]"}, "同じ行で z の中: 続いて起きた問題")
	l.Addf(Loc{Pos{"a.yaml", 2, 9}, "z2"}, "同じ行の別の項目")
	l.Addf(Loc{Pos{"c.yaml", 1, 1}, ""}, "四")
	var b strings.Builder
	l.Print(&b, 3)
	want := "a.yaml:2:5: z: 一\na.yaml:2:9: z2: 同じ行の別の項目\na.yaml:9:2: y: 二\nほか 2 件の問題があります\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if len(l.Sorted()) != 5 {
		t.Errorf("Sorted kept %d, want 5 (one per field and line)", len(l.Sorted()))
	}
}

func TestPosString(t *testing.T) {
	for _, c := range []struct {
		p    Pos
		want string
	}{
		{Pos{}, ""},
		{Pos{File: "f"}, "f"},
		{Pos{File: "f", Line: 2}, "f:2"},
		{Pos{"f", 2, 3}, "f:2:3"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v: got %q want %q", c.p, got, c.want)
		}
	}
	if (List{}).Err() != nil {
		t.Error("empty list must be a nil error")
	}
}
