package layout

import (
	"io/fs"

	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// HandoutFile is the name of the quick-list handout's layout in the layouts
// folder.
const HandoutFile = "handout-a4.yaml"

// Limits that keep the handout legible whatever the layout file says. They
// are checks, not defaults: every value is written in the layout file.
const (
	// MinBodyPt is the smallest size (after shrinking) of any text except
	// the small print (revision history, footer).
	MinBodyPt = 9.0
	// MinPhonePt is the smallest size of a phone number.
	MinPhonePt = 14.0
	// MinQRmm is the smallest side of a QR code, quiet zone included.
	MinQRmm = 20.0
	// MinQRModule is the smallest QR module that office printers and phone
	// cameras handle reliably, in mm.
	MinQRModule = 0.5
)

// handoutRaw is layouts/handout-a4.yaml as written.
type handoutRaw struct {
	Page        PageSpec    `yaml:"page,required"`
	MaxPages    yamlpos.Int `yaml:"max_pages,required"`
	MinLastLine yamlpos.Int `yaml:"min_last_line,required"`
	Grid        struct {
		Columns yamlpos.Int `yaml:"columns,required"`
		Gutter  yamlpos.Num `yaml:"gutter,required"`
	} `yaml:"grid,required"`
	Header struct {
		GapAfter  yamlpos.Num  `yaml:"gap_after,required"`
		RuleWidth yamlpos.Num  `yaml:"rule_width,required"`
		DateBox   yamlpos.Num  `yaml:"date_box_padding,required"`
		DateRule  yamlpos.Num  `yaml:"date_box_rule,required"`
		Subtitle  yamlpos.Bool `yaml:"subtitle,required"`
	} `yaml:"header,required"`
	Running struct {
		GapAfter  yamlpos.Num `yaml:"gap_after,required"`
		RuleWidth yamlpos.Num `yaml:"rule_width,required"`
	} `yaml:"running_header,required"`
	Footer struct {
		GapBefore yamlpos.Num `yaml:"gap_before,required"`
		RuleWidth yamlpos.Num `yaml:"rule_width,required"`
	} `yaml:"footer,required"`
	Emergency struct {
		Padding   yamlpos.Num `yaml:"padding,required"`
		CellGap   yamlpos.Num `yaml:"cell_gap,required"`
		RuleWidth yamlpos.Num `yaml:"rule_width,required"`
		Radius    yamlpos.Num `yaml:"radius,required"`
		GapAfter  yamlpos.Num `yaml:"gap_after,required"`
		NumberGap yamlpos.Num `yaml:"number_gap,required"`
	} `yaml:"emergency,required"`
	Section struct {
		GapBefore  yamlpos.Num `yaml:"gap_before,required"`
		GapAfter   yamlpos.Num `yaml:"gap_after,required"`
		Padding    yamlpos.Num `yaml:"padding,required"`
		LabelGap   yamlpos.Num `yaml:"label_gap,required"`
		LabelPad   yamlpos.Num `yaml:"label_padding,required"`
		LabelRule  yamlpos.Num `yaml:"label_rule,required"`
		RuleWidth  yamlpos.Num `yaml:"rule_width,required"`
		ItemIndent yamlpos.Num `yaml:"item_indent,required"`
		ItemGap    yamlpos.Num `yaml:"item_gap,required"`
		Bullet     yamlpos.Num `yaml:"bullet,required"`
		ArticleGap yamlpos.Num `yaml:"article_gap,required"`
		BoxPadding yamlpos.Num `yaml:"box_padding,required"`
	} `yaml:"section,required"`
	Situation struct {
		GapBefore yamlpos.Num  `yaml:"gap_before,required"`
		BarWidth  yamlpos.Num  `yaml:"bar_width,required"`
		Indent    yamlpos.Num  `yaml:"indent,required"`
		GapAfter  yamlpos.Num  `yaml:"gap_after,required"`
		Symptoms  yamlpos.Bool `yaml:"symptoms,required"`
	} `yaml:"situation,required"`
	Card struct {
		GapBefore  yamlpos.Num  `yaml:"gap_before,required"`
		Frame      yamlpos.Bool `yaml:"frame,required"`
		PadX       yamlpos.Num  `yaml:"padding_x,required"`
		PadY       yamlpos.Num  `yaml:"padding_y,required"`
		RuleWidth  yamlpos.Num  `yaml:"rule_width,required"`
		Radius     yamlpos.Num  `yaml:"radius,required"`
		Badge      yamlpos.Num  `yaml:"badge,required"`
		BadgeGap   yamlpos.Num  `yaml:"badge_gap,required"`
		PhoneGap   yamlpos.Num  `yaml:"phone_gap,required"`
		LineGap    yamlpos.Num  `yaml:"line_gap,required"`
		Purpose    yamlpos.Bool `yaml:"purpose_with_note,required"`
		Beside     yamlpos.Bool `yaml:"purpose_beside_phone,required"`
		Email      yamlpos.Bool `yaml:"email,required"`
		Note       yamlpos.Bool `yaml:"contact_note,required"`
		RepeatFull yamlpos.Bool `yaml:"repeat_in_full,required"`
		Pointer    yamlpos.Bool `yaml:"repeat_pointer,required"`
		Labels     yamlpos.Bool `yaml:"labels,required"`
	} `yaml:"card,required"`
	QR struct {
		Size      yamlpos.Num `yaml:"size,required"`
		MinModule yamlpos.Num `yaml:"min_module,required"`
		Gap       yamlpos.Num `yaml:"gap,required"`
	} `yaml:"qr,required"`
	Colors struct {
		Text          yamlpos.Str `yaml:"text,required"`
		Muted         yamlpos.Str `yaml:"muted,required"`
		Accent        yamlpos.Str `yaml:"accent,required"`
		Rule          yamlpos.Str `yaml:"rule,required"`
		Tint          yamlpos.Str `yaml:"tint,required"`
		Paper         yamlpos.Str `yaml:"paper,required"`
		EmergencyTint yamlpos.Str `yaml:"emergency_tint,required"`
		EmergencyRule yamlpos.Str `yaml:"emergency_rule,required"`
		CardTint      yamlpos.Str `yaml:"card_tint,required"`
	} `yaml:"colors,required"`
	Styles struct {
		Subtitle        StyleSpec `yaml:"subtitle,required"`
		Title           StyleSpec `yaml:"title,required"`
		Edition         StyleSpec `yaml:"edition,required"`
		Purpose         StyleSpec `yaml:"purpose,required"`
		Running         StyleSpec `yaml:"running_header,required"`
		Footer          StyleSpec `yaml:"footer,required"`
		EmergencyLabel  StyleSpec `yaml:"emergency_label,required"`
		EmergencyNumber StyleSpec `yaml:"emergency_number,required"`
		EmergencyDesk   StyleSpec `yaml:"emergency_desk,required"`
		SectionLabel    StyleSpec `yaml:"section_label,required"`
		SectionTitle    StyleSpec `yaml:"section_title,required"`
		Lead            StyleSpec `yaml:"lead,required"`
		Item            StyleSpec `yaml:"item,required"`
		SituationTitle  StyleSpec `yaml:"situation_title,required"`
		Symptoms        StyleSpec `yaml:"symptoms,required"`
		SituationNote   StyleSpec `yaml:"situation_note,required"`
		Badge           StyleSpec `yaml:"badge,required"`
		Desk            StyleSpec `yaml:"desk,required"`
		RefNote         StyleSpec `yaml:"ref_note,required"`
		Phone           StyleSpec `yaml:"phone,required"`
		PhoneLabel      StyleSpec `yaml:"phone_label,required"`
		Body            StyleSpec `yaml:"body,required"`
		URL             StyleSpec `yaml:"url,required"`
		GroupTitle      StyleSpec `yaml:"group_title,required"`
		GokajoNumber    StyleSpec `yaml:"gokajo_number,required"`
		GokajoTitle     StyleSpec `yaml:"gokajo_title,required"`
		History         StyleSpec `yaml:"history,required"`
		Facts           StyleSpec `yaml:"facts,required"`
	} `yaml:"styles,required"`
	Lines struct {
		Section   yamlpos.Int `yaml:"section_title,required"`
		Lead      yamlpos.Int `yaml:"lead,required"`
		Item      yamlpos.Int `yaml:"item,required"`
		Situation yamlpos.Int `yaml:"situation_title,required"`
		Symptoms  yamlpos.Int `yaml:"symptoms,required"`
		Note      yamlpos.Int `yaml:"situation_note,required"`
		Desk      yamlpos.Int `yaml:"desk,required"`
		RefNote   yamlpos.Int `yaml:"ref_note,required"`
		Label     yamlpos.Int `yaml:"phone_label,required"`
		Body      yamlpos.Int `yaml:"body,required"`
		URL       yamlpos.Int `yaml:"url,required"`
		History   yamlpos.Int `yaml:"history,required"`
		Facts     yamlpos.Int `yaml:"facts,required"`
		Emergency yamlpos.Int `yaml:"emergency_desk,required"`
	} `yaml:"lines,required"`
}

// HandoutSpec is the checked layout of the quick-list handout: every length
// in mm, every size in points, every colour and every line limit, all read
// from layouts/handout-a4.yaml.
type HandoutSpec struct {
	PageW, PageH             float64
	Top, Bottom, Left, Right float64 // margins
	MaxPages                 int
	// MinLastLine is the fewest characters the last line of a paragraph
	// should have; a shorter last line is lengthened by setting the
	// paragraph a little narrower, when that takes no more lines.
	MinLastLine int
	Columns     int
	Gutter      float64

	Header    HeaderSpec
	Running   RuleSpec
	Footer    RuleSpec
	Emergency EmergencySpec
	Section   SectionSpec
	Situation SituationSpec
	Card      CardSpec
	QR        QRSpec
	Colors    HandoutColors
	Styles    HandoutStyles
	Lines     HandoutLines
}

// HeaderSpec is the first page's heading.
type HeaderSpec struct {
	GapAfter, RuleWidth, DateBoxPadding, DateBoxRule float64

	Subtitle bool // print the edition's subtitle above the title
}

// RuleSpec is a running header or footer: the gap to the body and the rule
// that separates them.
type RuleSpec struct {
	Gap, RuleWidth float64
}

// EmergencySpec is the strip of emergency numbers.
type EmergencySpec struct {
	Padding, CellGap, RuleWidth, Radius, GapAfter, NumberGap float64
}

// SectionSpec is a CHECK step or a section of the back page: a tinted band
// with a label and a title, a lead and items.
type SectionSpec struct {
	GapBefore, GapAfter, Padding, LabelGap, LabelPadding, RuleWidth, ItemIndent, ItemGap float64

	LabelRule  float64 // rule around the label (CHECK1)
	Bullet     float64 // side of the square bullet of a CHECK item
	ArticleGap float64 // space between the articles of the 5か条
	BoxPadding float64 // space inside the box on where the facts come from
}

// SituationSpec is a situation heading with its contacts.
type SituationSpec struct {
	GapBefore, BarWidth, Indent, GapAfter float64

	Symptoms bool // print the symptoms under the title
}

// CardSpec is one contact desk.
type CardSpec struct {
	GapBefore, RuleWidth, Radius, Badge, BadgeGap, PhoneGap, LineGap float64

	Frame      bool    // frame each card; otherwise a rule above it
	PadX, PadY float64 // space inside the frame (or below the rule)
	// PurposeWithNote prints the desk's purpose also when the situation
	// gives its own note for the desk.
	PurposeWithNote bool
	// PurposeBesidePhone sets the purpose at the right of a phone number
	// that has no label and no hours beside it, when it fits there.
	PurposeBesidePhone bool
	Email              bool // print e-mail addresses
	ContactNote        bool // print the contact's note
	// RepeatInFull prints a desk in full every time; otherwise a desk
	// already printed is repeated without its purpose and QR code, with a
	// pointer to where it is printed in full.
	RepeatInFull bool
	// RepeatPointer adds, to a desk repeated in short, where it is printed
	// in full.
	RepeatPointer bool
	// Labels puts a small label before addresses and hours ("Web",
	// "メール", "受付").
	Labels bool
}

// QRSpec is the size of QR codes for web-only desks.
type QRSpec struct {
	Size, MinModule, Gap float64
}

// HandoutColors are the colours of the handout.
type HandoutColors struct {
	Text, Muted, Accent, Rule, Tint, Paper, EmergencyTint, EmergencyRule, CardTint Color
}

// HandoutStyles are the type styles of the handout.
type HandoutStyles struct {
	Subtitle, Title, Edition, Purpose, Running, Footer    Style
	EmergencyLabel, EmergencyNumber, EmergencyDesk        Style
	SectionLabel, SectionTitle, Lead, Item                Style
	SituationTitle, Symptoms, SituationNote               Style
	Badge, Desk, RefNote, Phone, PhoneLabel, Body, URL    Style
	GroupTitle, GokajoNumber, GokajoTitle, History, Facts Style

	// locs is where each style is written (by its key), so that a problem
	// with text the layout writes itself points into the layout file.
	locs map[string]diag.Loc
}

// HandoutLines are the most lines each kind of text may take before it is
// shrunk (and, at the smallest size, reported).
type HandoutLines struct {
	SectionTitle, Lead, Item, Situation, Symptoms, Note, Desk, RefNote, Label, Body, URL, History, Facts, Emergency int
}

// ReadHandoutSpec reads and checks layouts/handout-a4.yaml from fsys (shown
// to the user as dir). Every problem comes back with its position.
func ReadHandoutSpec(fsys fs.FS, dir string) (HandoutSpec, diag.List) {
	var raw handoutRaw
	errs := ReadSpec(fsys, dir, HandoutFile, &raw)
	// A partly decoded file is checked too, so that one run reports every
	// problem; values that are absent are not checked again.
	var c handoutChecker
	s := c.convert(&raw)
	if errs = append(errs, c.Errs...); len(errs) > 0 {
		return HandoutSpec{}, errs
	}
	return s, nil
}

// handoutChecker converts handoutRaw, adding the handout's own rules to
// SpecChecker's.
type handoutChecker struct {
	SpecChecker
}

func (c *handoutChecker) convert(r *handoutRaw) HandoutSpec {
	var s HandoutSpec
	s.PageW = c.Positive(r.Page.Width, 2000)
	s.PageH = c.Positive(r.Page.Height, 2000)
	m := r.Page.Margin
	s.Top, s.Bottom = c.length(m.Top, s.PageH/3), c.length(m.Bottom, s.PageH/3)
	s.Left, s.Right = c.length(m.Left, s.PageW/3), c.length(m.Right, s.PageW/3)
	s.MaxPages = c.count(r.MaxPages, 1, 100)
	s.MinLastLine = c.count(r.MinLastLine, 1, 10)
	s.Columns = c.count(r.Grid.Columns, 1, 4)
	s.Gutter = c.length(r.Grid.Gutter, 50)

	s.Header = HeaderSpec{c.length(r.Header.GapAfter, 50), c.length(r.Header.RuleWidth, 5), c.length(r.Header.DateBox, 10), c.length(r.Header.DateRule, 5), r.Header.Subtitle.V}
	s.Running = RuleSpec{c.length(r.Running.GapAfter, 50), c.length(r.Running.RuleWidth, 5)}
	s.Footer = RuleSpec{c.length(r.Footer.GapBefore, 50), c.length(r.Footer.RuleWidth, 5)}
	e := r.Emergency
	s.Emergency = EmergencySpec{c.length(e.Padding, 20), c.length(e.CellGap, 20), c.length(e.RuleWidth, 5),
		c.length(e.Radius, 10), c.length(e.GapAfter, 50), c.length(e.NumberGap, 20)}
	se := r.Section
	s.Section = SectionSpec{c.length(se.GapBefore, 50), c.length(se.GapAfter, 50), c.length(se.Padding, 20),
		c.length(se.LabelGap, 20), c.length(se.LabelPad, 10), c.length(se.RuleWidth, 5), c.length(se.ItemIndent, 30), c.length(se.ItemGap, 20),
		c.length(se.LabelRule, 5), c.length(se.Bullet, 5), c.length(se.ArticleGap, 20), c.length(se.BoxPadding, 20)}
	si := r.Situation
	s.Situation = SituationSpec{c.length(si.GapBefore, 50), c.length(si.BarWidth, 10), c.length(si.Indent, 30), c.length(si.GapAfter, 20), si.Symptoms.V}
	cd := r.Card
	s.Card = CardSpec{
		GapBefore: c.length(cd.GapBefore, 50), Frame: cd.Frame.V, PadX: c.length(cd.PadX, 20), PadY: c.length(cd.PadY, 20),
		RuleWidth: c.length(cd.RuleWidth, 5), Radius: c.length(cd.Radius, 10), Badge: c.length(cd.Badge, 20),
		BadgeGap: c.length(cd.BadgeGap, 20), PhoneGap: c.length(cd.PhoneGap, 30), LineGap: c.length(cd.LineGap, 10),
		PurposeWithNote: cd.Purpose.V, PurposeBesidePhone: cd.Beside.V, Email: cd.Email.V, ContactNote: cd.Note.V,
		RepeatInFull: cd.RepeatFull.V, RepeatPointer: cd.Pointer.V, Labels: cd.Labels.V,
	}
	s.QR = QRSpec{c.length(r.QR.Size, 100), c.length(r.QR.MinModule, 5), c.length(r.QR.Gap, 20)}
	if r.QR.Size.Set && r.QR.Size.V < MinQRmm {
		c.Errs.Addf(r.QR.Size.Loc, "QR コードは %gmm 以上にしてください（スマホのカメラで読み取れる大きさ）", MinQRmm)
	}
	if r.QR.MinModule.Set && r.QR.MinModule.V < MinQRModule {
		c.Errs.Addf(r.QR.MinModule.Loc, "QR コードの 1 マスは %gmm 以上にしてください（事務所のプリンタで潰れない大きさ）", MinQRModule)
	}

	cl := r.Colors
	s.Colors = HandoutColors{c.color(cl.Text), c.color(cl.Muted), c.color(cl.Accent), c.color(cl.Rule), c.color(cl.Tint),
		c.color(cl.Paper), c.color(cl.EmergencyTint), c.color(cl.EmergencyRule), c.color(cl.CardTint)}

	st := r.Styles
	s.Styles.locs = map[string]diag.Loc{}
	ss := &s.Styles
	for _, x := range []struct {
		key   string
		dst   *Style
		spec  StyleSpec
		small bool // small print: may be under MinBodyPt
	}{
		{"subtitle", &ss.Subtitle, st.Subtitle, false}, {"title", &ss.Title, st.Title, false},
		{"edition", &ss.Edition, st.Edition, false}, {"purpose", &ss.Purpose, st.Purpose, false},
		{"running_header", &ss.Running, st.Running, true}, {"footer", &ss.Footer, st.Footer, true},
		{"emergency_label", &ss.EmergencyLabel, st.EmergencyLabel, false},
		{"emergency_number", &ss.EmergencyNumber, st.EmergencyNumber, false},
		{"emergency_desk", &ss.EmergencyDesk, st.EmergencyDesk, false},
		{"section_label", &ss.SectionLabel, st.SectionLabel, false},
		{"section_title", &ss.SectionTitle, st.SectionTitle, false}, {"lead", &ss.Lead, st.Lead, false},
		{"item", &ss.Item, st.Item, false}, {"situation_title", &ss.SituationTitle, st.SituationTitle, false},
		{"symptoms", &ss.Symptoms, st.Symptoms, false}, {"situation_note", &ss.SituationNote, st.SituationNote, false},
		{"badge", &ss.Badge, st.Badge, false}, {"desk", &ss.Desk, st.Desk, false},
		{"ref_note", &ss.RefNote, st.RefNote, false}, {"phone", &ss.Phone, st.Phone, false},
		{"phone_label", &ss.PhoneLabel, st.PhoneLabel, false}, {"body", &ss.Body, st.Body, false},
		{"url", &ss.URL, st.URL, false}, {"group_title", &ss.GroupTitle, st.GroupTitle, false},
		{"gokajo_number", &ss.GokajoNumber, st.GokajoNumber, false},
		{"gokajo_title", &ss.GokajoTitle, st.GokajoTitle, false},
		{"history", &ss.History, st.History, true}, {"facts", &ss.Facts, st.Facts, false},
	} {
		*x.dst = c.style(x.spec, x.small)
		ss.locs[x.key] = x.spec.Size.Loc
	}
	if st.Phone.Size.Set && hoSmallest(s.Styles.Phone) < MinPhonePt {
		c.Errs.Addf(st.Phone.Size.Loc, "電話番号の文字は %gpt 以上にしてください（min_size も含む）", MinPhonePt)
	}
	if st.Phone.Size.Set && !s.Styles.Phone.Bold {
		c.Errs.Addf(st.Phone.Size.Loc, "電話番号は太字（bold: true）にしてください")
	}

	l := r.Lines
	s.Lines = HandoutLines{c.lines(l.Section), c.lines(l.Lead), c.lines(l.Item), c.lines(l.Situation), c.lines(l.Symptoms),
		c.lines(l.Note), c.lines(l.Desk), c.lines(l.RefNote), c.lines(l.Label), c.lines(l.Body), c.lines(l.URL),
		c.lines(l.History), c.lines(l.Facts), c.lines(l.Emergency)}

	if r.Page.Width.Set && r.Grid.Gutter.Set && s.Left+s.Right+float64(s.Columns-1)*s.Gutter >= s.PageW-20 {
		c.Errs.Addf(r.Grid.Gutter.Loc, "余白と段の間が広すぎて、本文の段の幅がほとんどありません")
	}
	return s
}

// hoSmallest is the size a style may shrink to.
func hoSmallest(st Style) float64 {
	if st.MinSize > 0 && st.MinSize < st.Size {
		return st.MinSize
	}
	return st.Size
}

// style converts a text style, requiring an explicit leading and colour
// and, unless small, a size (after shrinking) of at least MinBodyPt.
func (c *handoutChecker) style(s StyleSpec, small bool) Style {
	st := c.Style(s)
	if !s.Size.Set {
		return st // reported by the decoder
	}
	if !s.Leading.Set {
		c.Errs.Addf(s.Size.Loc, "leading（行の高さ÷文字の大きさ）を書いてください")
	}
	if s.Color.IsZero() {
		c.Errs.Addf(s.Size.Loc, "color を書いてください（例: \"#1A1A1A\"）")
	}
	if !small && hoSmallest(st) < MinBodyPt {
		loc := s.Size.Loc
		if s.MinSize.Set {
			loc = s.MinSize.Loc
		}
		c.Errs.Addf(loc, "本文の文字は %gpt 以上にしてください（縮めたときの min_size も含む）", MinBodyPt)
	}
	return st
}

func (c *handoutChecker) color(s yamlpos.Str) Color { return c.Color(s, Color{}) }

// length checks a length in mm from 0 to max.
func (c *handoutChecker) length(n yamlpos.Num, max float64) float64 {
	if n.Set && (n.V < 0 || n.V > max) {
		c.Errs.Addf(n.Loc, "0 以上 %g 以下の値にしてください（単位は mm）", max)
	}
	return n.V
}

// count checks an integer between lo and hi.
func (c *handoutChecker) count(n yamlpos.Int, lo, hi int) int {
	if n.Set && (n.V < lo || n.V > hi) {
		c.Errs.Addf(n.Loc, "%d 以上 %d 以下の整数にしてください", lo, hi)
	}
	return n.V
}

// lines checks a line limit.
func (c *handoutChecker) lines(n yamlpos.Int) int { return c.count(n, 1, 40) }

// loc returns where the style key is written in the layout file, so that
// a problem with text the layout writes itself points there.
func (s *HandoutStyles) loc(key string) diag.Loc { return s.locs[key] }
