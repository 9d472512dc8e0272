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
	"sodan/internal/render/xlsx"
)

// workbookLayout is the layout file of the risk-analysis workbook.
const workbookLayout = "workbook.yaml"

func init() {
	register(Target{Name: "workbook", Order: 30, Owns: []string{"risk-analysis-*.xlsx"}, Render: renderWorkbook})
}

func renderWorkbook(ctx *Context) ([]Output, error) {
	spec, errs := workbookSpec(ctx.Layouts, ctx.LayoutsDir)
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

var yamlErrLine = regexp.MustCompile(`line (\d+): (.*)`)

// workbookSpec reads layouts/workbook.yaml over the defaults, refusing
// unknown keys, and turns every problem into a positioned message.
func workbookSpec(fsys fs.FS, dir string) (xlsx.Spec, diag.List) {
	var errs diag.List
	file := path.Join(dir, workbookLayout)
	spec := xlsx.DefaultSpec()
	data, err := fs.ReadFile(fsys, workbookLayout)
	if err != nil {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: file}, Msg: "レイアウトのファイルを読めません"})
		return spec, errs
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&spec); err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			if m := yamlErrLine.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[1])
				errs.Add(diag.Diagnostic{Pos: diag.Pos{File: file, Line: n}, Msg: "書き方に誤りがあります: " + m[2]})
			}
		}
		if len(errs) == 0 {
			errs.Add(diag.Diagnostic{Pos: diag.Pos{File: file}, Msg: "書き方に誤りがあります: " + err.Error()})
		}
		return spec, errs
	}
	if err := spec.Check(); err != nil {
		var root yaml.Node
		_ = yaml.Unmarshal(data, &root)
		for _, e := range unjoin(err) {
			key, msg, _ := strings.Cut(e.Error(), ": ")
			line, col := keyPos(&root, key)
			errs.Add(diag.Diagnostic{Pos: diag.Pos{File: file, Line: line, Col: col}, Field: key, Msg: msg})
		}
	}
	return spec, errs
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
