// Package yamlpos decodes YAML strictly into Go structs whose scalar fields
// keep the file, line, column and data path they came from. Unknown keys,
// duplicate keys, wrong kinds of value, files that are not UTF-8 and YAML
// syntax errors are all reported, in Japanese, every one of them in a
// single run. It is the only package that imports yaml.v3.
package yamlpos

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"sodan/internal/diag"
)

// Str is a scalar from a source file, kept as written, with its location.
type Str struct {
	V   string
	Loc diag.Loc
}

// Int is an integer from a source file with its location.
type Int struct {
	V   int
	Set bool // false when the key was absent
	Loc diag.Loc
}

// Num is a number (which may have a fraction) with its location.
type Num struct {
	V   float64
	Set bool // false when the key was absent
	Loc diag.Loc
}

// Bool is a true/false value with its location.
type Bool struct {
	V   bool
	Set bool
	Loc diag.Loc
}

// IsZero reports whether the key was absent or its value empty.
func (s Str) IsZero() bool { return strings.TrimSpace(s.V) == "" }

var (
	strType  = reflect.TypeOf(Str{})
	intType  = reflect.TypeOf(Int{})
	numType  = reflect.TypeOf(Num{})
	boolType = reflect.TypeOf(Bool{})
	locType  = reflect.TypeOf(diag.Loc{})
)

// decoder turns yaml.Nodes into the raw structs of this package. Struct
// fields are matched by their `yaml:"key"` tag; the options are "required"
// (the key must be present and not empty) and "shorthand" (a bare scalar in
// place of the mapping sets this field). A struct field tagged
// `yaml:",inline"` (embedded or named) has no key of its own: its keys are
// keys of the mapping that holds it, as in yaml.v3. A field of type
// diag.Loc tagged `yaml:"-"` receives the location of the mapping itself.
type decoder struct {
	file string
	errs *diag.List
	// expanding holds the anchors being expanded, to refuse an alias that
	// contains itself; aliases counts expansions, to refuse "billion
	// laughs" documents that would expand exponentially.
	expanding map[*yaml.Node]bool
	aliases   int
}

// maxAliases bounds how many aliases one file may expand.
const maxAliases = 1000

func (d *decoder) loc(n *yaml.Node, field string) diag.Loc {
	return diag.Loc{Pos: diag.Pos{File: d.file, Line: n.Line, Col: n.Column}, Field: field}
}

func (d *decoder) errorf(n *yaml.Node, field, format string, args ...any) {
	d.errs.Addf(d.loc(n, field), format, args...)
}

// kindName names a node kind the way a consultant would read it.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "キーと値の組（マッピング）"
	case yaml.SequenceNode:
		return "リスト（- で始まる項目）"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "空の値"
		}
		return fmt.Sprintf("値「%s」", n.Value)
	}
	return "別の種類の値"
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, field string) {
	if n.Kind == yaml.AliasNode {
		target := n.Alias
		switch {
		case target == nil:
			d.errorf(n, field, "定義されていない別名（*%s）です", n.Value)
			return
		case d.expanding[target]:
			d.errorf(n, field, "別名（*%s）が自分自身を含んでいます", n.Value)
			return
		case d.aliases >= maxAliases:
			d.errorf(n, field, "別名（*名前）の展開が多すぎます（%d 回まで）", maxAliases)
			return
		}
		d.aliases++
		if d.expanding == nil {
			d.expanding = map[*yaml.Node]bool{}
		}
		d.expanding[target] = true
		defer delete(d.expanding, target)
		n = target
	}
	switch v.Type() {
	case strType:
		d.decodeStr(n, v, field)
		return
	case intType:
		d.decodeInt(n, v, field)
		return
	case numType:
		x := Num{Loc: d.loc(n, field), Set: true}
		if f, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64); n.Kind != yaml.ScalarNode || err != nil {
			d.errorf(n, field, "ここには数値が必要ですが、%sが書かれています", kindName(n))
		} else {
			x.V = f
		}
		v.Set(reflect.ValueOf(x))
		return
	case boolType:
		x := Bool{Loc: d.loc(n, field), Set: true}
		switch strings.TrimSpace(n.Value) {
		case "true", "yes", "on":
			x.V = true
		case "false", "no", "off":
		default:
			d.errorf(n, field, "ここには true か false が必要ですが、%sが書かれています", kindName(n))
		}
		v.Set(reflect.ValueOf(x))
		return
	}
	switch v.Kind() {
	case reflect.Slice:
		d.decodeSlice(n, v, field)
	case reflect.Struct:
		d.decodeStruct(n, v, field)
	case reflect.Map:
		d.decodeMap(n, v, field)
	default:
		panic("yamlpos: unsupported field type " + v.Type().String())
	}
}

func (d *decoder) decodeStr(n *yaml.Node, v reflect.Value, field string) {
	s := Str{Loc: d.loc(n, field)}
	switch {
	case n.Kind != yaml.ScalarNode:
		d.errorf(n, field, "ここには文字列が必要ですが、%sが書かれています", kindName(n))
	case n.Tag == "!!null":
		// An empty value stays empty; "required" reports it.
		d.hashComment(n, n.LineComment, field)
	default:
		s.V = n.Value
		if !d.checkLength(n, s.V, field) {
			s.V = ""
			break
		}
		d.checkPlane(n, s.V, field)
	}
	v.Set(reflect.ValueOf(s))
}

// checkLength refuses a text longer than MaxText characters: no layout
// could print it, and fitting it would only take long before failing.
func (d *decoder) checkLength(n *yaml.Node, s, field string) bool {
	if len(s) <= MaxText {
		return true
	}
	if c := utf8.RuneCountInString(s); c > MaxText {
		d.errorf(n, field, "文が長すぎます（%d 文字。%d 文字まで）。どの資料にも印刷しきれないので、短くするか分けてください", c, MaxText)
		return false
	}
	return true
}

// checkPlane refuses characters outside the Basic Multilingual Plane
// (emoji, 𠮷): the PDF fonts cannot draw them, so a source that has one
// could never be printed. Reporting it here lets `sodan check` catch it.
func (d *decoder) checkPlane(n *yaml.Node, s, field string) {
	i := 0
	for _, r := range s {
		i++
		if r > 0xFFFF {
			d.errorf(n, field, "%s", GlyphMessage(r, i))
			return
		}
	}
}

// GlyphMessage is the message for a character the embedded fonts cannot
// draw: the character, its code point and its place in the value.
func GlyphMessage(r rune, index int) string {
	c := string(r)
	if r < 0x20 || r == 0x7f {
		c = fmt.Sprintf("\\x%02X", r)
	}
	return fmt.Sprintf("「%s」（U+%04X、%d 文字目）は埋め込みフォントで表示できない文字です。絵文字や環境依存の文字は、ふつうの文字に置き換えてください（例: 𠮷 → 吉）", c, r, index)
}

// hashComment reports a value that YAML read as empty because it began with
// "#" (such as an unquoted #9110), which made the rest a comment.
func (d *decoder) hashComment(n *yaml.Node, comment, field string) {
	if looksLikeHashNumber(comment) {
		d.errorf(n, field, "値が空です。「#」で始まる値（例: #9110）は \"#9110\" のように引用符で囲んでください")
	}
}

// looksLikeHashNumber reports whether a comment is really an unquoted
// "#9110"-style phone number that YAML took for a comment.
func looksLikeHashNumber(comment string) bool {
	c := strings.TrimPrefix(comment, "#")
	return c != "" && c[0] >= '0' && c[0] <= '9'
}

func (d *decoder) decodeInt(n *yaml.Node, v reflect.Value, field string) {
	i := Int{Loc: d.loc(n, field), Set: true}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, field, "ここには整数が必要ですが、%sが書かれています", kindName(n))
	} else if x, err := strconv.Atoi(strings.TrimSpace(n.Value)); err != nil {
		d.errorf(n, field, "整数が必要です（「%s」は整数ではありません）", n.Value)
	} else {
		i.V = x
	}
	v.Set(reflect.ValueOf(i))
}

// decodeMap decodes a mapping with free keys into a map[string]T.
func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, field string) {
	if !d.want(n, yaml.MappingNode, field) {
		return
	}
	m := reflect.MakeMap(v.Type())
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, join(field, k.Value), "キー「%s」が重複しています（最初は %d 行目）", k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(val, elem, join(field, k.Value))
		m.SetMapIndex(reflect.ValueOf(k.Value), elem)
	}
	v.Set(m)
}

// want reports whether n is a node of kind. An empty value is not (and
// is left for "required" to report); a value of another kind is reported.
func (d *decoder) want(n *yaml.Node, kind yaml.Kind, field string) bool {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return false
	}
	if n.Kind != kind {
		what := map[yaml.Kind]string{yaml.MappingNode: "キーと値の組（マッピング）", yaml.SequenceNode: "リスト（- で始まる項目）"}[kind]
		d.errorf(n, field, "ここには%sが必要ですが、%sが書かれています", what, kindName(n))
		return false
	}
	return true
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, field string) {
	if !d.want(n, yaml.SequenceNode, field) {
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		d.decode(c, s.Index(i), fmt.Sprintf("%s[%d]", field, i))
	}
	v.Set(s)
}

// fieldInfo describes one struct field that maps to a YAML key. index is
// the path to it (through inline structs), as for reflect's FieldByIndex.
type fieldInfo struct {
	index     []int
	key       string
	required  bool
	shorthand bool
}

// fieldsOf lists the keys of a struct type, those of its inline structs
// in their place, and the paths of its diag.Loc fields tagged "-". A key
// written twice (an inline struct's key that the outer struct also has) is
// a mistake in the types, and panics.
func fieldsOf(t reflect.Type) (fields []fieldInfo, locs [][]int) {
	seen := map[string]bool{}
	var walk func(t reflect.Type, path []int)
	walk = func(t reflect.Type, path []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			at := append(path[:len(path):len(path)], i)
			tag := f.Tag.Get("yaml")
			if tag == "-" {
				if f.Type == locType {
					locs = append(locs, at)
				}
				continue
			}
			if tag == "" {
				continue
			}
			parts := strings.Split(tag, ",")
			fi := fieldInfo{index: at, key: parts[0]}
			inline := false
			for _, o := range parts[1:] {
				switch o {
				case "required":
					fi.required = true
				case "shorthand":
					fi.shorthand = true
				case "inline":
					inline = true
				}
			}
			if inline {
				if !record(f.Type) || fi.key != "" || fi.required || fi.shorthand {
					panic("yamlpos: " + t.String() + "." + f.Name + ": inline takes a struct field with no key and no other option")
				}
				walk(f.Type, at)
				continue
			}
			if seen[fi.key] {
				panic("yamlpos: " + t.String() + ": key " + fi.key + " twice")
			}
			seen[fi.key] = true
			fields = append(fields, fi)
		}
	}
	walk(t, nil)
	return fields, locs
}

// record reports whether t is a struct of keys, not one of this
// package's scalar types.
func record(t reflect.Type) bool {
	switch t {
	case strType, intType, numType, boolType, locType:
		return false
	}
	return t.Kind() == reflect.Struct
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, field string) {
	fields, locs := fieldsOf(v.Type())
	for _, l := range locs {
		v.FieldByIndex(l).Set(reflect.ValueOf(d.loc(n, field)))
	}
	if n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
		for _, f := range fields {
			if f.shorthand {
				d.decode(n, v.FieldByIndex(f.index), join(field, f.key))
				if f.required && v.FieldByIndex(f.index).Interface().(Str).IsZero() {
					d.errorf(n, join(field, f.key), "必須の項目「%s」が空です", f.key)
				}
				return
			}
		}
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, field, "ここにはキーと値の組（マッピング）が必要ですが、%sが書かれています", kindName(n))
		return
	}
	byKey := map[string]fieldInfo{}
	for _, f := range fields {
		byKey[f.key] = f
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		key := k.Value
		if first, dup := seen[key]; dup {
			d.errorf(k, join(field, key), "キー「%s」が重複しています（最初は %d 行目）", key, first.Line)
			continue
		}
		seen[key] = k
		f, ok := byKey[key]
		if !ok {
			d.errorf(k, join(field, key), "不明なキー「%s」です（使えるキー: %s）", key, keyList(fields))
			continue
		}
		if val.Kind == yaml.ScalarNode && val.Tag == "!!null" {
			d.hashComment(val, k.LineComment, join(field, key))
		}
		d.decode(val, v.FieldByIndex(f.index), join(field, key))
	}
	d.checkRequired(n, v, fields, field, seen)
}

// checkRequired reports required keys that are absent, and required keys
// whose value is empty. Keys present with a value of the wrong kind were
// reported when decoded and are not reported again.
func (d *decoder) checkRequired(n *yaml.Node, v reflect.Value, fields []fieldInfo, field string, present map[string]*yaml.Node) {
	for _, f := range fields {
		if !f.required {
			continue
		}
		if _, ok := present[f.key]; !ok {
			d.errorf(n, join(field, f.key), "必須の項目「%s」がありません", f.key)
			continue
		}
		val := valueNode(n, f.key)
		if val.Kind == yaml.ScalarNode && (val.Tag == "!!null" || strings.TrimSpace(val.Value) == "") {
			d.errorf(val, join(field, f.key), "必須の項目「%s」が空です", f.key)
		} else if val.Kind == yaml.SequenceNode && len(val.Content) == 0 {
			d.errorf(val, join(field, f.key), "必須の項目「%s」が空です", f.key)
		}
	}
}

// valueNode finds the key node for key in a mapping, for positions of
// present-but-empty values; it falls back to the mapping.
func valueNode(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return n
}

func keyList(fields []fieldInfo) string {
	keys := make([]string, len(fields))
	for i, f := range fields {
		keys[i] = f.key
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}
