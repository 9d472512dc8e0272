package spec

import (
	"io/fs"

	"sodan/internal/diag"
	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/yamlpos"
)

// Limits that keep the quick list legible whatever its layout file says.
// They are checks, not defaults: every value is written in the file.
const (
	// minBodyPt is the smallest size (after shrinking) of any text except
	// the small print (revision history, footer).
	minBodyPt = 9.0
	// MinPhonePt is the smallest size of a phone number.
	MinPhonePt = 14.0
	// minQRmm is the smallest side of a QR code, quiet zone included.
	minQRmm = 20.0
)

// quickListFile is layouts/quicklist-a4.yaml as written.
type quickListFile struct {
	Page        pageSpec        `yaml:"page,required"`
	MaxPages    yamlpos.Int     `yaml:"max_pages,required"`
	Composition compositionSpec `yaml:"composition,required"`
	Grid        struct {
		Cols   yamlpos.Int `yaml:"columns,required"`
		Gutter yamlpos.Num `yaml:"gutter,required"`
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
		Subtitle        styleSpec `yaml:"subtitle,required"`
		Title           styleSpec `yaml:"title,required"`
		Edition         styleSpec `yaml:"edition,required"`
		Purpose         styleSpec `yaml:"purpose,required"`
		Running         styleSpec `yaml:"running_header,required"`
		Footer          styleSpec `yaml:"footer,required"`
		EmergencyLabel  styleSpec `yaml:"emergency_label,required"`
		EmergencyNumber styleSpec `yaml:"emergency_number,required"`
		EmergencyDesk   styleSpec `yaml:"emergency_desk,required"`
		SectionLabel    styleSpec `yaml:"section_label,required"`
		SectionTitle    styleSpec `yaml:"section_title,required"`
		Lead            styleSpec `yaml:"lead,required"`
		Item            styleSpec `yaml:"item,required"`
		SituationTitle  styleSpec `yaml:"situation_title,required"`
		Symptoms        styleSpec `yaml:"symptoms,required"`
		SituationNote   styleSpec `yaml:"situation_note,required"`
		Badge           styleSpec `yaml:"badge,required"`
		Desk            styleSpec `yaml:"desk,required"`
		RefNote         styleSpec `yaml:"ref_note,required"`
		Phone           styleSpec `yaml:"phone,required"`
		PhoneLabel      styleSpec `yaml:"phone_label,required"`
		Body            styleSpec `yaml:"body,required"`
		URL             styleSpec `yaml:"url,required"`
		GroupTitle      styleSpec `yaml:"group_title,required"`
		GokajoNumber    styleSpec `yaml:"gokajo_number,required"`
		GokajoTitle     styleSpec `yaml:"gokajo_title,required"`
		History         styleSpec `yaml:"history,required"`
		Facts           styleSpec `yaml:"facts,required"`
		Uncertain       styleSpec `yaml:"uncertain,required"`
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

// QuickList is the checked layout of the 相談・届出先クイックリスト: every
// length in mm, every size in points, every colour and every line limit,
// all read from layouts/quicklist-a4.yaml.
type QuickList struct {
	Page
	MaxPages int
	// Composition is how the text engine sets Japanese in this output.
	Composition text.Composition
	Cols        int     // grid columns the content flows through
	Gutter      float64 // between the grid columns

	Header struct {
		GapAfter, RuleWidth, DateBoxPadding, DateBoxRule float64
		Subtitle                                         bool // print the edition's subtitle above the title
	}
	// Running is the running header from page 2, Footer the footer: the
	// gap to the body and the rule that separates them.
	Running, Footer struct{ Gap, RuleWidth float64 }
	Emergency       struct {
		Padding, CellGap, RuleWidth, Radius, GapAfter, NumberGap float64
	}
	// Section is a CHECK step or a section of the back page: a tinted band
	// with a label and a title, a lead and items.
	Section struct {
		GapBefore, GapAfter, Padding, LabelGap, LabelPadding, RuleWidth, ItemIndent, ItemGap float64

		LabelRule  float64 // rule around the label (CHECK1)
		Bullet     float64 // side of the square bullet of a CHECK item
		ArticleGap float64 // space between the articles of the 5か条
		BoxPadding float64 // space inside the box on where the facts come from
	}
	// Situation is a situation heading with its desks.
	Situation struct {
		GapBefore, BarWidth, Indent, GapAfter float64
		Symptoms                              bool // print the symptoms under the title
	}
	Card struct {
		GapBefore, RuleWidth, Radius, Badge, BadgeGap, PhoneGap, LineGap float64

		Frame      bool    // frame each card; otherwise a rule above it
		PadX, PadY float64 // space inside the frame (or below the rule)
		// PurposeWithNote prints the desk's purpose also when the
		// situation gives its own note for the desk.
		PurposeWithNote bool
		// PurposeBesidePhone sets the purpose at the right of a phone
		// number that has no label and no hours beside it, when it fits.
		PurposeBesidePhone bool
		Email              bool // print e-mail addresses
		ContactNote        bool // print the contact's note
		// RepeatInFull prints a desk in full every time; otherwise a desk
		// already printed is repeated without its purpose and QR code.
		RepeatInFull bool
		// RepeatPointer adds, to a desk repeated in short, where it is
		// printed in full.
		RepeatPointer bool
		// Labels puts a small label before addresses and hours ("Web",
		// "メール", "受付").
		Labels bool
	}
	// QR is the size of the QR codes of web-only desks.
	QR     struct{ Size, MinModule, Gap float64 }
	Colors struct {
		Text, Muted, Accent, Rule, Tint, Paper, EmergencyTint, EmergencyRule, CardTint layout.Color
	}
	Styles struct {
		Subtitle, Title, Edition, Purpose, Running, Footer    layout.Style
		EmergencyLabel, EmergencyNumber, EmergencyDesk        layout.Style
		SectionLabel, SectionTitle, Lead, Item                layout.Style
		SituationTitle, Symptoms, SituationNote               layout.Style
		Badge, Desk, RefNote, Phone, PhoneLabel, Body, URL    layout.Style
		GroupTitle, GokajoNumber, GokajoTitle, History, Facts layout.Style
		// Uncertain is the small warning beside a desk not confirmed
		// (layout.UncertainLabel).
		Uncertain layout.Style
	}
	// Lines are the most lines each kind of text may take before it is
	// shrunk (and, at the smallest size, reported).
	Lines struct {
		SectionTitle, Lead, Item, Situation, Symptoms, Note, Desk, RefNote, Label, Body, URL, History, Facts, Emergency int
	}
}

// ReadQuickList reads and checks layouts/quicklist-a4.yaml from fsys
// (shown to the user as dir).
func ReadQuickList(fsys fs.FS, dir string) (*QuickList, diag.List) {
	var f quickListFile
	c := read(fsys, dir, QuickListFile, &f)
	s := &QuickList{}
	s.Page = c.page(f.Page.sizeSpec, f.Page.Margin)
	s.MaxPages = c.count(f.MaxPages, 1, 100)
	s.Composition = c.composition(f.Composition)
	s.Cols = c.count(f.Grid.Cols, 1, 4)
	s.Gutter = c.length(f.Grid.Gutter, 50)
	if c.checked(f.Grid.Gutter.Set, f.Grid.Gutter.Loc) && s.Left+s.Right+float64(s.Cols-1)*s.Gutter >= s.W-20 {
		c.errs.Addf(f.Grid.Gutter.Loc, "余白と段の間が広すぎて、本文の段の幅がほとんどありません")
	}

	h := f.Header
	s.Header.GapAfter, s.Header.RuleWidth = c.length(h.GapAfter, 50), c.length(h.RuleWidth, 5)
	s.Header.DateBoxPadding, s.Header.DateBoxRule, s.Header.Subtitle = c.length(h.DateBox, 10), c.length(h.DateRule, 5), h.Subtitle.V
	s.Running.Gap, s.Running.RuleWidth = c.length(f.Running.GapAfter, 50), c.length(f.Running.RuleWidth, 5)
	s.Footer.Gap, s.Footer.RuleWidth = c.length(f.Footer.GapBefore, 50), c.length(f.Footer.RuleWidth, 5)
	e, se := f.Emergency, &s.Emergency
	se.Padding, se.CellGap, se.RuleWidth = c.length(e.Padding, 20), c.length(e.CellGap, 20), c.length(e.RuleWidth, 5)
	se.Radius, se.GapAfter, se.NumberGap = c.length(e.Radius, 10), c.length(e.GapAfter, 50), c.length(e.NumberGap, 20)
	sec, ss := f.Section, &s.Section
	ss.GapBefore, ss.GapAfter, ss.Padding = c.length(sec.GapBefore, 50), c.length(sec.GapAfter, 50), c.length(sec.Padding, 20)
	ss.LabelGap, ss.LabelPadding, ss.RuleWidth = c.length(sec.LabelGap, 20), c.length(sec.LabelPad, 10), c.length(sec.RuleWidth, 5)
	ss.ItemIndent, ss.ItemGap, ss.LabelRule = c.length(sec.ItemIndent, 30), c.length(sec.ItemGap, 20), c.length(sec.LabelRule, 5)
	ss.Bullet, ss.ArticleGap, ss.BoxPadding = c.length(sec.Bullet, 5), c.length(sec.ArticleGap, 20), c.length(sec.BoxPadding, 20)
	si, st := f.Situation, &s.Situation
	st.GapBefore, st.BarWidth, st.Indent = c.length(si.GapBefore, 50), c.length(si.BarWidth, 10), c.length(si.Indent, 30)
	st.GapAfter, st.Symptoms = c.length(si.GapAfter, 20), si.Symptoms.V
	cd, sc := f.Card, &s.Card
	sc.GapBefore, sc.Frame, sc.PadX, sc.PadY = c.length(cd.GapBefore, 50), cd.Frame.V, c.length(cd.PadX, 20), c.length(cd.PadY, 20)
	sc.RuleWidth, sc.Radius, sc.Badge = c.length(cd.RuleWidth, 5), c.length(cd.Radius, 10), c.length(cd.Badge, 20)
	sc.BadgeGap, sc.PhoneGap, sc.LineGap = c.length(cd.BadgeGap, 20), c.length(cd.PhoneGap, 30), c.length(cd.LineGap, 10)
	sc.PurposeWithNote, sc.PurposeBesidePhone, sc.Email, sc.ContactNote = cd.Purpose.V, cd.Beside.V, cd.Email.V, cd.Note.V
	sc.RepeatInFull, sc.RepeatPointer, sc.Labels = cd.RepeatFull.V, cd.Pointer.V, cd.Labels.V
	q := f.QR
	s.QR.Size, s.QR.Gap = c.length(q.Size, 100), c.length(q.Gap, 20)
	s.QR.MinModule = c.length(q.MinModule, 5)
	if c.checked(q.Size.Set, q.Size.Loc) && s.QR.Size < minQRmm {
		c.errs.Addf(q.Size.Loc, "QR コードは %gmm 以上にしてください（スマホのカメラで読み取れる大きさ）", minQRmm)
	}
	if c.checked(q.MinModule.Set, q.MinModule.Loc) && s.QR.MinModule < layout.MinQRModule {
		c.errs.Addf(q.MinModule.Loc, "QR コードの 1 マスは %gmm 以上にしてください（事務所のプリンタで潰れない大きさ）", layout.MinQRModule)
	}

	cl, sl := f.Colors, &s.Colors
	for _, x := range []struct {
		dst *layout.Color
		src yamlpos.Str
	}{
		{&sl.Text, cl.Text}, {&sl.Muted, cl.Muted}, {&sl.Accent, cl.Accent}, {&sl.Rule, cl.Rule}, {&sl.Tint, cl.Tint},
		{&sl.Paper, cl.Paper}, {&sl.EmergencyTint, cl.EmergencyTint}, {&sl.EmergencyRule, cl.EmergencyRule}, {&sl.CardTint, cl.CardTint},
	} {
		*x.dst = c.color(x.src, layout.Color{})
	}

	fs, ds := f.Styles, &s.Styles
	for _, x := range []struct {
		dst   *layout.Style
		src   styleSpec
		small bool // small print: may be under minBodyPt
	}{
		{&ds.Subtitle, fs.Subtitle, false}, {&ds.Title, fs.Title, false}, {&ds.Edition, fs.Edition, false},
		{&ds.Purpose, fs.Purpose, false}, {&ds.Running, fs.Running, true}, {&ds.Footer, fs.Footer, true},
		{&ds.EmergencyLabel, fs.EmergencyLabel, false}, {&ds.EmergencyNumber, fs.EmergencyNumber, false},
		{&ds.EmergencyDesk, fs.EmergencyDesk, false}, {&ds.SectionLabel, fs.SectionLabel, false},
		{&ds.SectionTitle, fs.SectionTitle, false}, {&ds.Lead, fs.Lead, false}, {&ds.Item, fs.Item, false},
		{&ds.SituationTitle, fs.SituationTitle, false}, {&ds.Symptoms, fs.Symptoms, false},
		{&ds.SituationNote, fs.SituationNote, false}, {&ds.Badge, fs.Badge, false}, {&ds.Desk, fs.Desk, false},
		{&ds.RefNote, fs.RefNote, false}, {&ds.Phone, fs.Phone, false}, {&ds.PhoneLabel, fs.PhoneLabel, false},
		{&ds.Body, fs.Body, false}, {&ds.URL, fs.URL, false}, {&ds.GroupTitle, fs.GroupTitle, false},
		{&ds.GokajoNumber, fs.GokajoNumber, false}, {&ds.GokajoTitle, fs.GokajoTitle, false},
		{&ds.History, fs.History, true}, {&ds.Facts, fs.Facts, false}, {&ds.Uncertain, fs.Uncertain, true},
	} {
		*x.dst = c.style(x.src, layout.Color{})
		if !x.src.Size.Set {
			continue // reported by the decoder
		}
		if x.src.Color.IsZero() && !c.refused[x.src.Color.Loc.Pos] {
			c.errs.Addf(x.src.At, "color を書いてください（例: \"#1A1A1A\"）")
		}
		if !x.small && c.checked(true, smallest(x.src)) && x.dst.Smallest() < minBodyPt {
			c.errs.Addf(smallest(x.src), "本文の文字は %gpt 以上にしてください（縮めたときの min_size も含む）", minBodyPt)
		}
	}
	if p := fs.Phone; p.Size.Set {
		if c.checked(true, smallest(p)) && ds.Phone.Smallest() < MinPhonePt {
			c.errs.Addf(p.Size.Loc, "電話番号の文字は %gpt 以上にしてください（min_size も含む）", MinPhonePt)
		}
		if !ds.Phone.Bold {
			c.errs.Addf(p.Size.Loc, "電話番号は太字（bold: true）にしてください")
		}
	}

	l, dl := f.Lines, &s.Lines
	for _, x := range []struct {
		dst *int
		src yamlpos.Int
	}{
		{&dl.SectionTitle, l.Section}, {&dl.Lead, l.Lead}, {&dl.Item, l.Item}, {&dl.Situation, l.Situation},
		{&dl.Symptoms, l.Symptoms}, {&dl.Note, l.Note}, {&dl.Desk, l.Desk}, {&dl.RefNote, l.RefNote},
		{&dl.Label, l.Label}, {&dl.Body, l.Body}, {&dl.URL, l.URL}, {&dl.History, l.History},
		{&dl.Facts, l.Facts}, {&dl.Emergency, l.Emergency},
	} {
		*x.dst = c.count(x.src, 1, 40)
	}
	return result(c, s)
}
