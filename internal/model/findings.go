package model

import "sort"

// What the report of a filled workbook shows besides the assessed rows:
// the risk matrix with the assets in each cell, the treatment chosen for
// each asset that needs one, and the self-diagnosis questions to work on.

// RetainTreatment is the name of the treatment that accepts a risk as it
// is (保有). An asset in the top band with it chosen is pointed out: the
// method keeps 保有 for risks whose treatment costs more than the damage.
const RetainTreatment = "保有"

// BandIndex returns the index in s.Bands (0 is the highest) of the band a
// risk value falls into.
func (s *Scale) BandIndex(value int) int {
	for i, b := range s.Bands {
		if value >= b.Min {
			return i
		}
	}
	return len(s.Bands) - 1
}

// BandCounts returns the number of assessed rows in each band of s, in
// s.Bands order.
func BandCounts(s *Scale, done []AssessedRow) []int {
	n := make([]int, len(s.Bands))
	for _, r := range done {
		n[s.BandIndex(r.Result.Value)]++
	}
	return n
}

// HeatMap is the risk matrix of a scale: 重要度 down the side, high at the
// top, and 被害発生可能性 along the top, low at the left, so that the
// highest risks gather at the top right.
type HeatMap struct {
	Importance []int // the rows' importance values, high to low
	Likelihood []int // the columns' likelihood values, low to high
	// Cells[i][j] is the cell of Importance[i] and Likelihood[j].
	Cells [][]HeatCell
}

// HeatCell is one cell of the risk matrix.
type HeatCell struct {
	Importance, Likelihood int
	Value                  int           // リスク値 = Importance × Likelihood
	Band                   int           // index in Scale.Bands of the band Value falls into
	Assets                 []AssessedRow // in sheet-row order
}

// Total is the number of assets in all cells.
func (h HeatMap) Total() int {
	n := 0
	for _, row := range h.Cells {
		for _, c := range row {
			n += len(c.Assets)
		}
	}
	return n
}

// HeatMap places the assessed rows in the risk matrix of scale s.
func (r *Risk) HeatMap(s *Scale, done []AssessedRow) HeatMap {
	h := HeatMap{Importance: s.Values()}
	for i := len(r.LikelihoodLevels) - 1; i >= 0; i-- {
		h.Likelihood = append(h.Likelihood, r.LikelihoodLevels[i].Value)
	}
	at := map[[2]int]*HeatCell{}
	h.Cells = make([][]HeatCell, len(h.Importance))
	for i, imp := range h.Importance {
		h.Cells[i] = make([]HeatCell, len(h.Likelihood))
		for j, l := range h.Likelihood {
			h.Cells[i][j] = HeatCell{Importance: imp, Likelihood: l, Value: imp * l, Band: s.BandIndex(imp * l)}
			at[[2]int{imp, l}] = &h.Cells[i][j]
		}
	}
	rows := append([]AssessedRow(nil), done...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Row < rows[j].Row })
	for _, row := range rows {
		if c := at[[2]int{row.Result.Importance, row.Result.Likelihood}]; c != nil {
			c.Assets = append(c.Assets, row)
		}
	}
	return h
}

// PlanItem is an asset whose risk calls for a treatment, with the one the
// business chose in the ledger's 対応 column.
type PlanItem struct {
	AssessedRow
	Band      int        // index in Scale.Bands
	Treatment *Treatment // nil when none is chosen
	// Retained marks an asset in the top band with RetainTreatment chosen.
	Retained bool
}

// TreatmentPlan returns the assessed rows in every band but the lowest
// (大 and 中), each with the treatment chosen for it: the higher band
// first, then the higher risk value, then in sheet-row order. A treatment
// name not among r.Treatments counts as none chosen (the reader refuses
// such a workbook).
func (r *Risk) TreatmentPlan(s *Scale, done []AssessedRow) []PlanItem {
	var plan []PlanItem
	for _, row := range done {
		b := s.BandIndex(row.Result.Value)
		if b == len(s.Bands)-1 {
			continue
		}
		it := PlanItem{AssessedRow: row, Band: b}
		for k := range r.Treatments {
			if r.Treatments[k].Name.S == row.Treatment.S {
				it.Treatment = &r.Treatments[k]
			}
		}
		it.Retained = b == 0 && it.Treatment != nil && it.Treatment.Name.S == RetainTreatment
		plan = append(plan, it)
	}
	sort.SliceStable(plan, func(i, j int) bool {
		a, b := plan[i], plan[j]
		if a.Band != b.Band {
			return a.Band < b.Band
		}
		if a.Result.Value != b.Result.Value {
			return a.Result.Value > b.Result.Value
		}
		return a.Row < b.Row
	})
	return plan
}

// NeedsWork reports whether an answer earns no points: in the bundled
// self-diagnosis 実施していない (0) and わからない (−1). Such questions go
// on the to-do list; 一部実施している earns some and does not.
func (s *SelfCheck) NeedsWork(label string) bool {
	p, ok := s.Points(label)
	return ok && p <= 0
}

// PartMax is the best score of a part: every question answered with the
// best answer.
func (s *SelfCheck) PartMax(p Part) int { return len(p.Items) * s.MaxPoints() }

// ToDoPart is one part of the self-diagnosis with its questions to work
// on.
type ToDoPart struct {
	Part  *Part
	Items []ToDo // by question number
}

// ToDo is one question answered with an answer that NeedsWork.
type ToDo struct {
	Item   DiagItem
	Answer string
}

// ToDo returns, part by part in s.Parts order, the questions answered
// with an answer that NeedsWork; parts without any are left out.
func (f *Filled) ToDo(s *SelfCheck) []ToDoPart {
	var out []ToDoPart
	for i := range s.Parts {
		p := &s.Parts[i]
		tp := ToDoPart{Part: p}
		for _, it := range p.Items {
			if a, ok := f.Answers[it.No]; ok && s.NeedsWork(a) {
				tp.Items = append(tp.Items, ToDo{Item: it, Answer: a})
			}
		}
		if len(tp.Items) > 0 {
			out = append(out, tp)
		}
	}
	return out
}

// Unanswered returns the numbers of the questions without an answer, in
// order.
func (f *Filled) Unanswered(s *SelfCheck) []int {
	var out []int
	for _, p := range s.Parts {
		for _, it := range p.Items {
			if _, ok := f.Answers[it.No]; !ok {
				out = append(out, it.No)
			}
		}
	}
	return out
}
