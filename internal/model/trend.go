package model

import "sort"

// Trend is what moved between two fillings of the workbook: an earlier one
// (Old) and a later one (New) of the same business.
type Trend struct {
	Old, New *Filled
	// Added are the rows of New whose asset Old lacks, Removed the rows of
	// Old that New lacks, each in sheet-row order. A row is the same asset
	// in both when its 情報資産名称 and 媒体・保存先 are; among rows alike in
	// both, the first matches the first.
	Added, Removed []FilledRow
	// Changed are the assets assessed in both whose risk value moved, the
	// higher band in New first, then the higher value in New, then in New's
	// sheet-row order.
	Changed []Change
	// OldCounts and NewCounts are the assessed rows per band of the scale.
	OldCounts, NewCounts []int
	// OldAssessed and NewAssessed are the numbers of assessed rows.
	OldAssessed, NewAssessed int
	OldDiag, NewDiag         Diagnosis
}

// Change is an asset whose risk value moved.
type Change struct {
	Old, New         AssessedRow
	OldBand, NewBand int // indexes in Scale.Bands
}

// BandMoved reports whether the asset changed band, not only value.
func (c Change) BandMoved() bool { return c.OldBand != c.NewBand }

// assetKey is what makes two rows the same asset.
type assetKey struct{ asset, medium string }

func keyOf(r FilledRow) assetKey { return assetKey{r.Asset.S, r.Medium.S} }

// Compare compares two fillings of the workbook on scale s, with the
// self-diagnosis sc.
func (r *Risk) Compare(s *Scale, sc *SelfCheck, old, new *Filled) Trend {
	t := Trend{Old: old, New: new, OldDiag: old.Diagnosis(sc), NewDiag: new.Diagnosis(sc)}
	oldDone, _ := old.Assessed(r, s)
	newDone, _ := new.Assessed(r, s)
	t.OldCounts, t.NewCounts = BandCounts(s, oldDone), BandCounts(s, newDone)
	t.OldAssessed, t.NewAssessed = len(oldDone), len(newDone)

	assessed := func(done []AssessedRow) map[int]AssessedRow {
		m := map[int]AssessedRow{}
		for _, d := range done {
			m[d.Row] = d
		}
		return m
	}
	oldBy, newBy := assessed(oldDone), assessed(newDone)
	// The rows of Old not yet matched, by key, in sheet-row order.
	waiting := map[assetKey][]FilledRow{}
	for _, o := range sortedRows(old.Rows) {
		waiting[keyOf(o)] = append(waiting[keyOf(o)], o)
	}
	for _, n := range sortedRows(new.Rows) {
		k := keyOf(n)
		if len(waiting[k]) == 0 {
			t.Added = append(t.Added, n)
			continue
		}
		o := waiting[k][0]
		waiting[k] = waiting[k][1:]
		a, aok := oldBy[o.Row]
		b, bok := newBy[n.Row]
		if aok && bok && a.Result.Value != b.Result.Value {
			t.Changed = append(t.Changed, Change{Old: a, New: b, OldBand: s.BandIndex(a.Result.Value), NewBand: s.BandIndex(b.Result.Value)})
		}
	}
	for _, o := range sortedRows(old.Rows) {
		k := keyOf(o)
		if len(waiting[k]) > 0 && waiting[k][0].Row == o.Row {
			t.Removed = append(t.Removed, o)
			waiting[k] = waiting[k][1:]
		}
	}
	sort.SliceStable(t.Changed, func(i, j int) bool {
		a, b := t.Changed[i], t.Changed[j]
		if a.NewBand != b.NewBand {
			return a.NewBand < b.NewBand
		}
		if a.New.Result.Value != b.New.Result.Value {
			return a.New.Result.Value > b.New.Result.Value
		}
		return a.New.Row < b.New.Row
	})
	return t
}

// sortedRows returns rows in sheet-row order.
func sortedRows(rows []FilledRow) []FilledRow {
	out := append([]FilledRow(nil), rows...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Row < out[j].Row })
	return out
}
