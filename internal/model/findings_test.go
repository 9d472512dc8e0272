package model

import (
	"reflect"
	"testing"
)

// testFilled is a filled workbook on testRisk's scale: assets by name with
// C (I and A are 1), threat, vulnerability and treatment.
func testFilled(rows ...FilledRow) *Filled {
	for i := range rows {
		rows[i].I, rows[i].A = 1, 1
		rows[i].PersonalInfo = []bool{false, false, false}
	}
	return &Filled{Rows: rows, Answers: map[int]string{}}
}

func asset(row int, name string, c, threat, vuln int, treatment string) FilledRow {
	return FilledRow{Row: row, Asset: Text{S: name}, C: c, Threat: threat, Vulnerability: vuln, Treatment: Text{S: treatment}}
}

func TestHeatMap(t *testing.T) {
	r, s := testRisk()
	r.LikelihoodLevels = []Level{{Value: 3}, {Value: 2}, {Value: 1}}
	f := testFilled(
		asset(9, "late", 3, 3, 3, ""), // 3 × 3
		asset(4, "early", 3, 3, 3, ""),
		asset(5, "low", 1, 1, 1, ""), // 1 × 1
		asset(6, "mid", 2, 3, 1, ""), // 2 × (3+1)/2=2
	)
	done, _ := f.Assessed(r, s)
	h := r.HeatMap(s, done)
	if !reflect.DeepEqual(h.Importance, []int{3, 2, 1}) || !reflect.DeepEqual(h.Likelihood, []int{1, 2, 3}) {
		t.Fatalf("axes %v × %v", h.Importance, h.Likelihood)
	}
	names := func(c HeatCell) (out []string) {
		for _, a := range c.Assets {
			out = append(out, a.Asset.S)
		}
		return out
	}
	if got := names(h.Cells[0][2]); !reflect.DeepEqual(got, []string{"early", "late"}) {
		t.Errorf("top right: %v, want early, late in sheet-row order", got)
	}
	if c := h.Cells[0][2]; c.Value != 9 || c.Band != 0 {
		t.Errorf("top right: value %d band %d", c.Value, c.Band)
	}
	if got := names(h.Cells[2][0]); !reflect.DeepEqual(got, []string{"low"}) || h.Cells[2][0].Band != 2 {
		t.Errorf("bottom left: %v band %d", got, h.Cells[2][0].Band)
	}
	if got := names(h.Cells[1][1]); !reflect.DeepEqual(got, []string{"mid"}) || h.Cells[1][1].Value != 4 || h.Cells[1][1].Band != 1 {
		t.Errorf("middle: %v %+v", got, h.Cells[1][1])
	}
	if h.Total() != 4 {
		t.Errorf("total %d", h.Total())
	}
}

func TestTreatmentPlan(t *testing.T) {
	r, s := testRisk()
	r.Treatments = []Treatment{{Name: Text{S: "低減"}}, {Name: Text{S: "保有"}}}
	f := testFilled(
		asset(4, "中-4", 2, 3, 1, "保有"),       // 2 × 2 = 4
		asset(5, "小", 1, 1, 1, "低減"),         // 1
		asset(6, "大-6", 3, 3, 1, "保有"),       // 3 × 2 = 6
		asset(7, "大-9", 3, 3, 3, ""),         // 9
		asset(8, "大-6-later", 3, 3, 1, "低減"), // 6
	)
	done, _ := f.Assessed(r, s)
	plan := r.TreatmentPlan(s, done)
	var got []string
	for _, p := range plan {
		tr := "未選択"
		if p.Treatment != nil {
			tr = p.Treatment.Name.S
		}
		if p.Retained {
			tr += "!"
		}
		got = append(got, p.Asset.S+":"+tr)
	}
	want := []string{"大-9:未選択", "大-6:保有!", "大-6-later:低減", "中-4:保有"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("plan %v, want %v", got, want)
	}
}

func TestToDo(t *testing.T) {
	sc := &SelfCheck{
		Answers: []Answer{{Label: Text{S: "実施している"}, Points: 4}, {Label: Text{S: "一部"}, Points: 2},
			{Label: Text{S: "実施していない"}, Points: 0}, {Label: Text{S: "わからない"}, Points: -1}},
		Parts: []Part{
			{ID: "p1", Items: []DiagItem{{No: 1}, {No: 2}}},
			{ID: "p2", Items: []DiagItem{{No: 3}, {No: 4}, {No: 5}}},
			{ID: "p3", Items: []DiagItem{{No: 6}}},
		},
	}
	f := &Filled{Answers: map[int]string{1: "実施している", 2: "一部", 3: "わからない", 5: "実施していない", 6: "実施している"}}
	todo := f.ToDo(sc)
	var got []string
	for _, p := range todo {
		for _, it := range p.Items {
			got = append(got, p.Part.ID+":"+it.Answer)
		}
	}
	if want := []string{"p2:わからない", "p2:実施していない"}; !reflect.DeepEqual(got, want) {
		t.Errorf("to-do %v, want %v", got, want)
	}
	if u := f.Unanswered(sc); !reflect.DeepEqual(u, []int{4}) {
		t.Errorf("unanswered %v", u)
	}
	if m := sc.PartMax(sc.Parts[1]); m != 12 {
		t.Errorf("part max %d", m)
	}
}

func TestCompare(t *testing.T) {
	r, s := testRisk()
	sc := &SelfCheck{Answers: []Answer{{Label: Text{S: "はい"}, Points: 4}, {Label: Text{S: "いいえ"}, Points: 0}},
		Parts: []Part{{Items: []DiagItem{{No: 1}, {No: 2}}}}}
	old := testFilled(
		asset(4, "顧客名簿", 3, 3, 3, ""), // 9
		asset(5, "見積書", 2, 3, 1, ""),  // 4
		asset(6, "古い台帳", 1, 1, 1, ""), // 1
		asset(7, "控え", 1, 1, 1, ""),   // 1, twice in old
		asset(8, "控え", 1, 1, 1, ""),   // 1
	)
	old.Answers = map[int]string{1: "いいえ", 2: "いいえ"}
	nw := testFilled(
		asset(4, "見積書", 2, 3, 3, "低減"),  // 2 × 3 = 6: 中 → 大
		asset(5, "顧客名簿", 3, 3, 1, "低減"), // 3 × 2 = 6: value only
		asset(6, "控え", 1, 1, 1, ""),     // same
		asset(7, "新しい台帳", 1, 1, 1, ""),
	)
	nw.Answers = map[int]string{1: "はい", 2: "いいえ"}
	tr := r.Compare(s, sc, old, nw)
	names := func(rows []FilledRow) (out []string) {
		for _, x := range rows {
			out = append(out, x.Asset.S)
		}
		return out
	}
	if got := names(tr.Added); !reflect.DeepEqual(got, []string{"新しい台帳"}) {
		t.Errorf("added %v", got)
	}
	if got := names(tr.Removed); !reflect.DeepEqual(got, []string{"古い台帳", "控え"}) || tr.Removed[1].Row != 8 {
		t.Errorf("removed %v", tr.Removed)
	}
	var moved []string
	for _, c := range tr.Changed {
		m := c.New.Asset.S
		if c.BandMoved() {
			m += "!"
		}
		moved = append(moved, m)
	}
	if want := []string{"見積書!", "顧客名簿"}; !reflect.DeepEqual(moved, want) {
		t.Errorf("changed %v, want %v", moved, want)
	}
	if !reflect.DeepEqual(tr.OldCounts, []int{1, 1, 3}) || !reflect.DeepEqual(tr.NewCounts, []int{2, 0, 2}) {
		t.Errorf("counts %v → %v", tr.OldCounts, tr.NewCounts)
	}
	if tr.OldDiag.Total != 0 || tr.NewDiag.Total != 4 {
		t.Errorf("scores %d → %d", tr.OldDiag.Total, tr.NewDiag.Total)
	}
}
