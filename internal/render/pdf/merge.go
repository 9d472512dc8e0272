package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
)

// merger joins the files fpdf writes for the parts of a long document
// (see chunkPages) into one set of objects, compressing each part's page
// contents as it comes, so that no part's uncompressed file outlives its
// turn. The first part's objects keep their numbers and order; every
// later part adds its pages and their contents as new objects, which
// share the first part's page tree (1) and resources (2): fpdf writes both
// at those numbers in every file, and the resources must be the same.
type merger struct {
	o          *objects
	order      []int // object numbers in file order
	pages      []int // the page objects, in order
	root, info int   // the first part's catalog and Info dictionary
	parts      int
}

// add merges raw, fpdf's file of the next n pages.
func (m *merger) add(raw []byte, n int) error {
	f, err := parseFpdf(raw)
	if err != nil {
		return err
	}
	if !catalogRE.Match(f.objs[f.root]) {
		return fmt.Errorf("fpdf wrote an unexpected catalog:\n%s", f.objs[f.root])
	}
	if !bytes.HasPrefix(f.objs[f.info], []byte("<<\n/Producer ")) {
		return fmt.Errorf("fpdf wrote an unexpected Info dictionary:\n%s", f.objs[f.info])
	}
	pages, err := pageObjects(f.objs[1])
	if err != nil {
		return err
	}
	if len(pages) != n {
		return fmt.Errorf("fpdf wrote %d pages, want %d", len(pages), n)
	}
	part := &objects{list: slices.Clone(f.objs)}
	if err := compressPages(part, pages); err != nil {
		return err
	}
	m.parts++
	if m.o == nil {
		m.o, m.order, m.pages, m.root, m.info = part, slices.Clone(f.order), pages, f.root, f.info
		return nil
	}
	if !bytes.Equal(f.objs[2], m.o.list[2]) {
		return fmt.Errorf("part %d of the document has other resources:\n%s", m.parts, f.objs[2])
	}
	for _, pg := range pages {
		dict := part.list[pg]
		loc := contentsRE.FindSubmatchIndex(dict) // compressPages has matched it
		c, _ := strconv.Atoi(string(dict[loc[2]:loc[3]]))
		contents := m.o.add(part.list[c]) // compressed: not in raw
		page := m.o.add(fmt.Appendf(slices.Clone(dict[:loc[0]]), "\n/Contents %d 0 R>>\n", contents))
		m.order = append(m.order, page, contents)
		m.pages = append(m.pages, page)
	}
	return nil
}

// tree returns the page tree root listing every page merged: the first
// part's root with its kids and count replaced.
func (m *merger) tree() []byte {
	root := m.o.list[1]
	if m.parts == 1 {
		return root
	}
	loc := kidsRE.FindIndex(root) // pageObjects has matched it
	b := []byte("<</Type /Pages\n/Kids [")
	for _, pg := range m.pages {
		b = fmt.Appendf(b, "%d 0 R ", pg)
	}
	b = fmt.Appendf(b, "]\n/Count %d\n", len(m.pages))
	return append(b, root[loc[1]:]...)
}
