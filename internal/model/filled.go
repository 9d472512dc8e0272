package model

import (
	"sort"
	"time"
)

// Filled is a risk-analysis workbook as a business filled it in: the
// asset ledger's input cells and the self-diagnosis answers. It holds
// checked input values only; every result (重要度, リスク値, 判定, points)
// is computed from them with Risk.Assess and SelfCheck.Points, never read
// from the workbook's formulas.
type Filled struct {
	File  string    // the workbook's name as the user gave it
	Saved time.Time // when the workbook was last saved (zero when unknown)
	Rows  []FilledRow
	// Answers are the answer labels by question number; an unanswered
	// question is absent.
	Answers map[int]string
}

// FilledRow is one ledger row with an asset name. Texts carry the cell's
// position (file, sheet row, column) so that layout problems point into
// the workbook.
type FilledRow struct {
	Row                     int // sheet row number
	Business, Asset, Medium Text
	Treatment               Text
	// PersonalInfo has one flag per Risk.PersonalInfo; a blank flag counts
	// as 無, as in the workbook's formula.
	PersonalInfo          []bool
	C, I, A               int // scale values; valid only when not in Missing
	Threat, Vulnerability int // 1–3; valid only when not in Missing
	// Missing are the ledger column IDs (c, i, a, threat, vulnerability)
	// that are blank, in ledger order; a row with any cannot be assessed.
	Missing []string
}

// HasPersonalInfo reports whether any personal-information flag is set.
func (r FilledRow) HasPersonalInfo() bool {
	for _, f := range r.PersonalInfo {
		if f {
			return true
		}
	}
	return false
}

// Complete reports whether every input the assessment needs is there.
func (r FilledRow) Complete() bool { return len(r.Missing) == 0 }

// AssessedRow is a complete ledger row with its assessment.
type AssessedRow struct {
	FilledRow
	Result Assessment
}

// Assessed assesses the complete rows on scale s and returns them by risk
// value, highest first (ties in sheet-row order), together with the rows
// that lack inputs, in sheet-row order.
func (f *Filled) Assessed(r *Risk, s *Scale) (done []AssessedRow, incomplete []FilledRow) {
	for _, row := range f.Rows {
		if !row.Complete() {
			incomplete = append(incomplete, row)
			continue
		}
		a := r.Assess(s, row.C, row.I, row.A, row.HasPersonalInfo(), row.Threat, row.Vulnerability)
		done = append(done, AssessedRow{FilledRow: row, Result: a})
	}
	sort.SliceStable(done, func(i, j int) bool {
		if done[i].Result.Value != done[j].Result.Value {
			return done[i].Result.Value > done[j].Result.Value
		}
		return done[i].Row < done[j].Row
	})
	sort.SliceStable(incomplete, func(i, j int) bool { return incomplete[i].Row < incomplete[j].Row })
	return done, incomplete
}

// Diagnosis is the scored self-diagnosis of a filled workbook.
type Diagnosis struct {
	Total      int   // points of the answered questions
	Unanswered int   // questions without an answer
	Parts      []int // points per part, in SelfCheck.Parts order
	PartCounts []int // answered questions per part
}

// Complete reports whether every question is answered; only then does the
// total have a judgement (SelfCheck.Band), as in the workbook.
func (d Diagnosis) Complete() bool { return d.Unanswered == 0 }

// Diagnosis scores the answers against s. Answers must already be labels
// of s (the reader checks them); an unknown label scores nothing.
func (f *Filled) Diagnosis(s *SelfCheck) Diagnosis {
	d := Diagnosis{Parts: make([]int, len(s.Parts)), PartCounts: make([]int, len(s.Parts))}
	for i, p := range s.Parts {
		for _, it := range p.Items {
			label, ok := f.Answers[it.No]
			if !ok {
				d.Unanswered++
				continue
			}
			pts, _ := s.Points(label)
			d.Parts[i] += pts
			d.PartCounts[i]++
			d.Total += pts
		}
	}
	return d
}
