package spec

import (
	"io/fs"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/yamlpos"
)

// EventFile is the layout of what a seminar's kit adds to the other
// outputs (sodan build -event).
const EventFile = "event-a4.yaml"

// Limits of the seminar kit's layout besides those of the outputs it adds
// to.
const (
	// minSmallPt is the smallest size of the quick list's seminar box,
	// small print like the quick list's footer.
	minSmallPt = 7.0
	// minSheetPt is the smallest size of any text of the programme sheet
	// (式次第), as of the quick list's body.
	minSheetPt = minBodyPt
)

// eventFile is layouts/event-a4.yaml as written.
type eventFile struct {
	pageHead `yaml:",inline"`
	Colors   struct {
		Text   yamlpos.Str `yaml:"text,required"`
		Muted  yamlpos.Str `yaml:"muted,required"`
		Accent yamlpos.Str `yaml:"accent,required"`
		Rule   yamlpos.Str `yaml:"rule,required"`
		Panel  yamlpos.Str `yaml:"panel,required"`
	} `yaml:"colors,required"`
	Handouts  []yamlpos.Str `yaml:"handouts,required"`
	Programme struct {
		Label      styleSpec   `yaml:"label,required"`
		Title      styleSpec   `yaml:"title,required"`
		InfoLabel  styleSpec   `yaml:"info_label,required"`
		Info       styleSpec   `yaml:"info,required"`
		Heading    styleSpec   `yaml:"heading,required"`
		Time       styleSpec   `yaml:"time,required"`
		Item       styleSpec   `yaml:"item,required"`
		ItemNote   styleSpec   `yaml:"item_note,required"`
		Text       styleSpec   `yaml:"text,required"`
		Phone      styleSpec   `yaml:"phone,required"`
		RuleWidth  yamlpos.Num `yaml:"rule_width,required"`
		TitleGap   yamlpos.Num `yaml:"title_gap,required"`
		LabelWidth yamlpos.Num `yaml:"info_label_width,required"`
		TimeWidth  yamlpos.Num `yaml:"time_width,required"`
		RowPadding yamlpos.Num `yaml:"row_padding,required"`
		RowRule    yamlpos.Num `yaml:"row_rule,required"`
		Gap        yamlpos.Num `yaml:"gap,required"`
		BoxPadding yamlpos.Num `yaml:"box_padding,required"`
		BoxGap     yamlpos.Num `yaml:"box_gap,required"`
		QRSize     yamlpos.Num `yaml:"qr_size,required"`
	} `yaml:"programme,required"`
	Slides struct {
		EventTitle  styleSpec   `yaml:"event_title,required"`
		EventDetail styleSpec   `yaml:"event_detail,required"`
		EventGap    yamlpos.Num `yaml:"event_gap,required"`
		ClosingText styleSpec   `yaml:"closing_text,required"`
		ClosingURL  styleSpec   `yaml:"closing_url,required"`
		QRSize      yamlpos.Num `yaml:"qr_size,required"`
		Gap         yamlpos.Num `yaml:"gap,required"`
	} `yaml:"slides,required"`
	Handout struct {
		Event styleSpec   `yaml:"event,required"`
		Gap   yamlpos.Num `yaml:"gap,required"`
	} `yaml:"handout,required"`
	QuickList struct {
		Width      yamlpos.Num `yaml:"width,required"`
		Gap        yamlpos.Num `yaml:"gap,required"`
		PadX       yamlpos.Num `yaml:"padding_x,required"`
		PadY       yamlpos.Num `yaml:"padding_y,required"`
		RuleWidth  yamlpos.Num `yaml:"rule_width,required"`
		Radius     yamlpos.Num `yaml:"radius,required"`
		LabelWidth yamlpos.Num `yaml:"label_width,required"`
		Label      styleSpec   `yaml:"label,required"`
		Text       styleSpec   `yaml:"text,required"`
		Phone      styleSpec   `yaml:"phone,required"`
	} `yaml:"quicklist,required"`
}

// Event is the checked layout of a seminar's kit, read from
// layouts/event-a4.yaml: the programme sheet (式次第, an A4 page that is
// also the cover of the handouts), the seminar's lines on the decks' title
// slides, the closing slide, the seminar's line in the handouts' headers
// and the box on the quick list.
type Event struct {
	Page
	// Composition is how the text engine sets Japanese on the programme
	// sheet (the slides, handouts and quick list keep their own).
	Composition                      text.Composition
	Text, Muted, Accent, Rule, Panel layout.Color
	// Handouts are the N-up variants (nup-a4.yaml) of which one handout
	// each is made, with where they are written.
	Handouts  []yamlpos.Str
	Programme struct {
		Label, Title, InfoLabel, Info, Heading, Time, Item, ItemNote, Text, Phone layout.Style

		RuleWidth, TitleGap float64
		// LabelW is the column of the labels (日時, 会場, …), TimeW that
		// of the times; RowPadding and RowRule space and divide the rows
		// of the running order.
		LabelW, TimeW, RowPadding, RowRule float64
		Gap, BoxPadding, BoxGap, QRSize    float64
	}
	Slides struct {
		// EventTitle and EventDetail set the seminar on a title slide;
		// ClosingText and ClosingURL the closing slide's survey.
		EventTitle, EventDetail, ClosingText, ClosingURL layout.Style
		EventGap, QRSize, Gap                            float64
	}
	Handout struct {
		Event layout.Style
		Gap   float64
	}
	QuickList struct {
		Width, Gap, PadX, PadY, RuleWidth, Radius, LabelW float64
		Label, Text, Phone                                layout.Style
	}
}

// ReadEvent reads and checks layouts/event-a4.yaml from fsys (shown to
// the user as dir). The slides and handouts it adds to are checked
// already: the seminar's slide texts keep their projection floors, and the
// handouts' headers, one line taller, must stay above every variant's
// slides.
func ReadEvent(fsys fs.FS, dir string, sl *Slides, nu *NUp) (*Event, diag.List) {
	var f eventFile
	c := read(fsys, dir, EventFile, &f)
	s := &Event{}
	s.Page, s.Composition = c.head(f.pageHead)
	cs := f.Colors
	s.Text, s.Muted, s.Accent = c.color(cs.Text, layout.Color{}), c.color(cs.Muted, layout.Color{}), c.color(cs.Accent, layout.Color{})
	s.Rule, s.Panel = c.color(cs.Rule, layout.Color{}), c.color(cs.Panel, layout.Color{})

	ids := nu.VariantIDs()
	for _, h := range f.Handouts {
		if c.checked(true, h.Loc) && !ids[h.V] {
			c.errs.Addf(h.Loc, "配布資料の形「%s」は %s の variants にありません", h.V, NUpFile)
		}
	}
	s.Handouts = f.Handouts

	p, sp := f.Programme, &s.Programme
	for _, x := range []struct {
		dst *layout.Style
		src styleSpec
		def layout.Color
	}{
		{&sp.Label, p.Label, s.Accent}, {&sp.Title, p.Title, s.Accent}, {&sp.InfoLabel, p.InfoLabel, s.Accent},
		{&sp.Info, p.Info, s.Text}, {&sp.Heading, p.Heading, s.Accent}, {&sp.Time, p.Time, s.Text},
		{&sp.Item, p.Item, s.Text}, {&sp.ItemNote, p.ItemNote, s.Muted}, {&sp.Text, p.Text, s.Text}, {&sp.Phone, p.Phone, s.Accent},
	} {
		*x.dst = c.style(x.src, x.def)
		c.atLeast(x.src, *x.dst, minSheetPt, "式次第の文字")
	}
	c.phone(p.Phone, sp.Phone)
	bodyW := s.BodyW()
	sp.RuleWidth, sp.TitleGap = c.positive(p.RuleWidth, 5), c.length(p.TitleGap, 50)
	sp.LabelW, sp.TimeW = c.positive(p.LabelWidth, bodyW/3), c.positive(p.TimeWidth, bodyW/3)
	sp.RowPadding, sp.RowRule, sp.Gap = c.length(p.RowPadding, 20), c.positive(p.RowRule, 3), c.length(p.Gap, 50)
	sp.BoxPadding, sp.BoxGap, sp.QRSize = c.length(p.BoxPadding, 20), c.length(p.BoxGap, 50), c.positive(p.QRSize, bodyW/2)
	if c.checked(p.QRSize.Set, p.QRSize.Loc) && sp.QRSize < minQRmm {
		c.errs.Addf(p.QRSize.Loc, "QR コードは %gmm 以上にしてください（スマホのカメラで読み取れる大きさ）", minQRmm)
	}

	sl2, ss := f.Slides, &s.Slides
	for _, x := range []struct {
		dst *layout.Style
		src styleSpec
		def layout.Color
	}{
		{&ss.EventTitle, sl2.EventTitle, sl.Colors.Text}, {&ss.EventDetail, sl2.EventDetail, sl.Colors.Text},
		{&ss.ClosingText, sl2.ClosingText, sl.Colors.Text}, {&ss.ClosingURL, sl2.ClosingURL, sl.Colors.Accent},
	} {
		*x.dst = c.style(x.src, x.def)
		c.keepFloor(x.src, *x.dst, floorOf{"body", sl.Floors.Body})
	}
	ss.EventGap, ss.Gap = c.length(sl2.EventGap, 30), c.length(sl2.Gap, 60)
	ss.QRSize = c.positive(sl2.QRSize, sl.H/2)

	h := f.Handout
	s.Handout.Event, s.Handout.Gap = c.style(h.Event, nu.Muted), c.length(h.Gap, 10)
	if c.checked(h.Event.Size.Set, h.Event.Size.Loc) {
		// The header: the seminar's line, the deck's title, the gap and
		// the rule, above the first row of slides.
		head := s.Handout.Event.LineHeight(s.Handout.Event.Size) + s.Handout.Gap +
			nu.Header.LineHeight(nu.Header.Size) + nu.HeaderGap + nu.HeaderRule
		for _, v := range nu.Variants {
			if nu.Top+head > v.Top-1 {
				c.errs.Addf(h.Event.At, "配布資料「%s」では、見出しにセミナー名の行を足すとスライドと重なります（見出しの高さ %.1fmm、スライドの上まで %.1fmm）。文字を小さくしてください",
					v.ID, head, v.Top-1-nu.Top)
			}
		}
	}

	q, sq := f.QuickList, &s.QuickList
	sq.Width, sq.Gap = c.positive(q.Width, 150), c.length(q.Gap, 20)
	sq.PadX, sq.PadY = c.length(q.PadX, 10), c.length(q.PadY, 10)
	sq.RuleWidth, sq.Radius, sq.LabelW = c.positive(q.RuleWidth, 3), c.length(q.Radius, 10), c.positive(q.LabelWidth, 50)
	for _, x := range []struct {
		dst *layout.Style
		src styleSpec
		def layout.Color
	}{{&sq.Label, q.Label, s.Accent}, {&sq.Text, q.Text, s.Text}, {&sq.Phone, q.Phone, s.Text}} {
		*x.dst = c.style(x.src, x.def)
		c.atLeast(x.src, *x.dst, minSmallPt, "クイックリストの枠の文字")
	}
	c.phone(q.Phone, sq.Phone)
	if c.checked(q.LabelWidth.Set, q.LabelWidth.Loc) && c.checked(q.Width.Set, q.Width.Loc) && sq.LabelW+2*sq.PadX > sq.Width/2 {
		c.errs.Addf(q.LabelWidth.Loc, "label_width が枠の幅（%gmm）の半分を超えています", sq.Width)
	}
	return result(c, s)
}

// atLeast reports a style whose smallest size is under least points; what
// names the text in the message.
func (c *checker) atLeast(src styleSpec, st layout.Style, least float64, what string) {
	if src.Size.Set && c.checked(true, smallest(src)) && st.Smallest() < least {
		c.errs.Addf(smallest(src), "%sは %gpt 以上にしてください（縮めたときの min_size も含む）", what, least)
	}
}

// phone reports a phone number's style that is under MinPhonePt or not
// bold.
func (c *checker) phone(src styleSpec, st layout.Style) {
	if !src.Size.Set {
		return
	}
	if c.checked(true, smallest(src)) && st.Smallest() < MinPhonePt {
		c.errs.Addf(smallest(src), "電話番号の文字は %gpt 以上にしてください（min_size も含む）", MinPhonePt)
	}
	if !st.Bold {
		c.errs.Addf(src.Size.Loc, "電話番号は太字（bold: true）にしてください")
	}
}
