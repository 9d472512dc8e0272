package spec

import (
	"io/fs"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/yamlpos"
)

// The projection floors: no layout file may let slide text shrink below
// these, in points (the footer excepted), so that the back of a seminar
// room can read every slide. A layout file's floors may be higher.
const (
	MinSlideTitlePt   = 28.0 // slide titles, deck and section titles
	MinSlideBodyPt    = 18.0 // body text: bullets, leads, tables, cards, steps
	MinSlideCaptionPt = 14.0 // captions, source notes, QR labels
	MinSlidePhonePt   = 24.0 // phone numbers
	MinSlideFlowPt    = 16.0 // the boxes and answers of the flow diagram
)

// floorOf is the floor a style keeps: its name in the floors section and
// its size (a zero floorOf: none).
type floorOf struct {
	name string
	pt   float64
}

// floor checks a floor of the layout file: at least the project's own.
func (c *checker) floor(n yamlpos.Num, least float64) float64 {
	if c.checked(n.Set, n.Loc) && !(least <= n.V && n.V <= 200) {
		c.errs.Addf(n.Loc, "投影したスライドを会場の後ろから読めるよう、%gpt 以上にしてください", least)
	}
	return n.V
}

// keepFloor reports a style whose smallest size is under its floor.
func (c *checker) keepFloor(src styleSpec, st layout.Style, fl floorOf) {
	if fl.name == "" || !src.Size.Set || !c.checked(true, smallest(src)) {
		return
	}
	if st.Smallest() < fl.pt {
		c.errs.Addf(smallest(src), "投影したスライドを会場の後ろから読めるよう、%gpt 以上にしてください（min_size も含む。floors.%s が %gpt）", fl.pt, fl.name, fl.pt)
	}
}

// slidesFile is layouts/slides-16x9.yaml as written.
type slidesFile struct {
	pageHead `yaml:",inline"`
	Floors   struct {
		Title   yamlpos.Num `yaml:"title,required"`
		Body    yamlpos.Num `yaml:"body,required"`
		Caption yamlpos.Num `yaml:"caption,required"`
		Phone   yamlpos.Num `yaml:"phone,required"`
		Flow    yamlpos.Num `yaml:"flow,required"`
	} `yaml:"floors,required"`
	Colors struct {
		Text     yamlpos.Str `yaml:"text,required"`
		Muted    yamlpos.Str `yaml:"muted,required"`
		Accent   yamlpos.Str `yaml:"accent,required"`
		OnAccent yamlpos.Str `yaml:"on_accent,required"`
		Panel    yamlpos.Str `yaml:"panel,required"`
		Rule     yamlpos.Str `yaml:"rule,required"`
		Alert    yamlpos.Str `yaml:"alert,required"`
	} `yaml:"colors,required"`
	Type struct {
		DeckTitle       styleSpec   `yaml:"deck_title,required"`
		DeckSubtitle    styleSpec   `yaml:"deck_subtitle,required"`
		Section         styleSpec   `yaml:"section,required"`
		SectionSubtitle styleSpec   `yaml:"section_subtitle,required"`
		Title           styleSpec   `yaml:"title,required"`
		Lead            styleSpec   `yaml:"lead,required"`
		Note            styleSpec   `yaml:"note,required"`
		Bullets         []styleSpec `yaml:"bullets,required"`
		Detail          styleSpec   `yaml:"detail,required"`
		DetailPhone     styleSpec   `yaml:"detail_phone,required"`
		Formula         styleSpec   `yaml:"formula,required"`
		PaneTitle       styleSpec   `yaml:"pane_title,required"`
		CellTitle       styleSpec   `yaml:"cell_title,required"`
		CellText        styleSpec   `yaml:"cell_text,required"`
		CellPhone       styleSpec   `yaml:"cell_phone,required"`
		CardName        styleSpec   `yaml:"card_name,required"`
		CardText        styleSpec   `yaml:"card_text,required"`
		CardPhone       styleSpec   `yaml:"card_phone,required"`
		CardTag         styleSpec   `yaml:"card_tag,required"`
		StepLabel       styleSpec   `yaml:"step_label,required"`
		StepTitle       styleSpec   `yaml:"step_title,required"`
		StepText        styleSpec   `yaml:"step_text,required"`
		StepRef         styleSpec   `yaml:"step_ref,required"`
		FlowBox         styleSpec   `yaml:"flow_box,required"`
		FlowDetail      styleSpec   `yaml:"flow_detail,required"`
		FlowPhone       styleSpec   `yaml:"flow_phone,required"`
		FlowLabel       styleSpec   `yaml:"flow_label,required"`
		ColumnText      styleSpec   `yaml:"column_text,required"`
		Quote           styleSpec   `yaml:"quote,required"`
		QuoteSource     styleSpec   `yaml:"quote_source,required"`
		Footer          styleSpec   `yaml:"footer,required"`
	} `yaml:"type,required"`
	TitleBar struct {
		Height    yamlpos.Num `yaml:"height,required"`
		RuleWidth yamlpos.Num `yaml:"rule_width,required"`
		GapAfter  yamlpos.Num `yaml:"gap_after,required"`
	} `yaml:"title_bar,required"`
	Footer struct {
		Height    yamlpos.Num `yaml:"height,required"`
		RuleWidth yamlpos.Num `yaml:"rule_width,required"`
		GapBefore yamlpos.Num `yaml:"gap_before,required"`
	} `yaml:"footer,required"`
	Bullets struct {
		Indent         yamlpos.Num   `yaml:"indent,required"`
		Marker         yamlpos.Num   `yaml:"marker,required"`
		Gap            []yamlpos.Num `yaml:"gap,required"`
		ColumnsGap     yamlpos.Num   `yaml:"columns_gap,required"`
		FormulaPadding yamlpos.Num   `yaml:"formula_padding,required"`
	} `yaml:"bullets,required"`
	Columns struct {
		Gap     yamlpos.Num `yaml:"gap,required"`
		Padding yamlpos.Num `yaml:"padding,required"`
	} `yaml:"columns,required"`
	Table struct {
		MaxColumns yamlpos.Int `yaml:"max_columns,required"`
		MaxRows    yamlpos.Int `yaml:"max_rows,required"`
		SplitBelow yamlpos.Num `yaml:"split_below,required"`
		Gap        yamlpos.Num `yaml:"gap,required"`
		Padding    yamlpos.Num `yaml:"padding,required"`
	} `yaml:"table,required"`
	Cards struct {
		MaxPerSlide yamlpos.Int `yaml:"max_per_slide,required"`
		SplitBelow  yamlpos.Num `yaml:"split_below,required"`
		Gap         yamlpos.Num `yaml:"gap,required"`
		Padding     yamlpos.Num `yaml:"padding,required"`
		Radius      yamlpos.Num `yaml:"radius,required"`
		QRSize      yamlpos.Num `yaml:"qr_size,required"`
		RuleWidth   yamlpos.Num `yaml:"rule_width,required"`
		TagPadX     yamlpos.Num `yaml:"tag_padding_x,required"`
		TagPadY     yamlpos.Num `yaml:"tag_padding_y,required"`
		TagRadius   yamlpos.Num `yaml:"tag_radius,required"`
	} `yaml:"cards,required"`
	Steps struct {
		Arrow       yamlpos.Num `yaml:"arrow,required"`
		Padding     yamlpos.Num `yaml:"padding,required"`
		LabelHeight yamlpos.Num `yaml:"label_height,required"`
	} `yaml:"steps,required"`
	Flow struct {
		SplitBelow   yamlpos.Num `yaml:"split_below,required"`
		GapX         yamlpos.Num `yaml:"gap_x,required"`
		BoxMaxWidth  yamlpos.Num `yaml:"box_max_width,required"`
		BoxPadding   yamlpos.Num `yaml:"box_padding,required"`
		BusGap       yamlpos.Num `yaml:"bus_gap,required"`
		ArrowGap     yamlpos.Num `yaml:"arrow_gap,required"`
		LabelPadding yamlpos.Num `yaml:"label_padding,required"`
	} `yaml:"flow,required"`
	Column struct {
		PointsWidth yamlpos.Num `yaml:"points_width,required"`
		Gap         yamlpos.Num `yaml:"gap,required"`
		Padding     yamlpos.Num `yaml:"padding,required"`
	} `yaml:"column,required"`
	Outputs struct {
		Handouts []yamlpos.Str `yaml:"handouts"`
		Notes    yamlpos.Bool  `yaml:"notes,required"`
		Decks    []struct {
			Deck     yamlpos.Str   `yaml:"deck,required"`
			Handouts []yamlpos.Str `yaml:"handouts"`
			Notes    yamlpos.Bool  `yaml:"notes"`
		} `yaml:"decks"`
	} `yaml:"outputs,required"`
}

// Slides is the checked slide layout: page, theme, type scale, the
// measures of every slide kind and the outputs to make, read from
// layouts/slides-16x9.yaml.
type Slides struct {
	Page
	// Composition is how the text engine sets Japanese in this output.
	Composition text.Composition
	Colors      struct {
		Text, Muted, Accent, OnAccent, Panel, Rule, Alert layout.Color
	}
	Type struct {
		DeckTitle, DeckSubtitle, Section, SectionSubtitle, Title, Lead, Note layout.Style
		Bullets                                                              [3]layout.Style
		Detail, DetailPhone, Formula, PaneTitle                              layout.Style
		CellTitle, CellText, CellPhone                                       layout.Style
		CardName, CardText, CardPhone, CardTag                               layout.Style
		StepLabel, StepTitle, StepText, StepRef                              layout.Style
		FlowBox, FlowDetail, FlowPhone, FlowLabel                            layout.Style
		ColumnText, Quote, QuoteSource, Footer                               layout.Style
	}
	// Floors are the smallest sizes, in points, that each kind of text
	// may shrink to (floors in the layout file): what the back of a
	// seminar room can read. Every style's min_size keeps its floor.
	Floors struct{ Title, Body, Caption, Phone, Flow float64 }

	TitleBarH, TitleRule, TitleGap float64
	FooterH, FooterRule            float64
	FooterGap                      float64 // the least space between the body and the footer rule

	BulletIndent, BulletMarker float64
	BulletGap                  [3]float64
	BulletColsGap              float64 // between the two cols of a long list
	FormulaPadding             float64

	PaneGap, PanePadding float64 // the panes of a two-pane slide

	TableCols, TableRows   int
	TableSplitBelow        float64 // cell text size below which cells go to another slide
	TableGap, TablePadding float64

	CardsPerSlide                    int
	CardSplitBelow                   float64 // card text size below which cards go to another slide
	CardGap, CardPadding, CardRadius float64
	CardRule                         float64 // the frame of a card
	TagPadX, TagPadY, TagRadius      float64 // the plate of a desk's note on its card
	QRSize                           float64

	StepArrow, StepPadding, StepLabelH float64

	FlowSplitBelow                                                                    float64 // box text size below which branches go to another slide
	FlowGapX, FlowBoxMaxW, FlowBoxPadding, FlowBusGap, FlowArrowGap, FlowLabelPadding float64

	// The コラム slide: the points' panel width, the gap to it and its
	// padding.
	ColumnPointsW, ColumnGap, ColumnPadding float64

	outputs  DeckOutputs
	perDeck  map[string]DeckOutputs
	deckLocs map[string]diag.Loc
}

// DeckOutputs says which files are made for one deck besides the slides.
type DeckOutputs struct {
	Handouts []yamlpos.Str // N-up variant ids (nup-a4.yaml), with where they were set
	Notes    bool
}

// ReadSlides reads and checks layouts/slides-16x9.yaml from fsys (shown
// to the user as dir).
func ReadSlides(fsys fs.FS, dir string) (*Slides, diag.List) {
	var f slidesFile
	c := read(fsys, dir, SlidesFile, &f)
	s := &Slides{}
	s.Page, s.Composition = c.head(f.pageHead)
	cs, col := f.Colors, &s.Colors
	col.Text, col.Muted, col.Accent = c.color(cs.Text, layout.Color{}), c.color(cs.Muted, layout.Color{}), c.color(cs.Accent, layout.Color{})
	col.OnAccent, col.Panel = c.color(cs.OnAccent, layout.Color{R: 255, G: 255, B: 255}), c.color(cs.Panel, layout.Color{})
	col.Rule, col.Alert = c.color(cs.Rule, layout.Color{}), c.color(cs.Alert, layout.Color{})

	fs := f.Floors
	s.Floors.Title = c.floor(fs.Title, MinSlideTitlePt)
	s.Floors.Body = c.floor(fs.Body, MinSlideBodyPt)
	s.Floors.Caption = c.floor(fs.Caption, MinSlideCaptionPt)
	s.Floors.Phone = c.floor(fs.Phone, MinSlidePhonePt)
	s.Floors.Flow = c.floor(fs.Flow, MinSlideFlowPt)
	title, body, caption, phone, flow := floorOf{"title", s.Floors.Title}, floorOf{"body", s.Floors.Body},
		floorOf{"caption", s.Floors.Caption}, floorOf{"phone", s.Floors.Phone}, floorOf{"flow", s.Floors.Flow}

	t, ty := f.Type, &s.Type
	for _, x := range []struct {
		dst   *layout.Style
		src   styleSpec
		def   layout.Color // the colour of a style that names none
		floor floorOf
	}{
		{&ty.DeckTitle, t.DeckTitle, col.Accent, title}, {&ty.DeckSubtitle, t.DeckSubtitle, col.Text, body},
		{&ty.Section, t.Section, col.Accent, title}, {&ty.SectionSubtitle, t.SectionSubtitle, col.Text, body},
		{&ty.Title, t.Title, col.Accent, title}, {&ty.Lead, t.Lead, col.Text, body}, {&ty.Note, t.Note, col.Muted, caption},
		{&ty.Detail, t.Detail, col.Accent, body}, {&ty.DetailPhone, t.DetailPhone, col.Accent, phone},
		{&ty.Formula, t.Formula, col.Text, body}, {&ty.PaneTitle, t.PaneTitle, col.Accent, body},
		{&ty.CellTitle, t.CellTitle, col.Accent, body}, {&ty.CellText, t.CellText, col.Text, body}, {&ty.CellPhone, t.CellPhone, col.Accent, phone},
		{&ty.CardName, t.CardName, col.Text, body}, {&ty.CardText, t.CardText, col.Text, body}, {&ty.CardPhone, t.CardPhone, col.Accent, phone},
		{&ty.CardTag, t.CardTag, col.Accent, caption}, {&ty.StepLabel, t.StepLabel, col.OnAccent, body}, {&ty.StepTitle, t.StepTitle, col.Accent, body},
		{&ty.StepText, t.StepText, col.Text, body}, {&ty.StepRef, t.StepRef, col.Accent, caption},
		{&ty.FlowBox, t.FlowBox, col.Text, flow}, {&ty.FlowDetail, t.FlowDetail, col.Accent, flow}, {&ty.FlowPhone, t.FlowPhone, col.Accent, phone},
		{&ty.FlowLabel, t.FlowLabel, col.Text, flow}, {&ty.ColumnText, t.ColumnText, col.Text, body},
		{&ty.Quote, t.Quote, col.Text, body}, {&ty.QuoteSource, t.QuoteSource, col.Muted, caption}, {&ty.Footer, t.Footer, col.Muted, floorOf{}},
	} {
		*x.dst = c.style(x.src, x.def)
		c.keepFloor(x.src, *x.dst, x.floor)
	}
	if len(t.Bullets) > 0 && len(t.Bullets) != 3 {
		loc := t.Bullets[0].At
		loc.Field = "type.bullets"
		c.errs.Addf(loc, "bullets には 1〜3 段目の三つの大きさを書いてください（いまは %d）", len(t.Bullets))
	}
	for i, b := range t.Bullets[:min(len(t.Bullets), 3)] {
		ty.Bullets[i] = c.style(b, col.Text)
		c.keepFloor(b, ty.Bullets[i], body)
	}

	s.TitleBarH, s.TitleRule, s.TitleGap = c.positive(f.TitleBar.Height, s.H/3), c.positive(f.TitleBar.RuleWidth, 5), c.positive(f.TitleBar.GapAfter, 40)
	s.FooterH, s.FooterRule = c.positive(f.Footer.Height, 30), c.positive(f.Footer.RuleWidth, 5)
	s.FooterGap = c.positive(f.Footer.GapBefore, 30)
	b := f.Bullets
	s.BulletIndent, s.BulletMarker = c.positive(b.Indent, 50), c.positive(b.Marker, 10)
	if len(b.Gap) > 0 && len(b.Gap) != 3 {
		loc := b.Gap[0].Loc
		loc.Field = "bullets.gap"
		c.errs.Addf(loc, "bullets.gap には 1〜3 段目の項目の前の空きを三つ書いてください（いまは %d）", len(b.Gap))
	}
	for i, g := range b.Gap[:min(len(b.Gap), 3)] {
		s.BulletGap[i] = c.length(g, 30)
	}
	s.BulletColsGap, s.FormulaPadding = c.positive(b.ColumnsGap, 60), c.length(b.FormulaPadding, 20)
	s.PaneGap, s.PanePadding = c.positive(f.Columns.Gap, 60), c.length(f.Columns.Padding, 20)
	tb := f.Table
	s.TableCols, s.TableRows = c.count(tb.MaxColumns, 1, 6), c.count(tb.MaxRows, 1, 6)
	s.TableSplitBelow, s.TableGap, s.TablePadding = c.positive(tb.SplitBelow, 100), c.length(tb.Gap, 30), c.length(tb.Padding, 20)
	cd := f.Cards
	s.CardsPerSlide, s.CardSplitBelow = c.count(cd.MaxPerSlide, 1, 9), c.positive(cd.SplitBelow, 100)
	s.CardGap, s.CardPadding, s.CardRadius = c.length(cd.Gap, 30), c.length(cd.Padding, 20), c.length(cd.Radius, 10)
	s.CardRule, s.QRSize = c.positive(cd.RuleWidth, 5), c.positive(cd.QRSize, 100)
	s.TagPadX, s.TagPadY, s.TagRadius = c.length(cd.TagPadX, 10), c.length(cd.TagPadY, 10), c.length(cd.TagRadius, 10)
	s.StepArrow, s.StepPadding, s.StepLabelH = c.positive(f.Steps.Arrow, 40), c.length(f.Steps.Padding, 20), c.positive(f.Steps.LabelHeight, 40)
	fl := f.Flow
	s.FlowSplitBelow, s.FlowGapX, s.FlowBoxMaxW = c.positive(fl.SplitBelow, 100), c.positive(fl.GapX, 40), c.positive(fl.BoxMaxWidth, s.W)
	s.FlowBoxPadding, s.FlowBusGap, s.FlowArrowGap = c.length(fl.BoxPadding, 20), c.positive(fl.BusGap, 30), c.positive(fl.ArrowGap, 30)
	s.FlowLabelPadding = c.length(fl.LabelPadding, 10)
	s.ColumnPointsW, s.ColumnGap, s.ColumnPadding = c.positive(f.Column.PointsWidth, s.W/2), c.positive(f.Column.Gap, 60), c.length(f.Column.Padding, 20)

	s.outputs = DeckOutputs{Handouts: f.Outputs.Handouts, Notes: f.Outputs.Notes.V}
	s.perDeck = map[string]DeckOutputs{}
	s.deckLocs = map[string]diag.Loc{}
	for _, d := range f.Outputs.Decks {
		if _, dup := s.perDeck[d.Deck.V]; dup {
			c.errs.Addf(d.Deck.Loc, "デッキ「%s」が二度書かれています", d.Deck.V)
		}
		o := s.outputs
		if d.Handouts != nil {
			o.Handouts = d.Handouts
		}
		if d.Notes.Set {
			o.Notes = d.Notes.V
		}
		s.perDeck[d.Deck.V] = o
		s.deckLocs[d.Deck.V] = d.Deck.Loc
	}
	if c.checked(f.Margin.Top.Set, f.Margin.Top.Loc) && s.W > 0 && s.H > 0 &&
		(s.Left+s.Right > s.W/2 || s.Top+s.Bottom+s.TitleBarH+s.FooterH+s.FooterGap > s.H/2) {
		c.errs.Addf(f.Margin.Top.Loc, "余白・見出し・フッターが大きすぎて、本文の場所がスライドの半分もありません")
	}
	return result(c, s)
}

// Outputs returns the N-up variants and notes setting for the deck id.
func (s *Slides) Outputs(deck string) DeckOutputs {
	if o, ok := s.perDeck[deck]; ok {
		return o
	}
	return s.outputs
}

// CheckDecks reports outputs.decks entries that name no deck in ids and
// handout variants not in variants.
func (s *Slides) CheckDecks(ids []string, variants map[string]bool) diag.List {
	var errs diag.List
	known := map[string]bool{}
	for _, id := range ids {
		known[id] = true
	}
	for id, loc := range s.deckLocs {
		if !known[id] {
			errs.Addf(loc, "デッキ「%s」は sources/decks にありません", id)
		}
	}
	all := [][]yamlpos.Str{s.outputs.Handouts}
	for _, o := range s.perDeck {
		all = append(all, o.Handouts)
	}
	for _, hs := range all {
		for _, h := range hs {
			if !variants[h.V] {
				errs.Addf(h.Loc, "配布資料の形「%s」は %s の variants にありません", h.V, NUpFile)
			}
		}
	}
	return errs
}
