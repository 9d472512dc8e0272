package yamlpos

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"sodan/internal/diag"
)

var bom = []byte("\xef\xbb\xbf")

// Limits on what one file may hold, checked before and while it is
// decoded, so an absurd file is refused at once with its position rather
// than slowing every later step.
const (
	// MaxFileSize is the largest file read, in bytes. The largest bundled
	// source is under 20 KB.
	MaxFileSize = 1 << 20
	// MaxText is the most characters one text value may have. A full A4
	// page of 9 pt text (the smallest body size of any layout) holds about
	// 4,400 characters, and every text box of every layout is smaller than
	// a page, so a longer value could never be printed.
	MaxText = 4000
	// MaxDepth is how deeply lists and mappings may nest. The sources need
	// six levels at most.
	MaxDepth = 64
)

// Decode decodes one YAML document in data into out (a pointer to a struct
// whose fields are this package's types or plain values), adding every
// problem to errs. name is the file name used in messages. It reports
// whether the document could be parsed at all: when it could not (not
// UTF-8, a syntax error, too large or too deep), every later check of
// what it should have held would only report follow-on problems.
func Decode(name string, data []byte, out any, errs *diag.List) (parsed bool) {
	if len(data) > MaxFileSize {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: name}, Msg: fmt.Sprintf("ファイルが大きすぎます（%d KB を超えています）。ファイルを取り違えていないか確認してください", MaxFileSize>>10)})
		return false
	}
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		line, col := firstInvalid(data)
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: name, Line: line, Col: col},
			Msg: "UTF-8 ではない文字があります。Shift_JIS などで保存されていないか確認し、UTF-8 で保存し直してください"})
		return false
	}
	if line, col, ok := flowDepth(data); !ok {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: name, Line: line, Col: col}, Msg: depthMessage})
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		errs.Add(syntaxError(name, data, err))
		return false
	}
	d := &decoder{file: name, errs: errs}
	if len(doc.Content) == 0 {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: name, Line: 1, Col: 1}, Msg: "ファイルが空です"})
		return false
	}
	if n := tooDeep(doc.Content[0], 0); n != nil {
		errs.Add(diag.Diagnostic{Pos: diag.Pos{File: name, Line: n.Line, Col: n.Column}, Msg: depthMessage})
		return false
	}
	d.decode(doc.Content[0], reflect.ValueOf(out).Elem(), "")
	return true
}

var depthMessage = fmt.Sprintf("リストやキーの入れ子が深すぎます（%d 段まで）。字下げや括弧を確認してください", MaxDepth)

// tooDeep returns the first node nested deeper than MaxDepth, or nil.
func tooDeep(n *yaml.Node, depth int) *yaml.Node {
	if depth > MaxDepth {
		return n
	}
	for _, c := range n.Content {
		if d := tooDeep(c, depth+1); d != nil {
			return d
		}
	}
	return nil
}

// flowDepth finds the first flow bracket ([ or {) nested deeper than
// MaxDepth, outside quotes and comments. yaml.v3 refuses deep nesting
// itself, but with an English message and no position; this check comes
// first and says where.
func flowDepth(data []byte) (line, col int, ok bool) {
	depth := 0
	line, col = 1, 0
	var quote rune
	comment, escaped := false, false
	prev := ' '
	for _, r := range string(data) {
		col++
		switch {
		case escaped:
			escaped = false
		case r == '\n':
			// A quoted scalar may go on over lines: the quote stays open.
			line, col, comment = line+1, 0, false
			prev = ' '
			continue
		case comment:
		case quote != 0:
			switch {
			case quote == '"' && r == '\\':
				escaped = true
			case r == quote:
				quote = 0
			}
		case (r == '"' || r == '\'') && strings.ContainsRune(" \t[{,:", prev):
			// A quote that starts a scalar (not an apostrophe inside one).
			quote = r
		case r == '#' && (prev == ' ' || prev == '\t' || col == 1):
			comment = true
		case r == '[' || r == '{':
			if depth++; depth > MaxDepth {
				return line, col, false
			}
		case r == ']' || r == '}':
			if depth > 0 {
				depth--
			}
		}
		prev = r
	}
	return 0, 0, true
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
	col := firstColumn(data, line)
	if strings.Contains(msg, "tab character") {
		line, col = tabIndent(data, line)
	}
	return diag.Diagnostic{Pos: diag.Pos{File: name, Line: line, Col: col}, Msg: ja}
}

// tabIndent finds the first tab in the indentation of a line at or after
// line: yaml.v3 reports a tab at the line before the one that holds it.
func tabIndent(data []byte, line int) (int, int) {
	lines := strings.Split(string(data), "\n")
	for l := max(line, 1); l <= len(lines); l++ {
		indent := lines[l-1][:len(lines[l-1])-len(strings.TrimLeft(lines[l-1], " \t"))]
		if i := strings.IndexByte(indent, '\t'); i >= 0 {
			return l, i + 1
		}
	}
	return line, firstColumn(data, line)
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
