package layout

import (
	"math"

	"sodan/internal/model"
)

// phoneStyle is st in the alert colour for the emergency numbers of the
// quick list.
func (p *slPlanner) phoneStyle(c *model.Contact, st Style) Style {
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
func (p *slPlanner) contactSlides(s *model.Slide) []slPage {
	sizes := fewestChunks(len(s.Contacts), p.sp.CardsPerSlide, func(lo, hi int) bool {
		return p.fitsAbove(p.cardOptions(s.Contacts[lo:hi]), p.sp.Type.CardText, p.sp.CardSplitBelow)
	})
	var pages []slPage
	at := 0
	for i, c := range sizes {
		refs := s.Contacts[at : at+c]
		at += c
		pages = append(pages, p.page(continued(s.Title, i), p.fitBest(p.cardOptions(refs)...)))
	}
	return pages
}

// cardOptions are the arrangements of the cards on one slide.
func (p *slPlanner) cardOptions(refs []model.Ref) []func(f *slFit) []Item {
	var opts []func(f *slFit) []Item
	n := len(refs)
	for _, rc := range gridOptions(n, 3, 2) {
		opts = append(opts, func(f *slFit) []Item {
			cell := func(f *slFit, i int, x, y, w, h float64) ([]Item, float64) {
				return p.card(f, refs[i], slRect{x, y, w, h})
			}
			return cellGrid(f, p.body, n, rc[0], rc[1], p.sp.CardGap, cell, func(i int, need float64) {
				f.fail(refs[i].Contact.Purpose, "窓口「%s」のカードがスライドに収まりません（高さ %.0fmm に %.0fmm 必要）。説明を短くしてください",
					excerpt(refs[i].Contact.Name()), p.body.h, need)
			})
		})
	}
	return opts
}

// card draws one desk (or measures it when r.h is 0): organisation, desk,
// what it is for, the phone numbers large, hours, e-mail and address, and a
// QR code when the desk can only be reached on the web, beside the text or
// below it, whichever needs less height.
func (p *slPlanner) card(f *slFit, ref model.Ref, r slRect) ([]Item, float64) {
	if !ref.Contact.WebOnly() {
		return p.cardAs(f, ref, r, false)
	}
	// Beside the text only when that leaves the text most of the card's
	// width; a narrow column of broken addresses reads badly.
	inner := r.w - 2*p.sp.CardPadding
	if inner-p.sp.QRSize-p.sp.CardPadding < 0.65*inner {
		return p.cardAs(f, ref, r, true)
	}
	pa, pb := f.probe(), f.probe()
	_, beside := p.cardAs(pa, ref, slRect{r.x, r.y, r.w, 0}, false)
	_, below := p.cardAs(pb, ref, slRect{r.x, r.y, r.w, 0}, true)
	return p.cardAs(f, ref, r, pb.ok && (!pa.ok || below < beside))
}

func (p *slPlanner) cardAs(f *slFit, ref model.Ref, r slRect, qrBelow bool) ([]Item, float64) {
	sp := p.sp
	c := sp.Colors
	con := ref.Contact
	pad := sp.CardPadding
	var out []Item
	text := sp.Type.CardText
	muted := text
	muted.Color = c.Muted
	st := &slStack{f: f, x: r.x + pad, y: r.y + pad, w: r.w - 2*pad}
	if con.Desk.Empty() {
		st.heading(con.Org, sp.Type.CardName, 0)
	} else {
		st.text(con.Org, muted, 0)
		st.heading(con.Desk, sp.Type.CardName, 0)
	}
	nameBottom := st.y
	qr := 0.0
	var caption Block
	if con.WebOnly() {
		qr = sp.QRSize
		if n := qrModules(con.Link()); n == 0 || qr/float64(n) < minQRModule {
			f.fail(con.URL, "QR コードが小さすぎます（%d マスを %.0fmm に描くと 1 マス %.2fmm。%.1fmm 以上が必要）。layouts の cards.qr_size を大きくしてください",
				n, qr, qr/float64(max(n, 1)), minQRModule)
		}
		if !qrBelow {
			st.w -= qr + pad
		}
		capSt := f.size(muted)
		capSt.Size *= 0.85
		label := "Web サイト"
		if !con.FormURL.Empty() {
			label = "Web で受付"
		}
		caption = Block{Lines: []string{label}, Size: capSt.Size, LineH: capSt.LineHeight(capSt.Size), Style: capSt}
	}
	gap := f.size(text).LineHeight(f.size(text).Size) * 0.3
	if !ref.Note.Empty() {
		tag := f.wrap(ref.Note, st.w-4, sp.Type.CardTag)
		tw := 0.0
		for _, l := range tag.Lines {
			tw = math.Max(tw, f.m.Width(l, true, tag.Size))
		}
		st.y += gap
		out = append(out, Rect{X: round2(st.x), Y: round2(st.y), W: round2(tw + 4), H: round2(tag.Height() + 1.2), Fill: &c.Panel, Radius: 1})
		out = append(out, tag.Draw(st.x+2, st.y+0.6)...)
		st.y += tag.Height() + 1.2
	}
	st.text(con.Purpose, text, gap)
	for _, ph := range con.Phones {
		st.number(phone(ph), p.phoneStyle(con, sp.Type.CardPhone), gap)
		if !ph.Label.Empty() {
			st.text(ph.Label, muted, 0)
		}
	}
	if !con.Hours.Empty() {
		st.text(model.Text{S: "受付 " + con.Hours.S, Loc: con.Hours.Loc}, muted, gap)
	}
	if !con.Email.Empty() {
		top := st.y + gap
		b := st.number(model.Text{S: "メール " + con.Email.S, Loc: con.Email.Loc}, text, gap)
		st.items = append(st.items, linkOver(f.m, b, st.x, top, "mailto:"+linkURL(con.Email.S))...)
	}
	if u := con.Link(); u != "" {
		link := text
		link.Color = c.Accent
		link.Bold = true
		loc := con.URL.Loc
		if !con.FormURL.Empty() {
			loc = con.FormURL.Loc
		}
		st.url(model.Text{S: shortURL(u), Loc: loc}, link, gap, linkURL(u))
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
		out = append(out, QR{X: round2(qx), Y: round2(qy), Size: qr, Data: con.Link()})
		out = append(out, Link{X: round2(qx), Y: round2(qy), W: qr, H: qr, URL: linkURL(con.Link())})
		out = append(out, caption.DrawCentred(f.m, qx, qy-caption.LineH, qr)...)
	}
	out = append([]Item{Rect{X: round2(r.x), Y: round2(r.y), W: round2(r.w), H: round2(h), Stroke: &c.Accent, LineWidth: 0.5, Radius: sp.CardRadius}}, out...)
	return append(out, st.items...), need
}
