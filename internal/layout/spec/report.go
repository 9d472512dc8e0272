package spec

import (
	"io/fs"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
	"sodan/internal/yamlpos"
)

// reportFile is layouts/report-a4.yaml as written.
type reportFile struct {
	Page        pageSpec        `yaml:"page,required"`
	Composition compositionSpec `yaml:"composition,required"`
	Gaps        struct {
		AfterTitle yamlpos.Num `yaml:"after_title,required"`
		Section    yamlpos.Num `yaml:"section,required"`
		Heading    yamlpos.Num `yaml:"heading,required"`
		Paragraph  yamlpos.Num `yaml:"paragraph,required"`
	} `yaml:"gaps,required"`
	Counts struct {
		Height    yamlpos.Num `yaml:"height,required"`
		Gap       yamlpos.Num `yaml:"gap,required"`
		RuleWidth yamlpos.Num `yaml:"rule_width,required"`
	} `yaml:"counts,required"`
	Heatmap struct {
		AxisWidth  yamlpos.Num `yaml:"axis_width,required"`
		AxisHeight yamlpos.Num `yaml:"axis_height,required"`
		CellHeight yamlpos.Num `yaml:"cell_height,required"`
		Padding    yamlpos.Num `yaml:"padding,required"`
		RuleWidth  yamlpos.Num `yaml:"rule_width,required"`
		Names      yamlpos.Int `yaml:"names,required"`
	} `yaml:"heatmap,required"`
	Table struct {
		PadX      yamlpos.Num `yaml:"padding_x,required"`
		PadY      yamlpos.Num `yaml:"padding_y,required"`
		RuleWidth yamlpos.Num `yaml:"rule_width,required"`
		Columns   struct {
			Asset      yamlpos.Num `yaml:"asset,required"`
			Business   yamlpos.Num `yaml:"business,required"`
			Medium     yamlpos.Num `yaml:"medium,required"`
			Importance yamlpos.Num `yaml:"importance,required"`
			Likelihood yamlpos.Num `yaml:"likelihood,required"`
			Risk       yamlpos.Num `yaml:"risk,required"`
			Judgement  yamlpos.Num `yaml:"judgement,required"`
			Action     yamlpos.Num `yaml:"action,required"`
		} `yaml:"columns,required"`
	} `yaml:"table,required"`
	Plan struct {
		Columns struct {
			Asset     yamlpos.Num `yaml:"asset,required"`
			Judgement yamlpos.Num `yaml:"judgement,required"`
			Risk      yamlpos.Num `yaml:"risk,required"`
			Treatment yamlpos.Num `yaml:"treatment,required"`
		} `yaml:"columns,required"`
	} `yaml:"plan,required"`
	Score struct {
		BoxWidth   yamlpos.Num `yaml:"box_width,required"`
		LabelWidth yamlpos.Num `yaml:"label_width,required"`
		ValueWidth yamlpos.Num `yaml:"value_width,required"`
		BarHeight  yamlpos.Num `yaml:"bar_height,required"`
		RowGap     yamlpos.Num `yaml:"row_gap,required"`
		RuleWidth  yamlpos.Num `yaml:"rule_width,required"`
	} `yaml:"score,required"`
	ToDo struct {
		NumberWidth yamlpos.Num `yaml:"number_width,required"`
		AnswerWidth yamlpos.Num `yaml:"answer_width,required"`
		ItemGap     yamlpos.Num `yaml:"item_gap,required"`
	} `yaml:"todo,required"`
	Colors struct {
		Text       yamlpos.Str   `yaml:"text,required"`
		Muted      yamlpos.Str   `yaml:"muted,required"`
		Rule       yamlpos.Str   `yaml:"rule,required"`
		HeaderFill yamlpos.Str   `yaml:"header_fill,required"`
		Bands      []yamlpos.Str `yaml:"bands,required"`
		Bar        yamlpos.Str   `yaml:"bar,required"`
		BarTrack   yamlpos.Str   `yaml:"bar_track,required"`
		Attention  yamlpos.Str   `yaml:"attention,required"`
	} `yaml:"colors,required"`
	Styles struct {
		Title       styleSpec `yaml:"title,required"`
		Date        styleSpec `yaml:"date,required"`
		Lead        styleSpec `yaml:"lead,required"`
		Heading     styleSpec `yaml:"heading,required"`
		Body        styleSpec `yaml:"body,required"`
		Count       styleSpec `yaml:"count,required"`
		Total       styleSpec `yaml:"total,required"`
		TableHeader styleSpec `yaml:"table_header,required"`
		Cell        styleSpec `yaml:"cell,required"`
		Footer      styleSpec `yaml:"footer,required"`
		HeatAxis    styleSpec `yaml:"heat_axis,required"`
		HeatBand    styleSpec `yaml:"heat_band,required"`
		HeatCount   styleSpec `yaml:"heat_count,required"`
		HeatNames   styleSpec `yaml:"heat_names,required"`
		ScoreTotal  styleSpec `yaml:"score_total,required"`
		Part        styleSpec `yaml:"part,required"`
		Question    styleSpec `yaml:"question,required"`
		Advice      styleSpec `yaml:"advice,required"`
	} `yaml:"styles,required"`
}

// Report is the checked layout of the risk-analysis report, read from
// layouts/report-a4.yaml: lengths in mm, sizes in points.
type Report struct {
	// Composition is how the text engine sets Japanese in the report.
	Composition text.Composition
	Page

	AfterTitle, SectionGap, HeadingGap, ParagraphGap float64

	CountH, CountGap, CountRule float64 // the boxes of counts per band

	PadX, PadY, TableRule float64
	// Widths of the asset table's columns: asset, business, medium,
	// importance, likelihood, risk, judgement, action.
	Widths [8]float64

	// The risk matrix: the width of the importance column, the height of
	// the likelihood heading (two lines), each cell's height and inner
	// padding, its rules, and up to how many assets a cell names.
	HeatAxisW, HeatAxisH, HeatCellH, HeatPad, HeatRule float64
	HeatMaxNames                                       int

	// Widths of the treatment plan's columns: asset, judgement, risk,
	// treatment; its explanation takes the rest of the body.
	PlanWidths [4]float64

	// The self-diagnosis score: the total's box, each part's label, bar
	// (the rest of the width) and points.
	ScoreBoxW, ScoreLabelW, ScoreValueW, BarH, ScoreGap, ScoreRule float64

	// The to-do list: the question number's and the answer's columns, and
	// the space between questions.
	ToDoNumberW, ToDoAnswerW, ToDoGap float64

	Text, Muted, Rule, HeaderFill layout.Color
	Bands                         []layout.Color // tints of the judgement bands, high to low
	Bar, BarTrack, Attention      layout.Color

	Title, Date, Lead, Heading, Body, Count, Total, TableHeader, Cell, Footer    layout.Style
	HeatAxis, HeatBand, HeatCount, HeatNames, ScoreTotal, Part, Question, Advice layout.Style
}

// ReadReport reads and checks layouts/report-a4.yaml from fsys (shown to
// the user as dir); it must tint every judgement band of scale.
func ReadReport(fsys fs.FS, dir string, scale *model.Scale) (*Report, diag.List) {
	var f reportFile
	c := read(fsys, dir, ReportFile, &f)
	s := &Report{Page: c.page(f.Page.sizeSpec, f.Page.Margin)}
	s.Composition = c.composition(f.Composition)
	g := f.Gaps
	s.AfterTitle, s.SectionGap = c.positive(g.AfterTitle, 50), c.positive(g.Section, 50)
	s.HeadingGap, s.ParagraphGap = c.positive(g.Heading, 50), c.positive(g.Paragraph, 50)
	s.CountH, s.CountGap, s.CountRule = c.positive(f.Counts.Height, 60), c.positive(f.Counts.Gap, 30), c.positive(f.Counts.RuleWidth, 5)
	t := f.Table
	s.PadX, s.PadY, s.TableRule = c.positive(t.PadX, 10), c.positive(t.PadY, 10), c.positive(t.RuleWidth, 5)
	cols := t.Columns
	sum := 0.0
	for i, n := range []yamlpos.Num{cols.Asset, cols.Business, cols.Medium, cols.Importance, cols.Likelihood, cols.Risk, cols.Judgement, cols.Action} {
		s.Widths[i] = c.positive(n, 1000)
		if c.checked(n.Set, n.Loc) && n.V <= 2*s.PadX {
			c.errs.Addf(n.Loc, "列の幅は padding_x の 2 倍（%gmm）より大きくしてください", 2*s.PadX)
		}
		sum += n.V
	}
	if body := s.BodyW(); c.checked(cols.Asset.Set, cols.Asset.Loc) && sum > body+1e-6 {
		c.errs.Addf(cols.Asset.Loc, "列の幅の合計（%gmm）が本文の幅（%gmm）を超えています", sum, body)
	}
	h := f.Heatmap
	s.HeatAxisW, s.HeatAxisH, s.HeatCellH = c.positive(h.AxisWidth, 200), c.positive(h.AxisHeight, 40), c.positive(h.CellHeight, 80)
	s.HeatPad, s.HeatRule, s.HeatMaxNames = c.positive(h.Padding, 10), c.positive(h.RuleWidth, 5), c.count(h.Names, 0, 20)
	if body := s.BodyW(); c.checked(h.AxisWidth.Set, h.AxisWidth.Loc) && body-h.AxisWidth.V < 3*20 {
		c.errs.Addf(h.AxisWidth.Loc, "マスの幅が 20mm 未満になります。axis_width を本文の幅（%gmm）から 60mm 以上残る値にしてください", body)
	}
	pc := f.Plan.Columns
	sum = 0
	for i, n := range []yamlpos.Num{pc.Asset, pc.Judgement, pc.Risk, pc.Treatment} {
		s.PlanWidths[i] = c.positive(n, 1000)
		sum += n.V
	}
	if body := s.BodyW(); c.checked(pc.Asset.Set, pc.Asset.Loc) && sum > body-40+1e-6 {
		c.errs.Addf(pc.Asset.Loc, "列の幅の合計（%gmm）が大きすぎます。対応の説明の列に 40mm 以上残るよう、合計を %gmm 以下にしてください", sum, body-40)
	}
	sc := f.Score
	s.ScoreBoxW, s.ScoreLabelW, s.ScoreValueW = c.positive(sc.BoxWidth, 200), c.positive(sc.LabelWidth, 200), c.positive(sc.ValueWidth, 200)
	s.BarH, s.ScoreGap, s.ScoreRule = c.positive(sc.BarHeight, 30), c.positive(sc.RowGap, 30), c.positive(sc.RuleWidth, 5)
	if body := s.BodyW(); c.checked(sc.BoxWidth.Set, sc.BoxWidth.Loc) && sc.BoxWidth.V+sc.LabelWidth.V+sc.ValueWidth.V > body-30+1e-6 {
		c.errs.Addf(sc.BoxWidth.Loc, "箱・部の名前・点数の幅の合計（%gmm）が大きすぎます。棒に 30mm 以上残るよう、合計を %gmm 以下にしてください",
			sc.BoxWidth.V+sc.LabelWidth.V+sc.ValueWidth.V, body-30)
	}
	td := f.ToDo
	s.ToDoNumberW, s.ToDoAnswerW, s.ToDoGap = c.positive(td.NumberWidth, 50), c.positive(td.AnswerWidth, 80), c.positive(td.ItemGap, 30)
	cl := f.Colors
	s.Text, s.Muted = c.color(cl.Text, layout.Color{}), c.color(cl.Muted, layout.Color{})
	s.Rule, s.HeaderFill = c.color(cl.Rule, layout.Color{}), c.color(cl.HeaderFill, layout.Color{})
	var at diag.Loc
	for i, b := range cl.Bands {
		s.Bands = append(s.Bands, c.color(b, layout.Color{}))
		if i == 0 {
			at = b.Loc
		}
	}
	c.bands(len(s.Bands), at, "colors.bands", scale)
	s.Bar, s.BarTrack, s.Attention = c.color(cl.Bar, layout.Color{}), c.color(cl.BarTrack, layout.Color{}), c.color(cl.Attention, layout.Color{})
	st := f.Styles
	for _, x := range []struct {
		dst   *layout.Style
		src   styleSpec
		small bool
	}{
		{&s.Title, st.Title, false}, {&s.Date, st.Date, false}, {&s.Lead, st.Lead, false},
		{&s.Heading, st.Heading, false}, {&s.Body, st.Body, false}, {&s.Count, st.Count, false},
		{&s.Total, st.Total, false}, {&s.TableHeader, st.TableHeader, false}, {&s.Cell, st.Cell, false},
		{&s.Footer, st.Footer, true},
		{&s.HeatAxis, st.HeatAxis, false}, {&s.HeatBand, st.HeatBand, false}, {&s.HeatCount, st.HeatCount, false},
		{&s.HeatNames, st.HeatNames, true}, {&s.ScoreTotal, st.ScoreTotal, false}, {&s.Part, st.Part, false},
		{&s.Question, st.Question, false}, {&s.Advice, st.Advice, false},
	} {
		*x.dst = c.style(x.src, s.Text)
		if !x.small && c.checked(x.src.Size.Set, x.src.Size.Loc) && x.dst.Smallest() < minBodyPt {
			c.errs.Addf(smallest(x.src), "本文の文字は %gpt 以上にしてください", minBodyPt)
		}
	}
	return result(c, s)
}

// bands checks that a layout colours every judgement band of the scale in
// use: n colours, the first written at first, under the key field. No
// colours at all is the decoder's to report (the key is required).
func (c *checker) bands(n int, first diag.Loc, field string, scale *model.Scale) {
	if scale == nil || n == 0 || n >= len(scale.Bands) {
		return
	}
	loc := first
	loc.Field = field
	var labels []string
	for _, b := range scale.Bands {
		labels = append(labels, b.Label.S)
	}
	c.errs.Addf(loc, "判定の色が %d 個しかありません。尺度「%s」の判定 %d 個（%s）に、高い順に色を書いてください",
		n, scale.ID, len(scale.Bands), strings.Join(labels, "・"))
}
