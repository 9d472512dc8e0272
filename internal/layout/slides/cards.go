package slides

import (
	"math"

	"sodan/internal/layout"
	"sodan/internal/layout/text"
	"sodan/internal/model"
)

// phoneStyle is st in the alert colour for the emergency numbers of the
// quick list.
func (p *planner) phoneStyle(c *model.Contact, st layout.Style) layout.Style {
	for _, e := range p.book.QuickList.Emergency {
		if e.Contact == c {
			st.Color = p.sp.Colors.Alert
		}
	}
	return st
}

// contactSlides draws contact cards, at most the layout's number per slide,
// on the fewest slides on which the card text stays at or above the
// layout's split_below size.
func (p *planner) contactSlides(s *model.Slide) []slidePage {
	return p.chunked(s.Title, len(s.Contacts), p.sp.CardsPerSlide, p.sp.Type.CardText, p.sp.CardSplitBelow,
		func(lo, hi int) []arrangement { return p.cardOptions(s.Contacts[lo:hi]) })
}

// cardOptions are the arrangements of the cards on one slide.
func (p *planner) cardOptions(refs []model.Ref) []arrangement {
	var opts []arrangement
	n := len(refs)
	for _, rc := range gridOptions(n, 3, 2) {
		opts = append(opts, func(f *fit) []layout.Item {
			cell := func(f *fit, i int, x, y, w, h float64) ([]layout.Item, float64) {
				return p.card(f, refs[i], rect{x, y, w, h})
			}
			return cellGrid(f, p.body, n, rc[0], rc[1], p.sp.CardGap, cell, func(i int, need float64) {
				f.fail(refs[i].Contact.Purpose, "窓口「%s」のカードがスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。説明を短くしてください",
					text.Excerpt(refs[i].Contact.Name()), p.body.h, need)
			})
		})
	}
	return opts
}

// card draws one desk (or measures it when r.h is 0): organisation, desk,
// what it is for and the desk's own note, the phone numbers large, hours,
// e-mail and addresses (the form, and the page when both are given), and a
// QR code when the desk can only be reached on the web, beside the text or
// below it, whichever needs less height (below whenever the card has the
// room, so that the text keeps the card's width).
func (p *planner) card(f *fit, ref model.Ref, r rect) ([]layout.Item, float64) {
	if !ref.Contact.WebOnly() {
		return p.cardAs(f, ref, r, false)
	}
	// Beside the text only when that leaves the text most of the card's
	// width; a narrow strip of broken addresses reads badly.
	inner := r.w - 2*p.sp.CardPadding
	if inner-p.sp.QRSize-p.sp.CardPadding < 0.65*inner {
		return p.cardAs(f, ref, r, true)
	}
	pa, pb := f.probe(), f.probe()
	_, beside := p.cardAs(pa, ref, rect{r.x, r.y, r.w, 0}, false)
	_, below := p.cardAs(pb, ref, rect{r.x, r.y, r.w, 0}, true)
	// Below also when the card is drawn taller than it needs and the
	// code fits under the text there: the text then has the full width.
	return p.cardAs(f, ref, r, pb.ok && (!pa.ok || below < beside || r.h > 0 && below <= r.h+1e-6))
}

func (p *planner) cardAs(f *fit, ref model.Ref, r rect, qrBelow bool) ([]layout.Item, float64) {
	sp := p.sp
	c := sp.Colors
	con := ref.Contact
	desk := p.desk(con)
	pad := sp.CardPadding
	var out []layout.Item
	body := sp.Type.CardText
	muted := body
	muted.Color = c.Muted
	st := &stack{f: f, x: r.x + pad, y: r.y + pad, w: r.w - 2*pad}
	if con.Desk.Empty() {
		st.heading(con.Org, sp.Type.CardName, 0)
	} else {
		st.put(f.oneLine(con.Org, st.w, muted), 0)
		st.heading(con.Desk, sp.Type.CardName, 0)
	}
	nameBottom := st.y
	qr := 0.0
	var caption text.Block
	if con.WebOnly() {
		qr = sp.QRSize
		if n := p.qrModules(desk.Link); n == 0 || qr/float64(n) < layout.MinQRModule {
			f.fail(desk.Web, "QR コードが小さすぎます（%d マスを %.0fmm に描くと 1 マス %.2fmm。%.1fmm 以上が必要）。layouts の cards.qr_size を大きくしてください",
				n, qr, qr/float64(max(n, 1)), layout.MinQRModule)
		}
		if !qrBelow {
			st.w -= qr + pad
		}
		label := "Webサイト"
		if !con.FormURL.Empty() {
			label = "Webで受付"
		}
		caption = f.line(own(label), qr, sp.Type.Note, 1)
	}
	gap := f.size(body).LineHeight(f.size(body).Size) * 0.3
	if !ref.Note.Empty() {
		// The desk's note on a plate.
		px, py := sp.TagPadX, sp.TagPadY
		tag := f.plain(ref.Note, st.w-2*px, sp.Type.CardTag)
		st.y += gap
		out = append(out, layout.Rect{X: layout.Round(st.x), Y: layout.Round(st.y), W: layout.Round(tag.Width(f.m) + 2*px), H: layout.Round(tag.Height() + 2*py),
			Fill: &c.Panel, Radius: sp.TagRadius})
		out = append(out, tag.Draw(st.x+px, st.y+py)...)
		st.y += tag.Height() + 2*py
	}
	st.plain(con.Purpose, body, gap)
	if !con.Note.Empty() {
		st.plain(con.Note, muted, 0)
	}
	for _, ph := range con.Phones {
		st.number(phone(ph), p.phoneStyle(con, sp.Type.CardPhone), gap)
		if !ph.Label.Empty() {
			st.plain(ph.Label, muted, 0)
		}
	}
	if !con.Hours.Empty() {
		st.plain(model.Text{S: "受付 " + con.Hours.S, Loc: con.Hours.Loc}, muted, gap)
	}
	if !con.Email.Empty() {
		b := st.number(model.Text{S: "メール " + con.Email.S, Loc: con.Email.Loc}, body, gap)
		st.items = append(st.items, b.Links(f.m, st.x, st.y-b.Height(), desk.Mail)...)
	}
	if desk.Link != "" {
		link := body
		link.Color = c.Accent
		link.Bold = true
		st.url(desk.Web, link, gap, desk.Link)
		if desk.PageLink != "" {
			st.url(desk.Page, link, 0, desk.PageLink)
		}
	}
	need := st.y + pad - r.y
	if qr > 0 {
		block := caption.Height() + qr
		if qrBelow {
			need += gap + block
		} else {
			need = math.Max(need, nameBottom+gap+block+pad-r.y)
		}
	}
	h := math.Max(r.h, need)
	if r.h > 0 && qr > 0 {
		qx, qy := r.x+r.w-pad-qr, r.y+h-pad-qr
		out = append(out, layout.QR{X: layout.Round(qx), Y: layout.Round(qy), Size: qr, Data: desk.Link})
		out = append(out, layout.Link{X: layout.Round(qx), Y: layout.Round(qy), W: qr, H: qr, URL: desk.Link})
		out = append(out, caption.DrawCentred(f.m, qx, qy-caption.LineH, qr)...)
	}
	out = append([]layout.Item{layout.Rect{X: layout.Round(r.x), Y: layout.Round(r.y), W: layout.Round(r.w), H: layout.Round(h), Stroke: &c.Accent, LineWidth: sp.CardRule, Radius: sp.CardRadius}}, out...)
	return append(out, st.items...), need
}

// qrModules is the Measurer's QRModules, remembered: trial layouts ask for
// the same codes again and again.
func (p *planner) qrModules(data string) int {
	n, ok := p.qr[data]
	if !ok {
		n = p.m.QRModules(data)
		p.qr[data] = n
	}
	return n
}
