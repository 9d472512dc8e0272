package model

import (
	"fmt"
	"sodan/internal/yamlpos"
)

// SelfCheck is the 25-item self-diagnosis and the 5か条.
type SelfCheck struct {
	Title   Text
	Lead    Text
	Answers []Answer // in the order offered
	Parts   []Part
	Bands   []DiagBand // high to low by Min
	NotUsed Text
	Gokajo  Gokajo
}

// Answer is an answer choice and its points.
type Answer struct {
	Label  Text
	Points int
}

// Part is one part of the self-diagnosis.
type Part struct {
	ID    string
	Title Text
	Items []DiagItem
}

// DiagItem is one question.
type DiagItem struct {
	No     int
	Text   Text
	Advice Text // what to do when it is not done; may be empty
}

// DiagBand is one judgement band of the total.
type DiagBand struct {
	Min    int
	Label  Text
	Action Text
}

// Gokajo is the 情報セキュリティ5か条.
type Gokajo struct {
	Title Text
	Items []GokajoItem
}

// GokajoItem is one of the five.
type GokajoItem struct{ Title, Text Text }

// ItemCount is the number of questions.
func (s *SelfCheck) ItemCount() int {
	n := 0
	for _, p := range s.Parts {
		n += len(p.Items)
	}
	return n
}

// MaxPoints is the best answer's points.
func (s *SelfCheck) MaxPoints() int {
	m := s.Answers[0].Points
	for _, a := range s.Answers {
		m = max(m, a.Points)
	}
	return m
}

// Points returns the points of an answer label, and false when the label is
// not one of the answers (a blank answer scores nothing).
func (s *SelfCheck) Points(label string) (int, bool) {
	for _, a := range s.Answers {
		if a.Label.S == label {
			return a.Points, true
		}
	}
	return 0, false
}

// Band returns the judgement for a total.
func (s *SelfCheck) Band(total int) DiagBand {
	for _, b := range s.Bands {
		if total >= b.Min {
			return b
		}
	}
	return s.Bands[len(s.Bands)-1]
}

func (b *builder) selfCheck() {
	raw := b.raw.SelfCheck
	s := &b.book.SelfCheck
	s.Title, s.Lead, s.NotUsed = text(raw.Title), text(raw.Lead), text(raw.NotUsed)
	labels := map[string]yamlpos.Str{}
	for _, a := range raw.Answers {
		if !b.unique(labels, a.Label, "回答") {
			continue
		}
		s.Answers = append(s.Answers, Answer{Label: text(a.Label), Points: a.Points.V})
	}
	seenPart := map[string]yamlpos.Str{}
	next := 1
	for _, p := range raw.Parts {
		b.uniqueID(seenPart, p.ID)
		part := Part{ID: p.ID.V, Title: text(p.Title)}
		for _, it := range p.Items {
			if it.No.V != next {
				b.errorf(it.No.Loc, "設問番号は 1 から通し番号にしてください（ここは %d のはずです）", next)
			}
			next = it.No.V + 1
			part.Items = append(part.Items, DiagItem{No: it.No.V, Text: text(it.Text), Advice: text(it.Advice)})
		}
		s.Parts = append(s.Parts, part)
	}
	for i, bd := range raw.Bands {
		if i > 0 && bd.Min.V >= raw.Bands[i-1].Min.V {
			b.errorf(bd.Min.Loc, "bands は min の大きい順に並べてください")
		}
		s.Bands = append(s.Bands, DiagBand{Min: bd.Min.V, Label: text(bd.Label), Action: text(bd.Action)})
	}
	if len(s.Answers) > 0 && len(s.Bands) > 0 && s.ItemCount() > 0 {
		lo := s.Answers[0].Points
		for _, a := range s.Answers {
			lo = min(lo, a.Points)
		}
		if last := raw.Bands[len(raw.Bands)-1]; last.Min.V > lo*s.ItemCount() {
			b.errorf(last.Min.Loc, "いちばん下の判定の min（%d）が最低点 %d より大きく、判定のない合計が出ます", last.Min.V, lo*s.ItemCount())
		}
		if top := raw.Bands[0]; top.Min.V > s.MaxPoints()*s.ItemCount() {
			b.errorf(top.Min.Loc, "判定の min（%d）が満点 %d を超えています", top.Min.V, s.MaxPoints()*s.ItemCount())
		}
	}
	s.Gokajo.Title = text(raw.Gokajo.Title)
	for _, g := range raw.Gokajo.Items {
		s.Gokajo.Items = append(s.Gokajo.Items, GokajoItem{text(g.Title), text(g.Text)})
	}
	if n := len(raw.Gokajo.Items); n != 5 && n != 0 {
		b.errorf(raw.Gokajo.Title.Loc, "%s", fmt.Sprintf("5か条は 5 項目です（いまは %d 項目）", n))
	}
}
