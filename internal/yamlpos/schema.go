package yamlpos

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// A JSON Schema is made from the same struct types (and the same yaml
// tags) that Decode reads a file into, so an editor with a YAML language
// server completes and checks exactly the keys sodan accepts. Besides the
// yaml tag, a field may carry:
//
//	doc:"…"        the description shown while typing (Japanese)
//	enum:"a,b"     the values allowed
//	format:"name"  a named pattern from SchemaOptions.Formats
//
// A type's own description comes from SchemaOptions.Docs, keyed by the
// type's name.

// SchemaOptions are what a schema needs beyond the types.
type SchemaOptions struct {
	ID    string // the schema's $id (its file name)
	Title string
	Doc   string // description of the whole file
	// Formats map a format tag to a regular expression (in the syntax
	// JSON Schema's pattern uses) and a description of the form.
	Formats map[string]Format
	// KeyDoc, when set, describes a key whose field has no doc tag, from
	// the key's name (the layout files use the same names everywhere:
	// size, gap_after, rule_width …); "" leaves it undescribed.
	KeyDoc func(key string) string
}

// Format is a named pattern for text values.
type Format struct {
	Pattern string
	Doc     string
}

// Schema returns the JSON Schema (draft-07) of the files that Decode reads
// into a value of v's type, as indented JSON ending in a newline. Objects
// refuse keys they do not know, as Decode does; required keys are
// required, keys marked shorthand also accept the bare value, and the keys
// of an inline struct are listed as the object's own.
func Schema(v any, opts SchemaOptions) ([]byte, error) {
	g := &schemaGen{opts: opts, defs: map[string]any{}}
	root, err := g.of(reflect.TypeOf(v), "", "", "")
	if err != nil {
		return nil, err
	}
	doc := ordered{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"$id", opts.ID},
		{"title", opts.Title},
		{"description", opts.Doc},
	}
	for _, kv := range root.(ordered) {
		if kv.k != "description" {
			doc = append(doc, kv)
		}
	}
	if len(g.defs) > 0 {
		names := make([]string, 0, len(g.defs))
		for n := range g.defs {
			names = append(names, n)
		}
		sort.Strings(names)
		var defs ordered
		for _, n := range names {
			defs = append(defs, kv{n, g.defs[n]})
		}
		doc = append(doc, kv{"definitions", defs})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type schemaGen struct {
	opts SchemaOptions
	defs map[string]any
	// busy holds the struct types being made, so a type that contains
	// itself (nested bullets) becomes a reference.
	busy []reflect.Type
}

// kv and ordered keep the keys of a schema object in a fixed order, so the
// same types always give the same bytes.
type kv struct {
	k string
	v any
}

type ordered []kv

func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.k)
		b.Write(k)
		b.WriteByte(':')
		var v bytes.Buffer
		enc := json.NewEncoder(&v)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e.v); err != nil {
			return nil, err
		}
		b.Write(bytes.TrimRight(v.Bytes(), "\n"))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// of is the schema of a value of type t; doc, enum and format come from
// the field that holds it.
func (g *schemaGen) of(t reflect.Type, doc, enum, format string) (any, error) {
	var s ordered
	if doc != "" {
		s = append(s, kv{"description", doc})
	}
	text := func() (any, error) {
		switch {
		case enum != "":
			s = append(s, kv{"type", "string"}, kv{"enum", strings.Split(enum, ",")})
		case format != "":
			f, ok := g.opts.Formats[format]
			if !ok {
				return nil, fmt.Errorf("yamlpos: no format %q", format)
			}
			// A number is accepted too where YAML would read the value
			// as one (a phone such as 110, a date): Decode keeps the text.
			s = append(s, kv{"type", []string{"string", "number"}}, kv{"pattern", f.Pattern})
			if f.Doc != "" && doc == "" {
				s = append(s, kv{"description", f.Doc})
			}
		default:
			s = append(s, kv{"type", []string{"string", "number", "boolean"}})
		}
		return s, nil
	}
	switch t {
	case strType:
		return text()
	case intType:
		return append(s, kv{"type", "integer"}), nil
	case numType:
		return append(s, kv{"type", "number"}), nil
	case boolType:
		return append(s, kv{"type", "boolean"}), nil
	}
	switch t.Kind() {
	case reflect.Slice:
		items, err := g.of(t.Elem(), "", enum, format)
		if err != nil {
			return nil, err
		}
		return append(s, kv{"type", "array"}, kv{"items", items}), nil
	case reflect.Map:
		vals, err := g.of(t.Elem(), "", "", "")
		if err != nil {
			return nil, err
		}
		return append(s, kv{"type", "object"}, kv{"additionalProperties", vals}), nil
	case reflect.Struct:
		return g.object(t, s)
	}
	return nil, fmt.Errorf("yamlpos: no schema for %s", t)
}

// object is the schema of a struct: its keys, which are required, and
// the bare value a shorthand key stands for.
func (g *schemaGen) object(t reflect.Type, s ordered) (any, error) {
	for _, b := range g.busy {
		if b == t {
			g.defs[t.Name()] = nil // made when the outer call returns
			return append(s, kv{"$ref", "#/definitions/" + t.Name()}), nil
		}
	}
	g.busy = append(g.busy, t)
	defer func() { g.busy = g.busy[:len(g.busy)-1] }()
	fields, _ := fieldsOf(t)
	var props ordered
	var required []string
	var short any
	for _, f := range fields {
		sf := t.FieldByIndex(f.index)
		doc := sf.Tag.Get("doc")
		if doc == "" && g.opts.KeyDoc != nil {
			doc = g.opts.KeyDoc(f.key)
		}
		p, err := g.of(sf.Type, doc, sf.Tag.Get("enum"), sf.Tag.Get("format"))
		if err != nil {
			return nil, err
		}
		props = append(props, kv{f.key, p})
		if f.required {
			required = append(required, f.key)
		}
		if f.shorthand {
			short = p
		}
	}
	obj := ordered{{"type", "object"}, {"properties", props}, {"additionalProperties", false}}
	if len(required) > 0 {
		obj = append(obj, kv{"required", required})
	}
	var out any = obj
	if short != nil {
		out = ordered{{"oneOf", []any{short, obj}}}
	}
	if _, recursive := g.defs[t.Name()]; recursive {
		g.defs[t.Name()] = out
		return append(s, kv{"$ref", "#/definitions/" + t.Name()}), nil
	}
	return append(s, out.(ordered)...), nil
}

// Value parses one YAML document into plain Go values (maps, slices,
// strings, numbers, booleans), as a JSON Schema validator takes them.
// Dates stay text, as YAML 1.2 and editors' language servers read them.
func Value(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(bytes.TrimPrefix(data, bom), &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return plain(doc.Content[0], 0)
}

func plain(n *yaml.Node, depth int) (any, error) {
	if depth > MaxDepth {
		return nil, fmt.Errorf("nested too deeply")
	}
	switch n.Kind {
	case yaml.AliasNode:
		return plain(n.Alias, depth+1)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := plain(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			v, err := plain(c, depth+1)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	}
	switch n.Tag {
	case "!!null":
		return nil, nil
	case "!!int", "!!float", "!!bool":
		var v any
		err := n.Decode(&v)
		return v, err
	}
	return n.Value, nil
}
