package model

import (
	"reflect"
	"testing"
)

func testRisk() (*Risk, *Scale) {
	s := &Scale{
		Levels: []ScaleLevel{{Value: 3}, {Value: 2}, {Value: 1}},
		Bands:  []Band{{Label: Text{S: "大"}, Min: 6}, {Label: Text{S: "中"}, Min: 4}, {Label: Text{S: "小"}, Min: 1}},
	}
	r := &Risk{Scale: s}
	for t := 1; t <= 3; t++ {
		for v := 1; v <= 3; v++ {
			r.Likelihood[t][v] = max(1, (t+v)/2)
		}
	}
	return r, s
}

func TestAssessedOrder(t *testing.T) {
	r, s := testRisk()
	row := func(n int, name string, c, threat, vuln int, pi bool, missing ...string) FilledRow {
		return FilledRow{Row: n, Asset: Text{S: name}, C: c, I: 1, A: 1, Threat: threat, Vulnerability: vuln,
			PersonalInfo: []bool{pi, false, false}, Missing: missing}
	}
	f := &Filled{Rows: []FilledRow{
		row(4, "low", 1, 1, 1, false),
		row(5, "tie-later", 2, 3, 3, false),
		row(6, "blank", 0, 0, 0, false, "c", "threat"),
		row(7, "pi", 1, 3, 3, true),
		row(8, "tie-first-by-row?", 2, 3, 3, false),
	}}
	done, incomplete := f.Assessed(r, s)
	var got []string
	var values []int
	for _, d := range done {
		got = append(got, d.Asset.S)
		values = append(values, d.Result.Value)
		if want := r.Assess(s, d.C, d.I, d.A, d.HasPersonalInfo(), d.Threat, d.Vulnerability); d.Result != want {
			t.Errorf("%s: %+v, want %+v", d.Asset.S, d.Result, want)
		}
	}
	if want := []string{"pi", "tie-later", "tie-first-by-row?", "low"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order %v (values %v), want %v", got, values, want)
	}
	if len(incomplete) != 1 || incomplete[0].Asset.S != "blank" {
		t.Errorf("incomplete = %v", incomplete)
	}
}

func TestDiagnosis(t *testing.T) {
	sc := &SelfCheck{
		Answers: []Answer{{Label: Text{S: "はい"}, Points: 4}, {Label: Text{S: "いいえ"}, Points: 0}, {Label: Text{S: "不明"}, Points: -1}},
		Parts: []Part{
			{Items: []DiagItem{{No: 1}, {No: 2}}},
			{Items: []DiagItem{{No: 3}, {No: 4}, {No: 5}}},
		},
	}
	f := &Filled{Answers: map[int]string{1: "はい", 2: "不明", 3: "はい", 5: "いいえ"}}
	d := f.Diagnosis(sc)
	want := Diagnosis{Total: 7, Unanswered: 1, Parts: []int{3, 4}, PartCounts: []int{2, 2}}
	if !reflect.DeepEqual(d, want) || d.Complete() {
		t.Errorf("got %+v, want %+v", d, want)
	}
	f.Answers[4] = "はい"
	if d := f.Diagnosis(sc); !d.Complete() || d.Total != 11 {
		t.Errorf("complete: %+v", d)
	}
}
