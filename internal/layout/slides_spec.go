package layout

import (
	"io/fs"

	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// SlidesFile is the name of the slide layout inside the layouts folder.
const SlidesFile = "slides-16x9.yaml"

// slidesFile is layouts/slides-16x9.yaml as written.
type slidesFile struct {
	Page   SizeSpec   `yaml:"page,required"`
	Margin MarginSpec `yaml:"margin,required"`
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
		DeckTitle       StyleSpec   `yaml:"deck_title,required"`
		DeckSubtitle    StyleSpec   `yaml:"deck_subtitle,required"`
		Section         StyleSpec   `yaml:"section,required"`
		SectionSubtitle StyleSpec   `yaml:"section_subtitle,required"`
		Title           StyleSpec   `yaml:"title,required"`
		Lead            StyleSpec   `yaml:"lead,required"`
		Note            StyleSpec   `yaml:"note,required"`
		Bullets         []StyleSpec `yaml:"bullets,required"`
		Detail          StyleSpec   `yaml:"detail,required"`
		Formula         StyleSpec   `yaml:"formula,required"`
		PaneTitle       StyleSpec   `yaml:"pane_title,required"`
		CellTitle       StyleSpec   `yaml:"cell_title,required"`
		CellText        StyleSpec   `yaml:"cell_text,required"`
		CellPhone       StyleSpec   `yaml:"cell_phone,required"`
		CardName        StyleSpec   `yaml:"card_name,required"`
		CardText        StyleSpec   `yaml:"card_text,required"`
		CardPhone       StyleSpec   `yaml:"card_phone,required"`
		CardTag         StyleSpec   `yaml:"card_tag,required"`
		StepLabel       StyleSpec   `yaml:"step_label,required"`
		StepTitle       StyleSpec   `yaml:"step_title,required"`
		StepText        StyleSpec   `yaml:"step_text,required"`
		StepRef         StyleSpec   `yaml:"step_ref,required"`
		FlowBox         StyleSpec   `yaml:"flow_box,required"`
		FlowDetail      StyleSpec   `yaml:"flow_detail,required"`
		FlowLabel       StyleSpec   `yaml:"flow_label,required"`
		ColumnTitle     StyleSpec   `yaml:"column_title,required"`
		ColumnText      StyleSpec   `yaml:"column_text,required"`
		Quote           StyleSpec   `yaml:"quote,required"`
		QuoteSource     StyleSpec   `yaml:"quote_source,required"`
		Footer          StyleSpec   `yaml:"footer,required"`
	} `yaml:"type,required"`
	TitleBar struct {
		Height    yamlpos.Num `yaml:"height,required"`
		RuleWidth yamlpos.Num `yaml:"rule_width,required"`
		GapAfter  yamlpos.Num `yaml:"gap_after,required"`
	} `yaml:"title_bar,required"`
	Footer struct {
		Height    yamlpos.Num `yaml:"height,required"`
		RuleWidth yamlpos.Num `yaml:"rule_width,required"`
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

// SlideColors is the theme of the slides.
type SlideColors struct {
	Text, Muted, Accent, OnAccent, Panel, Rule, Alert Color
}

// SlideType is the type scale of the slides.
type SlideType struct {
	DeckTitle, DeckSubtitle, Section, SectionSubtitle, Title, Lead, Note Style
	Bullets                                                              [3]Style
	Detail, Formula, PaneTitle                                           Style
	CellTitle, CellText, CellPhone                                       Style
	CardName, CardText, CardPhone, CardTag                               Style
	StepLabel, StepTitle, StepText, StepRef                              Style
	FlowBox, FlowDetail, FlowLabel                                       Style
	ColumnTitle, ColumnText, Quote, QuoteSource, Footer                  Style
}

// DeckOutputs says which files are made for one deck besides the slides.
type DeckOutputs struct {
	Handouts []yamlpos.Str // N-up variant ids (nup-a4.yaml), with where they were set
	Notes    bool
}

// SlidesSpec is the checked slide layout: page, theme, type scale, the
// measures of every slide kind and the outputs to make.
type SlidesSpec struct {
	W, H   float64
	Margin Insets
	Colors SlideColors
	Type   SlideType

	TitleBarH, TitleRule, TitleGap float64
	FooterH, FooterRule            float64

	BulletIndent, BulletMarker float64
	BulletGap                  [3]float64
	BulletColumnsGap           float64
	FormulaPadding             float64

	PaneGap, PanePadding float64

	TableColumns, TableRows int
	TableSplitBelow         float64 // cell text size below which cells go to another slide
	TableGap, TablePadding  float64

	CardsPerSlide                      int
	CardSplitBelow                     float64 // card text size below which cards go to another slide
	CardGap, CardPadding, CardRadius   float64
	QRSize                             float64
	StepArrow, StepPadding, StepLabelH float64

	FlowSplitBelow                                                                    float64 // box text size below which branches go to another slide
	FlowGapX, FlowBoxMaxW, FlowBoxPadding, FlowBusGap, FlowArrowGap, FlowLabelPadding float64

	ColumnPointsW, ColumnGap, ColumnPadding float64

	outputs  DeckOutputs
	perDeck  map[string]DeckOutputs
	deckLocs map[string]diag.Loc
}

// ReadSlidesSpec reads and checks layouts/slides-16x9.yaml from fsys (shown
// to the user as dir).
func ReadSlidesSpec(fsys fs.FS, dir string) (*SlidesSpec, diag.List) {
	var f slidesFile
	errs := ReadSpec(fsys, dir, SlidesFile, &f)
	if len(errs) > 0 {
		return nil, errs
	}
	c := &SpecChecker{}
	s := &SlidesSpec{
		W: c.Positive(f.Page.Width, 2000), H: c.Positive(f.Page.Height, 2000),
	}
	s.Margin = c.Margins(f.Margin, s.W, s.H)
	cs := f.Colors
	s.Colors = SlideColors{
		Text: c.Color(cs.Text, Color{}), Muted: c.Color(cs.Muted, Color{}), Accent: c.Color(cs.Accent, Color{}),
		OnAccent: c.Color(cs.OnAccent, Color{255, 255, 255}), Panel: c.Color(cs.Panel, Color{}),
		Rule: c.Color(cs.Rule, Color{}), Alert: c.Color(cs.Alert, Color{}),
	}
	t := f.Type
	col := s.Colors
	st := func(sp StyleSpec, def Color) Style {
		x := c.Style(sp)
		if sp.Color.IsZero() {
			x.Color = def
		}
		if x.MinSize == 0 {
			x.MinSize = x.Size
		}
		return x
	}
	s.Type = SlideType{
		DeckTitle: st(t.DeckTitle, col.Accent), DeckSubtitle: st(t.DeckSubtitle, col.Text),
		Section: st(t.Section, col.Accent), SectionSubtitle: st(t.SectionSubtitle, col.Text),
		Title: st(t.Title, col.Accent), Lead: st(t.Lead, col.Text), Note: st(t.Note, col.Muted),
		Detail: st(t.Detail, col.Accent), Formula: st(t.Formula, col.Text), PaneTitle: st(t.PaneTitle, col.Accent),
		CellTitle: st(t.CellTitle, col.Accent), CellText: st(t.CellText, col.Text), CellPhone: st(t.CellPhone, col.Accent),
		CardName: st(t.CardName, col.Text), CardText: st(t.CardText, col.Text), CardPhone: st(t.CardPhone, col.Accent),
		CardTag:   st(t.CardTag, col.Accent),
		StepLabel: st(t.StepLabel, col.OnAccent), StepTitle: st(t.StepTitle, col.Accent), StepText: st(t.StepText, col.Text),
		StepRef: st(t.StepRef, col.Accent),
		FlowBox: st(t.FlowBox, col.Text), FlowDetail: st(t.FlowDetail, col.Accent), FlowLabel: st(t.FlowLabel, col.Text),
		ColumnTitle: st(t.ColumnTitle, col.Accent), ColumnText: st(t.ColumnText, col.Text),
		Quote: st(t.Quote, col.Text), QuoteSource: st(t.QuoteSource, col.Muted), Footer: st(t.Footer, col.Muted),
	}
	if len(t.Bullets) != 3 {
		c.Errs.Addf(diag.Loc{Pos: f.Page.Width.Loc.Pos, Field: "type.bullets"}, "bullets には 1〜3 段目の三つの大きさを書いてください（いまは %d）", len(t.Bullets))
	} else {
		for i := range 3 {
			s.Type.Bullets[i] = st(t.Bullets[i], col.Text)
		}
	}
	s.TitleBarH = c.Positive(f.TitleBar.Height, s.H/3)
	s.TitleRule = c.Positive(f.TitleBar.RuleWidth, 5)
	s.TitleGap = c.Positive(f.TitleBar.GapAfter, 40)
	s.FooterH = c.Positive(f.Footer.Height, 30)
	s.FooterRule = c.Positive(f.Footer.RuleWidth, 5)
	b := f.Bullets
	s.BulletIndent = c.Positive(b.Indent, 50)
	s.BulletMarker = c.Positive(b.Marker, 10)
	if len(b.Gap) != 3 {
		c.Errs.Addf(b.Indent.Loc, "bullets.gap には 1〜3 段目の項目の前の空きを三つ書いてください（いまは %d）", len(b.Gap))
	} else {
		for i := range 3 {
			s.BulletGap[i] = slNonNeg(c, b.Gap[i], 30)
		}
	}
	s.BulletColumnsGap = c.Positive(b.ColumnsGap, 60)
	s.FormulaPadding = slNonNeg(c, b.FormulaPadding, 20)
	s.PaneGap = c.Positive(f.Columns.Gap, 60)
	s.PanePadding = slNonNeg(c, f.Columns.Padding, 20)
	s.TableColumns = slCount(c, f.Table.MaxColumns, 6)
	s.TableRows = slCount(c, f.Table.MaxRows, 6)
	s.TableSplitBelow = c.Positive(f.Table.SplitBelow, 100)
	s.TableGap = slNonNeg(c, f.Table.Gap, 30)
	s.TablePadding = slNonNeg(c, f.Table.Padding, 20)
	s.CardsPerSlide = slCount(c, f.Cards.MaxPerSlide, 9)
	s.CardSplitBelow = c.Positive(f.Cards.SplitBelow, 100)
	s.CardGap = slNonNeg(c, f.Cards.Gap, 30)
	s.CardPadding = slNonNeg(c, f.Cards.Padding, 20)
	s.CardRadius = slNonNeg(c, f.Cards.Radius, 10)
	s.QRSize = c.Positive(f.Cards.QRSize, 100)
	s.StepArrow = c.Positive(f.Steps.Arrow, 40)
	s.StepPadding = slNonNeg(c, f.Steps.Padding, 20)
	s.StepLabelH = c.Positive(f.Steps.LabelHeight, 40)
	fl := f.Flow
	s.FlowSplitBelow = c.Positive(fl.SplitBelow, 100)
	s.FlowGapX = c.Positive(fl.GapX, 40)
	s.FlowBoxMaxW = c.Positive(fl.BoxMaxWidth, s.W)
	s.FlowBoxPadding = slNonNeg(c, fl.BoxPadding, 20)
	s.FlowBusGap = c.Positive(fl.BusGap, 30)
	s.FlowArrowGap = c.Positive(fl.ArrowGap, 30)
	s.FlowLabelPadding = slNonNeg(c, fl.LabelPadding, 10)
	s.ColumnPointsW = c.Positive(f.Column.PointsWidth, s.W/2)
	s.ColumnGap = c.Positive(f.Column.Gap, 60)
	s.ColumnPadding = slNonNeg(c, f.Column.Padding, 20)

	s.outputs = DeckOutputs{Handouts: f.Outputs.Handouts, Notes: f.Outputs.Notes.V}
	s.perDeck = map[string]DeckOutputs{}
	s.deckLocs = map[string]diag.Loc{}
	for _, d := range f.Outputs.Decks {
		if _, dup := s.perDeck[d.Deck.V]; dup {
			c.Errs.Addf(d.Deck.Loc, "デッキ「%s」が二度書かれています", d.Deck.V)
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
	if s.W > 0 && s.H > 0 && (s.Margin.Left+s.Margin.Right > s.W/2 || s.Margin.Top+s.Margin.Bottom+s.TitleBarH+s.FooterH > s.H/2) {
		c.Errs.Addf(f.Margin.Top.Loc, "余白・見出し・フッターが大きすぎて、本文の場所がスライドの半分もありません")
	}
	if len(c.Errs) > 0 {
		return nil, c.Errs
	}
	return s, nil
}

// Outputs returns the N-up variants and notes setting for the deck id.
func (s *SlidesSpec) Outputs(deck string) DeckOutputs {
	if o, ok := s.perDeck[deck]; ok {
		return o
	}
	return s.outputs
}

// CheckDecks reports outputs.decks entries that name no deck in ids and
// handout variants not in variants.
func (s *SlidesSpec) CheckDecks(ids []string, variants map[string]bool) diag.List {
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

// slNonNeg checks a length in mm is at least zero and at most max.
func slNonNeg(c *SpecChecker, n yamlpos.Num, max float64) float64 {
	if n.Set && (n.V < 0 || n.V > max) {
		c.Errs.Addf(n.Loc, "0 以上 %g 以下の値にしてください", max)
	}
	return n.V
}

// slCount checks a count is between 1 and max.
func slCount(c *SpecChecker, n yamlpos.Int, max int) int {
	if n.Set && (n.V < 1 || n.V > max) {
		c.Errs.Addf(n.Loc, "1 以上 %d 以下の整数にしてください", max)
	}
	return n.V
}
