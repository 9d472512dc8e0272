package model

import (
	"fmt"
	"sort"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/source"
	"sodan/internal/yamlpos"
)

// Risk is the IPA detailed risk-analysis method: scales, lookup and bands.
type Risk struct {
	Title            Text
	Scale            *Scale   // the edition in use
	Scales           []*Scale // every edition in the sources
	Threat           []Level  // high to low
	Vulnerability    []Level  // high to low
	LikelihoodLevels []Level  // high to low
	// Likelihood[t][v] is 被害発生可能性 for threat t and vulnerability v
	// (indexes 1–3; index 0 unused).
	Likelihood       [4][4]int
	PersonalInfo     []Text // the personal-information flags
	PersonalInfoNote Text
	Treatments       []Treatment
	Media            []Text
	Columns          []LedgerColumn // in ledger order
	Examples         []Example
}

// Scale is one edition of the importance scale with its bands.
type Scale struct {
	ID     string
	Name   Text
	Note   Text
	Levels []ScaleLevel // high to low, three levels
	Bands  []Band       // high to low by Min
	Loc    diag.Loc
}

// Top is the highest level value (2 on the old scale, 3 on the current).
func (s *Scale) Top() int { return s.Levels[0].Value }

// Bottom is the lowest level value (0 or 1).
func (s *Scale) Bottom() int { return s.Levels[len(s.Levels)-1].Value }

// FromRank turns a rank (3 high, 2 middle, 1 low) into this scale's value.
func (s *Scale) FromRank(rank int) int { return s.Levels[len(s.Levels)-rank].Value }

// Values returns the level values, high to low.
func (s *Scale) Values() []int {
	v := make([]int, len(s.Levels))
	for i, l := range s.Levels {
		v[i] = l.Value
	}
	return v
}

// Band returns the judgement band of a risk value.
func (s *Scale) Band(value int) Band {
	for _, b := range s.Bands {
		if value >= b.Min {
			return b
		}
	}
	return s.Bands[len(s.Bands)-1]
}

// ScaleLevel is one level of C/I/A and 重要度 with its criteria.
type ScaleLevel struct {
	Value           int
	Label           Text
	Meaning         Text
	Confidentiality Text
	Integrity       Text
	Availability    Text
}

// Band is one judgement band: risk values >= Min, below the next band up.
type Band struct {
	Label   Text
	Min     int
	Meaning Text
	Action  Text
}

// Level is one level of threat, vulnerability or likelihood.
type Level struct {
	Value   int
	Label   Text
	Meaning Text
}

// Treatment is one risk treatment option.
type Treatment struct{ Name, Text, Example Text }

// LedgerColumn is one column of the asset ledger.
type LedgerColumn struct {
	ID    string
	Title Text
	Help  Text
}

// LedgerColumnIDs are the columns of the asset ledger, each of which
// risk.yaml must name exactly once (in any order).
var LedgerColumnIDs = []string{
	"business", "asset", "note", "users", "owner", "medium",
	"pi", "pi_sensitive", "pi_mynumber",
	"c", "i", "a", "retention", "registered",
	"threat", "vulnerability",
	"importance", "likelihood", "risk", "judgement",
}

// Example is one filled-in ledger row. C, I and A are ranks (3 high, 1 low).
type Example struct {
	Business, Asset, Note, Users, Owner, Medium Text
	PersonalInfo                                []bool // one per Risk.PersonalInfo flag
	C, I, A                                     int    // ranks
	Threat, Vulnerability                       int
	Retention, Registered, Treatment            Text
	Loc                                         diag.Loc
}

// HasPersonalInfo reports whether any personal-information flag is set.
func (e Example) HasPersonalInfo() bool {
	for _, f := range e.PersonalInfo {
		if f {
			return true
		}
	}
	return false
}

// Assessment is the computed right-hand side of one ledger row.
type Assessment struct {
	C, I, A    int // on the scale
	Importance int
	Likelihood int
	Value      int
	Band       Band
}

// Assess computes 重要度, 被害発生可能性, リスク値 and 判定 for a row with
// the given scale values, personal-information flag, threat and
// vulnerability: importance is the top level when personal information is
// held, else the highest of C, I and A; likelihood comes from the lookup.
func (r *Risk) Assess(s *Scale, c, i, a int, pi bool, threat, vuln int) Assessment {
	imp := max(c, i, a)
	if pi {
		imp = s.Top()
	}
	l := r.Likelihood[threat][vuln]
	v := imp * l
	return Assessment{C: c, I: i, A: a, Importance: imp, Likelihood: l, Value: v, Band: s.Band(v)}
}

// AssessExample assesses an example row on scale s.
func (r *Risk) AssessExample(s *Scale, e Example) Assessment {
	return r.Assess(s, s.FromRank(e.C), s.FromRank(e.I), s.FromRank(e.A), e.HasPersonalInfo(), e.Threat, e.Vulnerability)
}

func (b *builder) risk() {
	raw := b.raw.Risk
	r := &b.book.Risk
	r.Title = text(raw.Title)
	r.PersonalInfoNote = text(raw.PersonalInfoNote)
	r.PersonalInfo = texts(raw.PersonalInfo)
	r.Media = texts(raw.Media)

	seen := map[string]yamlpos.Str{}
	for _, rs := range raw.Scales {
		if !b.uniqueID(seen, rs.ID) {
			continue
		}
		if s := b.scale(rs); s != nil {
			r.Scales = append(r.Scales, s)
			if rs.ID.V == raw.Scale.V {
				r.Scale = s
			}
		}
	}
	if r.Scale == nil && raw.Scale.V != "" {
		if _, ok := seen[raw.Scale.V]; !ok {
			b.errorf(raw.Scale.Loc, "尺度「%s」は scales にありません（使える値: %s）", raw.Scale.V, strings.Join(sortedKeys(seen), ", "))
		}
	}
	r.Threat = b.levels(raw.Threat, "脅威の発生頻度")
	r.Vulnerability = b.levels(raw.Vulnerability, "脆弱性")
	r.LikelihoodLevels = b.levels(raw.LikelihoodLevels, "被害発生可能性")
	b.likelihood(raw.Likelihood)
	for _, t := range raw.Treatments {
		r.Treatments = append(r.Treatments, Treatment{text(t.Name), text(t.Text), text(t.Example)})
	}
	b.ledgerColumns(raw.Columns)
	for _, e := range raw.Examples {
		b.example(e)
	}
	if n := len(raw.Examples); n > 0 && (n < 3 || n > 12) {
		b.errorf(raw.Examples[0].Loc, "記入例は 3〜12 件にしてください（いまは %d 件）", n)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// scale checks one scale edition: three consecutive levels from high to
// low, and bands from high to low that cover every possible risk value.
func (b *builder) scale(rs source.Scale) *Scale {
	s := &Scale{ID: rs.ID.V, Name: text(rs.Name), Note: text(rs.Note), Loc: rs.Loc}
	ok := true
	if len(rs.Levels) != 3 {
		b.errorf(rs.Loc, "levels は高い順に3段階で書いてください（いまは %d 段階）", len(rs.Levels))
		return nil
	}
	for i, l := range rs.Levels {
		if i > 0 && l.Value.V != rs.Levels[i-1].Value.V-1 {
			b.errorf(l.Value.Loc, "levels の value は高い順に1ずつ小さくしてください（前が %d なので %d のはずです）", rs.Levels[i-1].Value.V, rs.Levels[i-1].Value.V-1)
			ok = false
		}
		s.Levels = append(s.Levels, ScaleLevel{Value: l.Value.V, Label: text(l.Label), Meaning: text(l.Meaning),
			Confidentiality: text(l.Confidentiality), Integrity: text(l.Integrity), Availability: text(l.Availability)})
	}
	if ok && s.Bottom() < 0 {
		b.errorf(rs.Levels[2].Value.Loc, "levels の value は 0 以上にしてください")
		ok = false
	}
	labels := map[string]yamlpos.Str{}
	for i, bd := range rs.Bands {
		if first, dup := labels[bd.Label.V]; dup {
			b.errorf(bd.Label.Loc, "判定「%s」が重複しています（最初は %d 行目）", bd.Label.V, first.Loc.Line)
			ok = false
		}
		labels[bd.Label.V] = bd.Label
		if i > 0 && bd.Min.V >= rs.Bands[i-1].Min.V {
			b.errorf(bd.Min.Loc, "bands は min の大きい順に並べてください（%d は前の %d 以上です）", bd.Min.V, rs.Bands[i-1].Min.V)
			ok = false
		}
		s.Bands = append(s.Bands, Band{Label: text(bd.Label), Min: bd.Min.V, Meaning: text(bd.Meaning), Action: text(bd.Action)})
	}
	if !ok || len(s.Bands) == 0 {
		return nil
	}
	lowest := s.Bottom() * 1 // the smallest risk value: lowest importance × likelihood 1
	if last := rs.Bands[len(rs.Bands)-1]; last.Min.V > lowest {
		b.errorf(last.Min.Loc, "いちばん下の判定の min（%d）がリスク値の最小 %d より大きく、判定のない値が出ます", last.Min.V, lowest)
		return nil
	}
	if top := rs.Bands[0]; top.Min.V > s.Top()*3 {
		b.errorf(top.Min.Loc, "判定「%s」の min（%d）がリスク値の最大 %d を超えています", top.Label.V, top.Min.V, s.Top()*3)
		return nil
	}
	return s
}

// levels checks a 1–3 level list written high to low.
func (b *builder) levels(raw []source.Level, what string) []Level {
	var out []Level
	for i, l := range raw {
		want := 3 - i
		if l.Value.V != want {
			b.errorf(l.Value.Loc, "%sの value は 3, 2, 1 の順に書いてください（ここは %d のはずです）", what, want)
		}
		out = append(out, Level{Value: l.Value.V, Label: text(l.Label), Meaning: text(l.Meaning)})
	}
	if len(raw) > 0 && len(raw) != 3 {
		b.errorf(raw[0].Loc, "%sは 3 段階で書いてください（いまは %d 段階）", what, len(raw))
	}
	return out
}

// likelihood checks that the lookup table has each (threat, vulnerability)
// pair from 1 to 3 exactly once, with values from 1 to 3.
func (b *builder) likelihood(cells []source.Cell) {
	r := &b.book.Risk
	var seen [4][4]*source.Cell
	for i := range cells {
		c := &cells[i]
		t, v := c.Threat.V, c.Vulnerability.V
		if t < 1 || t > 3 {
			b.errorf(c.Threat.Loc, "threat は 1〜3 で書いてください")
			continue
		}
		if v < 1 || v > 3 {
			b.errorf(c.Vulnerability.Loc, "vulnerability は 1〜3 で書いてください")
			continue
		}
		if c.Value.V < 1 || c.Value.V > 3 {
			b.errorf(c.Value.Loc, "被害発生可能性の value は 1〜3 で書いてください")
			continue
		}
		if seen[t][v] != nil {
			b.errorf(c.Loc, "脅威 %d・脆弱性 %d の組が重複しています（最初は %d 行目）", t, v, seen[t][v].Loc.Line)
			continue
		}
		seen[t][v] = c
		r.Likelihood[t][v] = c.Value.V
	}
	var missing []string
	for t := 3; t >= 1; t-- {
		for v := 3; v >= 1; v-- {
			if seen[t][v] == nil {
				missing = append(missing, fmt.Sprintf("脅威%d×脆弱性%d", t, v))
			}
		}
	}
	if len(missing) > 0 && len(cells) > 0 {
		b.errorf(cells[0].Loc, "被害発生可能性の表に足りない組があります: %s", strings.Join(missing, ", "))
	}
}

func (b *builder) ledgerColumns(cols []source.LedgerColumn) {
	r := &b.book.Risk
	want := map[string]bool{}
	for _, id := range LedgerColumnIDs {
		want[id] = true
	}
	seen := map[string]yamlpos.Str{}
	for _, c := range cols {
		if !want[c.ID.V] {
			b.errorf(c.ID.Loc, "台帳の列「%s」はありません（使える値: %s）", c.ID.V, strings.Join(LedgerColumnIDs, ", "))
			continue
		}
		if !b.unique(seen, c.ID, "台帳の列") {
			continue
		}
		r.Columns = append(r.Columns, LedgerColumn{ID: c.ID.V, Title: text(c.Title), Help: text(c.Help)})
	}
	if len(cols) == 0 {
		return
	}
	var missing []string
	for _, id := range LedgerColumnIDs {
		if _, ok := seen[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		b.errorf(cols[0].Loc, "台帳の列が足りません: %s", strings.Join(missing, ", "))
	}
}

func (b *builder) example(e source.Example) {
	r := &b.book.Risk
	out := Example{Business: text(e.Business), Asset: text(e.Asset), Note: text(e.Note), Users: text(e.Users),
		Owner: text(e.Owner), Medium: text(e.Medium), C: e.C.V, I: e.I.V, A: e.A.V,
		Threat: e.Threat.V, Vulnerability: e.Vulnerability.V, Retention: text(e.Retention),
		Registered: text(e.Registered), Treatment: text(e.Treatment), Loc: e.Loc}
	for _, x := range []yamlpos.Int{e.C, e.I, e.A} {
		if x.V < 1 || x.V > 3 {
			b.errorf(x.Loc, "記入例の評価は 3（高）・2（中）・1（低）で書いてください")
		}
	}
	for _, x := range []yamlpos.Int{e.Threat, e.Vulnerability} {
		if x.V < 1 || x.V > 3 {
			b.errorf(x.Loc, "脅威・脆弱性は 1〜3 で書いてください")
		}
	}
	if !containsText(r.Media, e.Medium.V) && e.Medium.V != "" {
		b.errorf(e.Medium.Loc, "媒体・保存先「%s」は media にありません（使える値: %s）", e.Medium.V, joinTexts(r.Media))
	}
	out.PersonalInfo = make([]bool, len(r.PersonalInfo))
	for _, f := range e.PersonalInfo {
		i := indexText(r.PersonalInfo, f.V)
		if i < 0 {
			b.errorf(f.Loc, "個人情報の種類「%s」は personal_info_flags にありません（使える値: %s）", f.V, joinTexts(r.PersonalInfo))
			continue
		}
		out.PersonalInfo[i] = true
	}
	b.date(e.Registered)
	if e.Treatment.V != "" {
		found := false
		for _, t := range r.Treatments {
			found = found || t.Name.S == e.Treatment.V
		}
		if !found {
			b.errorf(e.Treatment.Loc, "対応「%s」は treatments にありません", e.Treatment.V)
		}
	}
	r.Examples = append(r.Examples, out)
}

func indexText(ts []Text, s string) int {
	for i, t := range ts {
		if t.S == s {
			return i
		}
	}
	return -1
}

func containsText(ts []Text, s string) bool { return indexText(ts, s) >= 0 }

func joinTexts(ts []Text) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.S
	}
	return strings.Join(s, ", ")
}
