package layout

import "sodan/internal/model"

// Desk is what every output prints of a contact desk besides its phone
// numbers, each text with the position of its source. DeskOf makes it
// once; each planner draws it in its own way.
type Desk struct {
	// Name is the organisation and the desk, at the desk's position (the
	// organisation's for an organisation without a desk).
	Name model.Text
	// Web is the web address as printed (ShortURL), at the position of the
	// link; empty for a desk without one.
	Web model.Text
	// Link is what the printed address links to and what its QR code
	// carries (LinkURL); "" for none.
	Link string
	// Mail is the link of the e-mail address (MailURL); "" for none.
	Mail string
	// Page is the desk's page as printed when Web is its form, and
	// PageLink its link; empty for a desk with one address.
	Page     model.Text
	PageLink string
}

// DeskOf is how c is printed.
func DeskOf(c *model.Contact) Desk {
	d := Desk{Name: model.Text{S: c.Name(), Loc: c.Org.Loc}}
	if !c.Desk.Empty() {
		d.Name.Loc = c.Desk.Loc
	}
	if u := c.Link(); u != "" {
		d.Web = model.Text{S: ShortURL(u), Loc: c.URL.Loc}
		if !c.FormURL.Empty() {
			d.Web.Loc = c.FormURL.Loc
		}
		d.Link = LinkURL(u)
	}
	if !c.FormURL.Empty() && !c.URL.Empty() && LinkURL(c.URL.S) != d.Link {
		d.Page = model.Text{S: ShortURL(c.URL.S), Loc: c.URL.Loc}
		d.PageLink = LinkURL(c.URL.S)
	}
	if !c.Email.Empty() {
		d.Mail = MailURL(c.Email.S)
	}
	return d
}
