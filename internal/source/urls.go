package source

import (
	"reflect"
	"sort"
	"strings"

	"sodan/internal/yamlpos"
)

// URLs lists every web address written in the sources, in file and line
// order: every text value that starts with http:// or https://.
func URLs(raw *Raw) []yamlpos.Str {
	var out []yamlpos.Str
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Struct:
			if s, ok := v.Interface().(yamlpos.Str); ok {
				t := strings.TrimSpace(s.V)
				if strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") {
					out = append(out, s)
				}
				return
			}
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Map:
			keys := v.MapKeys()
			for _, k := range keys {
				walk(v.MapIndex(k))
			}
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		}
	}
	walk(reflect.ValueOf(raw).Elem())
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Loc, out[j].Loc
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}
