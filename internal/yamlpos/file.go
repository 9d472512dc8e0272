package yamlpos

import (
	"bytes"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"sodan/internal/diag"
)

var bom = []byte("\xef\xbb\xbf")

// Decode decodes one YAML document in data into out (a pointer to a struct
// whose fields are this package's types or plain values), adding every problem to errs. name is the
// file name used in messages.
func Decode(name string, data []byte, out any, errs *diag.List) {
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		line, col := firstInvalid(data)
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: name, Line: line, Col: col},
			Msg: "UTF-8 ではない文字があります。Shift_JIS などで保存されていないか確認し、UTF-8 で保存し直してください"})
		return
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		errs.Add(syntaxError(name, data, err))
		return
	}
	d := &decoder{file: name, errs: errs}
	if len(doc.Content) == 0 {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: name, Line: 1, Col: 1}, Msg: "ファイルが空です"})
		return
	}
	d.decode(doc.Content[0], reflect.ValueOf(out).Elem(), "")
}

// firstInvalid returns the 1-based line and column of the first byte that is
// not valid UTF-8.
func firstInvalid(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxMessages puts yaml.v3's syntax messages into plain Japanese.
var syntaxMessages = []struct{ en, ja string }{
	{"mapping values are not allowed in this context", "ここには「キー: 値」を書けません。インデント（字下げ）や、値の中の「: 」を確認してください（値に「: 」を含めるときは引用符で囲みます）"},
	{"did not find expected key", "キーが見つかりません。インデント（字下げ）がそろっているか確認してください"},
	{"could not find expected ':'", "「:」が見つかりません。「キー: 値」の形になっているか確認してください"},
	{"found character that cannot start any token", "ここに書けない文字があります。タブ文字ではなく空白で字下げしているか、値が「@」や「`」で始まっていないか確認してください"},
	{"did not find expected '-' indicator", "リストの「- 」が見つかりません。インデントを確認してください"},
	{"did not find expected node content", "値が見つかりません。括弧や引用符が閉じているか確認してください"},
	{"found unexpected end of stream", "ファイルが途中で終わっています。引用符や括弧が閉じているか確認してください"},
	{"found a tab character that violates indentation", "タブ文字で字下げしています。空白で字下げしてください"},
	{"did not find expected alphabetic or numeric character", "「&」や「*」の後に名前がありません。値に使うときは引用符で囲んでください"},
	{"found undefined alias", "定義されていない別名（*名前）を使っています"},
	{"block sequence entries are not allowed in this context", "ここにはリストの項目（- ）を書けません。インデントを確認してください"},
	{"found unknown escape character", "引用符の中に使えないエスケープ（\\）があります"},
}

func syntaxError(name string, data []byte, err error) diag.Diagnostic {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	ja := "YAML の書き方に誤りがあります（" + msg + "）"
	for _, s := range syntaxMessages {
		if strings.Contains(msg, s.en) {
			ja = "YAML の書き方に誤りがあります: " + s.ja
			break
		}
	}
	return diag.Diagnostic{Pos: diag.Pos{File: name, Line: line, Col: firstColumn(data, line)}, Msg: ja}
}

// firstColumn is the column of the first non-blank character on line, so a
// syntax error points at the line's content (yaml.v3 reports no column).
func firstColumn(data []byte, line int) int {
	if line <= 0 {
		return 0
	}
	lines := strings.Split(string(data), "\n")
	if line > len(lines) {
		return 1
	}
	l := strings.TrimRight(lines[line-1], "\r")
	trimmed := strings.TrimLeft(l, " \t")
	return utf8.RuneCountInString(l) - utf8.RuneCountInString(trimmed) + 1
}
