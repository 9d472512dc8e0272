package layout

import (
	"io/fs"

	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// ReportFile is the name of the risk-analysis report's layout in the
// layouts folder.
const ReportFile = "report-a4.yaml"

// reportRaw is layouts/report-a4.yaml as written.
type reportRaw struct {
	Page PageSpec `yaml:"page,required"`
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
		Title       StyleSpec `yaml:"title,required"`
		Date        StyleSpec `yaml:"date,required"`
		Lead        StyleSpec `yaml:"lead,required"`
		Heading     StyleSpec `yaml:"heading,required"`
		Body        StyleSpec `yaml:"body,required"`
		Count       StyleSpec `yaml:"count,required"`
		Total       StyleSpec `yaml:"total,required"`
		TableHeader StyleSpec `yaml:"table_header,required"`
		Cell        StyleSpec `yaml:"cell,required"`
		Footer      StyleSpec `yaml:"footer,required"`
	} `yaml:"styles,required"`
}

// ReportSpec is the checked layout of the risk-analysis report, read from
// layouts/report-a4.yaml: lengths in mm, sizes in points.
type ReportSpec struct {
	PageW, PageH             float64
	Top, Bottom, Left, Right float64 // margins

	AfterTitle, SectionGap, HeadingGap, ParagraphGap float64

	CountH, CountGap, CountRule float64 // the boxes of counts per band

	PadX, PadY, TableRule float64
	// Widths of the asset table's columns: asset, business, medium,
	// importance, likelihood, risk, judgement, action.
	Widths [8]float64

	Text, Muted, Rule, HeaderFill Color
	Bands                         []Color // tints of the judgement bands, high to low
	BandsLoc                      diag.Loc

	Title, Date, Lead, Heading, Body, Count, Total, TableHeader, Cell, Footer Style
}

// ReadReportSpec reads and checks layouts/report-a4.yaml from fsys (shown
// to the user as dir). Every problem comes back with its position.
func ReadReportSpec(fsys fs.FS, dir string) (ReportSpec, diag.List) {
	var raw reportRaw
	errs := ReadSpec(fsys, dir, ReportFile, &raw)
	var c SpecChecker
	s := reportConvert(&c, &raw)
	if errs = append(errs, c.Errs...); len(errs) > 0 {
		return ReportSpec{}, errs
	}
	return s, nil
}

func reportConvert(c *SpecChecker, r *reportRaw) ReportSpec {
	var s ReportSpec
	s.PageW = c.Positive(r.Page.Width, 2000)
	s.PageH = c.Positive(r.Page.Height, 2000)
	m := c.Margins(r.Page.Margin, s.PageW, s.PageH)
	s.Top, s.Bottom, s.Left, s.Right = m.Top, m.Bottom, m.Left, m.Right
	g := r.Gaps
	s.AfterTitle, s.SectionGap = c.Positive(g.AfterTitle, 50), c.Positive(g.Section, 50)
	s.HeadingGap, s.ParagraphGap = c.Positive(g.Heading, 50), c.Positive(g.Paragraph, 50)
	s.CountH, s.CountGap, s.CountRule = c.Positive(r.Counts.Height, 60), c.Positive(r.Counts.Gap, 30), c.Positive(r.Counts.RuleWidth, 5)
	t := r.Table
	s.PadX, s.PadY, s.TableRule = c.Positive(t.PadX, 10), c.Positive(t.PadY, 10), c.Positive(t.RuleWidth, 5)
	cols := t.Columns
	sum := 0.0
	for i, n := range []yamlpos.Num{cols.Asset, cols.Business, cols.Medium, cols.Importance, cols.Likelihood, cols.Risk, cols.Judgement, cols.Action} {
		s.Widths[i] = c.Positive(n, 1000)
		if n.Set && n.V <= 2*s.PadX {
			c.Errs.Addf(n.Loc, "列の幅は padding_x の 2 倍（%gmm）より大きくしてください", 2*s.PadX)
		}
		sum += n.V
	}
	if body := s.PageW - s.Left - s.Right; r.Page.Width.Set && sum > body+1e-6 {
		c.Errs.Addf(cols.Asset.Loc, "列の幅の合計（%gmm）が本文の幅（%gmm）を超えています", sum, body)
	}
	cl := r.Colors
	s.Text, s.Muted = c.Color(cl.Text, Color{}), c.Color(cl.Muted, Color{})
	s.Rule, s.HeaderFill = c.Color(cl.Rule, Color{}), c.Color(cl.HeaderFill, Color{})
	for _, b := range cl.Bands {
		s.Bands = append(s.Bands, c.Color(b, Color{}))
		if s.BandsLoc.File == "" {
			s.BandsLoc = b.Loc
		}
	}
	st := r.Styles
	for _, x := range []struct {
		dst   *Style
		spec  StyleSpec
		small bool
	}{
		{&s.Title, st.Title, false}, {&s.Date, st.Date, false}, {&s.Lead, st.Lead, false},
		{&s.Heading, st.Heading, false}, {&s.Body, st.Body, false}, {&s.Count, st.Count, false},
		{&s.Total, st.Total, false}, {&s.TableHeader, st.TableHeader, false}, {&s.Cell, st.Cell, false},
		{&s.Footer, st.Footer, true},
	} {
		*x.dst = c.Style(x.spec)
		if !x.small && x.spec.Size.Set && x.dst.Size < MinBodyPt {
			c.Errs.Addf(x.spec.Size.Loc, "本文の文字は %gpt 以上にしてください", MinBodyPt)
		}
		if x.dst.Color == (Color{}) {
			x.dst.Color = s.Text
		}
	}
	return s
}
