package spec

import "strings"

// Kind is one layout file, for its JSON Schema: its name, a title, and a
// value of the type the reader decodes it into.
type Kind struct {
	File, Title string
	Value       any
}

// Kinds lists the layout files.
func Kinds() []Kind {
	return []Kind{
		{QuickListFile, "クイックリスト（A4）のレイアウト", quickListFile{}},
		{SlidesFile, "スライド（16:9）のレイアウト", slidesFile{}},
		{NUpFile, "配布資料（3枚・6枚）と発表者ノートのレイアウト", nupFile{}},
		{ReportFile, "リスク分析の結果（報告書）のレイアウト", reportFile{}},
		{WorkbookFile, "リスク分析シート（xlsx）の見た目", workbookFile{}},
		{EventFile, "セミナーの一式（式次第・スライドの表紙と最後・配布資料の見出し・クイックリストの枠）のレイアウト", eventFile{}},
	}
}

// keyDocs describe the keys the layout files share, by name.
var keyDocs = map[string]string{
	"page":           "用紙の大きさと余白（mm）",
	"width":          "幅（mm）",
	"height":         "高さ（mm）",
	"margin":         "余白（mm）",
	"top":            "上（mm）",
	"bottom":         "下（mm）",
	"left":           "左（mm）",
	"right":          "右（mm）",
	"size":           "文字の大きさ（pt）",
	"min_size":       "収まらないときに縮めてよい最小の大きさ（pt）。これより小さくはしません",
	"leading":        "行の高さ ÷ 文字の大きさ（1〜3）",
	"bold":           "太字にするか",
	"color":          "色（#RRGGBB）",
	"styles":         "文字のスタイル（大きさ・行の高さ・太字・色）",
	"colors":         "色（#RRGGBB）。白黒で印刷しても読めるよう、文字は濃く、塗りは淡く",
	"composition":    "文字組み: 和欧間と段落の最終行",
	"latin_space":    "和文と欧文・数字の間のアキ（em、1/8〜1/4）",
	"min_last_line":  "段落の最終行の最少文字数",
	"min_last_share": "段落の最終行の、行幅に対する最小の割合（0 なら問わない）",
	"floors":         "スライドの文字の下限（pt）。これより小さい大きさや min_size は使えません",
	"max_pages":      "このページ数を超えると警告します",
	"columns":        "段の数",
	"gutter":         "段の間（mm）",
	"qr":             "QR コード",
	"qr_size":        "QR コードの一辺（読み取り余白を含む、mm）",
	"min_module":     "QR コードの 1 マスの最小の大きさ（mm）",
	"radius":         "角の丸み（mm）",
	"padding":        "内側の余白（mm）",
	"padding_x":      "左右の内側の余白（mm）",
	"padding_y":      "上下の内側の余白（mm）",
	"gap":            "間（mm）",
	"gap_before":     "前のアキ（mm）",
	"gap_after":      "後のアキ（mm）",
	"rule_width":     "罫線の太さ（mm）",
	"rule":           "罫線の色",
	"fill":           "塗りの色（#RRGGBB）",
	"text":           "文字の色（#RRGGBB）",
	"font":           "ワークブックの既定のフォント",
	"ledger_rows":    "情報資産管理台帳の記入用の行数（100〜5000）",
	"widths":         "列の幅（文字数。列の id ごと）",
	"bands":          "判定（大・中・小）ごとの塗りと文字の色",
	"footer":         "ページの下の行",
	"header":         "ページの上の見出し",
	"outputs":        "デッキごとに作る配布資料とノート",
	"handouts":       "作る配布資料（3up・6up など）",
	"notes":          "発表者ノートを作るか",
	"variants":       "配布資料の種類（1 ページに何枚のスライドを載せるか）",
	"lines":          "そこに使ってよい行数の上限",
	"split_below":    "この大きさ（pt）より小さくなるなら、フローの枝を次のスライドに分けます",
}

// keyDoc describes a key of a layout file from its name: the shared keys
// above, then by the shape of the name.
func keyDoc(key string) string {
	if d, ok := keyDocs[key]; ok {
		return d
	}
	switch {
	case strings.HasSuffix(key, "_gap"), strings.HasPrefix(key, "gap_"):
		return "間隔（mm）"
	case strings.HasSuffix(key, "_width"):
		return "幅・太さ（mm）"
	case strings.HasSuffix(key, "_height"):
		return "高さ（mm）"
	case strings.HasSuffix(key, "_padding"), strings.HasPrefix(key, "padding_"):
		return "内側の余白（mm）"
	case strings.HasSuffix(key, "_fill"), strings.HasSuffix(key, "_tint"), strings.HasSuffix(key, "_rule"):
		return "色（#RRGGBB）"
	case strings.HasPrefix(key, "max_"):
		return "上限"
	}
	return ""
}

// KeyDoc is keyDoc for the schema generator.
func KeyDoc(key string) string { return keyDoc(key) }
