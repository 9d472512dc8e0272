package slides

import (
	"math"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// fit lays out one slide at one shrink step: every style of the slide is
// set text.Step × k points below its size, but never below its minimum, so
// the slide shrinks as a whole. A trial run only notes whether the slide
// fits; the final run, at the chosen step, also records every problem.
// Every text goes through the deck's text.Setter.
type fit struct {
	set   *text.Setter
	m     layout.Measurer
	k     int
	final bool
	ok    bool
	where diag.Loc // position for text the layout wrote itself
}

// size is st at this step.
func (f *fit) size(st layout.Style) layout.Style {
	st.MinSize = st.Smallest()
	st.Size = math.Max(st.Size-float64(f.k)*text.Step, st.MinSize)
	return st
}

// at gives text without a source position the slide's position.
func (f *fit) at(t model.Text) model.Text {
	if t.Loc.File == "" {
		t.Loc = f.where
	}
	return t
}

// setText sets t in width at st's sizes with rules r; a text that does not
// keep them makes the slide not fit, and in the final run is reported.
func (f *fit) setText(t model.Text, width float64, st layout.Style, r text.Rules) text.Block {
	var b text.Block
	var ok bool
	if f.final {
		b, ok = f.set.Fit(f.at(t), width, st, r)
	} else {
		b, ok = f.set.Try(f.at(t), width, st, r)
	}
	f.ok = f.ok && ok
	return b
}

// fixed is st at this step's size, not to shrink further.
func (f *fit) fixed(st layout.Style) layout.Style {
	st = f.size(st)
	st.MinSize = st.Size
	return st
}

// wrap breaks t into lines no wider than width at st's size for this
// step, justified: for the paragraphs of a slide's body (a lead, a
// column's text, a quote). The short texts of cards and cells, whose
// lines hold a dozen characters, are plain: justified, they would be
// letter-spaced wherever a word moves whole to the next line.
func (f *fit) wrap(t model.Text, width float64, st layout.Style) text.Block {
	return f.setText(t, width, f.fixed(st), text.Rules{Justify: true})
}

// plain is wrap without justification: for names, labels and lists,
// whose lines are not prose.
func (f *fit) plain(t model.Text, width float64, st layout.Style) text.Block {
	return f.setText(t, width, f.fixed(st), text.Rules{})
}

// oneLine is t on one line, shrunk on its own down to st's minimum if it
// must be (a name that would otherwise break inside a word); when even
// that does not do, t is wrapped as plain.
func (f *fit) oneLine(t model.Text, width float64, st layout.Style) text.Block {
	if b, ok := f.set.Try(f.at(t), width, f.size(st), text.Rules{MaxLines: 1}); ok {
		return b
	}
	return f.plain(t, width, st)
}

// shrunk is wrap for a phone number or an address, which must not be cut:
// when a word does not fit at this step's size, only this text shrinks
// further, down to its minimum, so one long number does not make the whole
// slide smaller. maxLines > 0 also limits the lines.
func (f *fit) shrunk(t model.Text, width float64, st layout.Style, maxLines int) text.Block {
	return f.setText(t, width, f.size(st), text.Rules{MaxLines: maxLines})
}

// balanced is wrap for headings and short texts: two lines break where a
// phrase ends, and a short last line gets company (text.Rules).
func (f *fit) balanced(t model.Text, width float64, st layout.Style) text.Block {
	return f.setText(t, width, f.fixed(st), text.Rules{Balance: true})
}

// url is wrap for a printed web address.
func (f *fit) url(t model.Text, width float64, st layout.Style) text.Block {
	return f.setText(t, width, f.fixed(st), text.Rules{Address: true})
}

// line is wrap for text that must stay on maxLines lines.
func (f *fit) line(t model.Text, width float64, st layout.Style, maxLines int) text.Block {
	return f.setText(t, width, f.fixed(st), text.Rules{MaxLines: maxLines})
}

// fail marks the slide as not fitting and, in the final run, records why
// at t's position.
func (f *fit) fail(t model.Text, format string, args ...any) {
	f.ok = false
	if f.final {
		f.set.Errs.Add(diag.At(f.at(t).Loc, format, args...))
	}
}

// probe is a trial copy of f at the same step, for measuring.
func (f *fit) probe() *fit {
	p := *f
	p.final, p.ok = false, true
	return &p
}

// maxShrink is the number of steps after which every style of the slide
// layout has reached its minimum size.
func (p *planner) maxShrink() int {
	t := p.sp.Type
	all := []layout.Style{t.DeckTitle, t.DeckSubtitle, t.Section, t.SectionSubtitle, t.Title, t.Lead, t.Note,
		t.Bullets[0], t.Bullets[1], t.Bullets[2], t.Detail, t.DetailPhone, t.Formula, t.PaneTitle, t.CellTitle, t.CellText,
		t.CellPhone, t.CardName, t.CardText, t.CardPhone, t.CardTag, t.StepLabel, t.StepTitle, t.StepText,
		t.StepRef, t.FlowBox, t.FlowDetail, t.FlowPhone, t.FlowLabel, t.ColumnText, t.Quote, t.QuoteSource}
	k := 0
	for _, st := range all {
		k = max(k, int(math.Ceil((st.Size-st.Smallest())/text.Step)))
	}
	return k
}

// arrangement lays out a slide's content at the shrink step of f.
type arrangement func(f *fit) []layout.Item

// fitSlide runs lay at growing shrink steps until the slide fits, and then
// once more as the final run (see fitBest).
func (p *planner) fitSlide(lay arrangement) []layout.Item { return p.fitBest(lay) }

// fitBest is fitSlide for several arrangements of the same content: at
// each shrink step it tries them in order, so the largest type wins and the
// earlier arrangement breaks ties. When none fits even at the smallest
// sizes, it gives up at once: the first arrangement reports the problems
// at the smallest sizes.
func (p *planner) fitBest(opts ...arrangement) []layout.Item {
	maxK := p.maxShrink()
	k, i := p.firstFit(opts, maxK)
	if k < 0 {
		k, i = maxK, 0
	}
	return opts[i](p.newFit(k, true))
}

// fitsAbove reports whether one of the arrangements fits while st is still
// at least size points: the test for splitting content over more slides
// rather than shrinking it further.
func (p *planner) fitsAbove(opts []arrangement, st layout.Style, size float64) bool {
	k, _ := p.firstFit(opts, int(math.Floor((st.Size-size)/text.Step)))
	return k >= 0
}

// firstFit returns the first step up to maxK at which an arrangement fits,
// and that arrangement; -1 when none does. It tries the largest type and
// then the smallest before the steps in between, so that content that
// cannot fit at all costs two trials, not one per step.
func (p *planner) firstFit(opts []arrangement, maxK int) (k, i int) {
	try := func(k int) int {
		for i, lay := range opts {
			f := p.newFit(k, false)
			lay(f)
			if f.ok {
				return i
			}
		}
		return -1
	}
	if maxK < 0 {
		return -1, 0
	}
	if i := try(0); i >= 0 {
		return 0, i
	}
	if maxK == 0 || try(maxK) < 0 {
		return -1, 0
	}
	for k := 1; k <= maxK; k++ {
		if i := try(k); i >= 0 {
			return k, i
		}
	}
	return -1, 0
}

func (p *planner) newFit(k int, final bool) *fit {
	return &fit{set: p.set, m: p.m, k: k, final: final, ok: true, where: p.where}
}
