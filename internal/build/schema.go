package build

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"sodan/internal/layout/spec"
	"sodan/internal/model"
	"sodan/internal/source"
	"sodan/internal/yamlpos"
)

// SchemaDir is the folder, inside the sources and inside the layouts,
// that holds their JSON Schemas; every bundled file names its schema in a
// first line such as
//
//	# yaml-language-server: $schema=schemas/contacts.schema.json
const SchemaDir = "schemas"

// Schema is one generated JSON Schema file.
type Schema struct {
	Dir  string // "sources" or "layouts": whose schema folder it belongs in
	Name string // file name, such as contacts.schema.json
	Data []byte
	// For is the file (or files) the schema describes, relative to Dir.
	For string
}

// Schemas makes the JSON Schema of every kind of source and layout file
// from the types the strict decoder reads them into.
func Schemas() ([]Schema, error) {
	var out []Schema
	formats := model.Formats()
	for _, k := range source.Kinds() {
		data, err := yamlpos.Schema(k.Value, yamlpos.SchemaOptions{ID: k.Schema, Title: k.Title, Doc: "sodan のソース。キーの説明はこのスキーマにあります", Formats: formats})
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", k.Schema, err)
		}
		out = append(out, Schema{Dir: "sources", Name: k.Schema, Data: data, For: k.File})
	}
	for _, k := range spec.Kinds() {
		name := strings.TrimSuffix(k.File, ".yaml") + ".schema.json"
		data, err := yamlpos.Schema(k.Value, yamlpos.SchemaOptions{ID: name, Title: k.Title, Doc: "sodan のレイアウト。長さは mm、文字の大きさは pt", Formats: formats, KeyDoc: spec.KeyDoc})
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		out = append(out, Schema{Dir: "layouts", Name: name, Data: data, For: k.File})
	}
	return out, nil
}

// Modeline is the first line a file of kind s carries so that an editor
// with the YAML language server finds its schema.
func (s Schema) Modeline() string {
	rel := path.Join(SchemaDir, s.Name)
	if path.Dir(s.For) != "." {
		rel = "../" + rel
	}
	return "# yaml-language-server: $schema=" + rel
}

// IsSchema reports whether data is a schema sodan wrote under the file
// name name: JSON whose $id is that name (an older sodan's included).
func IsSchema(data []byte, name string) bool {
	var head struct {
		ID string `json:"$id"`
	}
	return json.Unmarshal(data, &head) == nil && head.ID == name
}
