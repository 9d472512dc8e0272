package spec

import (
	"io/fs"
	"strings"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/model"
	"sodan/internal/yamlpos"
)

// reportFile is layouts/report-a4.yaml as written.
type reportFile struct {
	Page pageSpec `yaml:"page,required"`
	Gaps struct {
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
	Colors struct {
		Text       yamlpos.Str   `yaml:"text,required"`
		Muted      yamlpos.Str   `yaml:"muted,required"`
		Rule       yamlpos.Str   `yaml:"rule,required"`
		HeaderFill yamlpos.Str   `yaml:"header_fill,required"`
		Bands      []yamlpos.Str `yaml:"bands,required"`
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
	} `yaml:"styles,required"`
}

// Report is the checked layout of the risk-analysis report, read from
// layouts/report-a4.yaml: lengths in mm, sizes in points.
type Report struct {
	Page

	AfterTitle, SectionGap, HeadingGap, ParagraphGap float64

	CountH, CountGap, CountRule float64 // the boxes of counts per band

	PadX, PadY, TableRule float64
	// Widths of the asset table's columns: asset, business, medium,
	// importance, likelihood, risk, judgement, action.
	Widths [8]float64

	Text, Muted, Rule, HeaderFill layout.Color
	Bands                         []layout.Color // tints of the judgement bands, high to low

	Title, Date, Lead, Heading, Body, Count, Total, TableHeader, Cell, Footer layout.Style
}

// ReadReport reads and checks layouts/report-a4.yaml from fsys (shown to
// the user as dir); it must tint every judgement band of scale.
func ReadReport(fsys fs.FS, dir string, scale *model.Scale) (*Report, diag.List) {
	var f reportFile
	c := read(fsys, dir, ReportFile, &f)
	s := &Report{Page: c.page(sizeSpec{f.Page.Width, f.Page.Height}, f.Page.Margin)}
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
