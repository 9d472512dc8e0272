package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"sodan/internal/diag"
	"sodan/internal/model"
	"sodan/internal/xlsx"
	"sodan/internal/yamlpos"
)

// workbookLayout is the layout file of the risk-analysis workbook.
const workbookLayout = "workbook.yaml"

func init() {
	register(Target{Name: "workbook", Order: 30, Render: renderWorkbook})
}

func renderWorkbook(ctx *Context) ([]Output, error) {
	spec, errs := workbookSpec(ctx.Layouts, ctx.LayoutsDir, ctx.Book)
	if len(errs) > 0 {
		return nil, errs
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, ctx.Book, spec); err != nil {
		return nil, err
	}
	name := fmt.Sprintf("risk-analysis-%s.xlsx", ctx.Book.Edition.Date.Format("20060102"))
	return []Output{{Name: name, Data: buf.Bytes()}}, nil
}

// workbookSpec reads layouts/workbook.yaml over the defaults with the same
// strict decoder as the sources (unknown keys, wrong kinds of value and
// duplicate keys are reported with positions), then checks the values and
// that the layout colours every judgement band of the scale in use.
func workbookSpec(fsys fs.FS, dir string, book *model.Book) (xlsx.Spec, diag.List) {
	var errs diag.List
	file := path.Join(dir, workbookLayout)
	spec := xlsx.DefaultSpec()
	data, err := fs.ReadFile(fsys, workbookLayout)
	if err != nil {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: file}, Msg: "レイアウトのファイルを読めません（" + err.Error() + "）"})
		return spec, errs
	}
	yamlpos.Decode(file, data, &spec, &errs)
	if len(errs) > 0 {
		return spec, errs
	}
	var root yaml.Node
	_ = yaml.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &root)
	at := func(key string) diag.Pos {
		line, col := keyPos(&root, key)
		return diag.Pos{File: file, Line: line, Col: col}
	}
	if err := spec.Check(); err != nil {
		for _, e := range unjoin(err) {
			key, msg, _ := strings.Cut(e.Error(), ": ")
			errs.Add(diag.Diagnostic{Pos: at(key), Field: key, Msg: msg})
		}
	}
	if n, want := len(spec.Bands), len(book.Risk.Scale.Bands); n < want {
		errs.Add(diag.Diagnostic{Pos: at("bands"), Field: "bands",
			Msg: fmt.Sprintf("判定の色が %d 個しかありません。尺度「%s」の判定 %d 個（%s）に、高い順に色を書いてください", n, book.Risk.Scale.ID, want, bandLabels(book.Risk.Scale))})
	}
	return spec, errs
}

func bandLabels(s *model.Scale) string {
	var l []string
	for _, b := range s.Bands {
		l = append(l, b.Label.S)
	}
	return strings.Join(l, "・")
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

var keyPart = regexp.MustCompile(`^([^\[]+)(?:\[(\d+)\])?$`)

// keyPos finds the position of a dotted key path such as bands[1].fill in a
// YAML document; 0, 0 when it is not written (the default was used).
func keyPos(root *yaml.Node, key string) (line, col int) {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, part := range strings.Split(key, ".") {
		m := keyPart.FindStringSubmatch(part)
		if m == nil || n.Kind != yaml.MappingNode {
			return 0, 0
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == m[1] {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return 0, 0
		}
		if m[2] != "" {
			i, _ := strconv.Atoi(m[2])
			if next.Kind != yaml.SequenceNode || i >= len(next.Content) {
				return next.Line, next.Column
			}
			next = next.Content[i]
		}
		n = next
	}
	return n.Line, n.Column
}
