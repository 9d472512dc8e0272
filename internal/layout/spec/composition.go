package spec

import (
	"sodan/internal/layout/text"
	"sodan/internal/yamlpos"
)

// compositionSpec is how a layout file asks the text engine to set
// Japanese (text.Composition), as written.
type compositionSpec struct {
	LatinSpace   yamlpos.Num `yaml:"latin_space,required"`
	MinLastLine  yamlpos.Int `yaml:"min_last_line,required"`
	MinLastShare yamlpos.Num `yaml:"min_last_share,required"`
}

// composition checks a composition: the 和欧間 between text.MinLatinSpace
// and text.MaxLatinSpace em, a last line of at least text.MinLastChars
// characters and at most half the line's width as its least share.
func (c *checker) composition(s compositionSpec) text.Composition {
	out := text.Composition{
		LatinSpace:   s.LatinSpace.V,
		MinLastLine:  c.count(s.MinLastLine, text.MinLastChars, 10),
		MinLastShare: c.num(s.MinLastShare, 0, 0.5, "（行幅に対する割合）"),
	}
	if c.checked(s.LatinSpace.Set, s.LatinSpace.Loc) && !(text.MinLatinSpace <= out.LatinSpace && out.LatinSpace <= text.MaxLatinSpace) {
		c.errs.Addf(s.LatinSpace.Loc, "和文と欧文・数字の間は %g〜%g em にしてください（1/8 em から 4 分の 1 em）", text.MinLatinSpace, text.MaxLatinSpace)
	}
	return out
}
