package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

var guideWidths = []float64{6, 100}

// guideSheet writes 使い方: what the workbook is for, the steps, the
// treatment options, how the results are computed, and notes on
// protection and recalculation.
func (w *writer) guideSheet() {
	const sh = sheetGuide
	r, s, e := w.risk, &w.st, w.book.Edition
	for i, wd := range guideWidths {
		w.width(sh, i+1, wd)
	}
	last := len(guideWidths)
	w.str(sh, 1, 1, r.Title.S+"の使い方")
	w.style(sh, 1, 1, 1, 1, s.title)
	w.height(sh, 1, w.rowHeight(1)+8)
	row := w.paragraph(sh, 2, last, "このワークブックは、IPA「中小企業の情報セキュリティ対策ガイドライン」の詳細リスク分析の考え方に沿って、会社の情報資産ごとにリスクの大きさを見積もり、対策の優先順位を決めるためのものです。", s.para)
	row = w.paragraph(sh, row, last, "評価の尺度："+w.scale.Name.S+"　"+w.scale.Note.S, s.paraBold)

	bands := make([]string, len(w.scale.Bands))
	for i, b := range w.scale.Bands {
		bands[i] = "「" + b.Label.S + "」"
	}
	flags := make([]string, len(r.PersonalInfo))
	for i, f := range r.PersonalInfo {
		flags[i] = f.S
	}
	top := ""
	if len(w.scale.Bands) > 0 {
		top = w.scale.Bands[0].Label.S
	}
	steps := []string{
		"「評価基準」シートで、機密性・完全性・可用性の基準、脅威の発生頻度と脆弱性の段階、判定の区分を確かめます。",
		"「記入例」シートで書き方を確かめます。黄色のセルを書き換えると、右側の自動計算がどう変わるかを試せます。",
		"「情報資産管理台帳」シートに、守るべき情報資産を1行に1つずつ書きます。扱い方と重要度が同じものは1行にまとめてかまいません。紙と電子データは、同じ内容でも別の行に分けます。",
		"個人情報の種類（" + strings.Join(flags, "・") + "）を、それぞれ「" + yes + "」か「" + no + "」から選びます。" + r.PersonalInfoNote.S,
		"機密性・完全性・可用性を、「評価基準」シートの基準に照らして " + w.valueList() + " から選びます。値が大きいほど、事故が起きたときの影響が大きいことを表します。",
		"脅威の発生頻度と脆弱性を、情報資産の行ごとに 3・2・1 から選びます。IPA の元のシートでは、別のシート（「脅威の状況」と「対策状況チェック」）に答えた結果からこの2つが決まります。このワークブックでは手順を簡単にするため、台帳の行ごとにドロップダウンで直接選ぶ形にしています。",
		"重要度・被害発生可能性・リスク値・判定は自動で計算されます（入力は要りません）。計算に必要な値がそろうまでは空欄のままです。判定は " + strings.Join(bands, "・") + " の文字と色で示します。",
		"判定が「" + top + "」の行から対策を考え、「対応」の列で、次の「リスクへの対応」から選びます。",
		"「自社診断」シートで " + fmt.Sprint(w.book.SelfCheck.ItemCount()) + " の設問に答えると、点数と判定が出ます。",
		"「集計」シートで、判定ごとの件数と自社診断の点数を確かめます。",
	}
	row = w.heading(sh, row+1, "進め方")
	for i, t := range steps {
		row = w.numbered(sh, row, fmt.Sprint(i+1), t)
	}

	row = w.heading(sh, row+1, "リスクへの対応")
	for _, t := range r.Treatments {
		text := t.Text.S
		if t.Example.S != "" {
			text += "（例：" + t.Example.S + "）"
		}
		row = w.numbered(sh, row, t.Name.S, text)
	}

	row = w.heading(sh, row+1, "計算のしかた")
	calc := []struct{ name, text string }{
		{"重要度", fmt.Sprintf("機密性・完全性・可用性のうち最も高い値です。個人情報の種類に「%s」が一つでもあれば、最上位の %d になります。", yes, w.scale.Top())},
		{"被害発生可能性", "脅威の発生頻度と脆弱性の組み合わせから、「評価基準」シートの表で引きます（2つの積ではありません）。"},
		{"リスク値", "重要度 × 被害発生可能性です。"},
		{"判定", "リスク値を「評価基準」シートの判定の表に当てはめます。表の下限を書き換えると、すべてのシートの判定が変わります。"},
	}
	for _, c := range calc {
		row = w.numbered(sh, row, "", c.name+"："+c.text)
	}

	row = w.heading(sh, row+1, "注意")
	notes := []string{
		"計算式や見出しを誤って消さないよう、シートを保護しています（パスワードはありません）。黄色のセルだけ書き込めます。保護を外すには［校閲］→［シート保護の解除］を選びます。",
		"台帳の行が足りないときは、保護を外してから、表の途中の行をコピーして表の途中に挿入します。計算式と選択肢も一緒に増え、集計の範囲も広がります。",
		"計算はファイルを開いたときに行われます。保護ビューでは、最後に保存したときの計算結果が表示されます。書き込んで計算し直すには［編集を有効にする］を押してください。",
		"印刷は A4 横向きで、用紙の幅に合わせて縮小します。見出しの行は各ページに繰り返して印刷されます。",
	}
	for _, n := range notes {
		row = w.numbered(sh, row, "・", n)
	}
	w.paragraph(sh, row+1, last, fmt.Sprintf("%s（%d年%d月%d日版）　%s", e.Title.S, e.Date.Year(), int(e.Date.Month()), e.Date.Day(), e.Publisher.S), s.note)
	grid := false
	w.fail(w.f.SetSheetView(sh, 0, &excelize.ViewOptions{ShowGridLines: &grid}))
	w.finish(sh, "")
}

// numbered writes a label in the first column and wrapped text in the
// second, and returns the next row.
func (w *writer) numbered(sh string, row int, label, text string) int {
	w.str(sh, 1, row, label)
	w.str(sh, 2, row, text)
	w.style(sh, 1, row, 1, row, w.st.paraBold)
	w.style(sh, 2, row, 2, row, w.st.para)
	w.height(sh, row, w.rowHeight(lines(text, guideWidths[1]))+2)
	return row + 1
}
