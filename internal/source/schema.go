package source

import (
	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// Raw is everything read from the sources folder, as written, with positions.
type Raw struct {
	Edition   Edition
	Contacts  ContactsFile
	QuickList QuickList
	Resources Resources
	Measures  Measures
	Guide     Guide
	Columns   ColumnsFile
	Flow      Flow
	Risk      Risk
	SelfCheck SelfCheck
	Decks     []Deck  // sources/decks/*.yaml, in file-name order
	Events    []Event // sources/events/*.yaml, in file-name order
	// Incomplete is set when a file could not be read or parsed at all.
	Incomplete bool
}

// Edition is edition.yaml: the 版 of the material and its history.
type Edition struct {
	Title      yamlpos.Str   `yaml:"title,required" doc:"クイックリストの題名。表紙と PDF の文書情報に使います"`
	Subtitle   yamlpos.Str   `yaml:"subtitle" doc:"題名の上に小さく載せる副題"`
	Purpose    yamlpos.Str   `yaml:"purpose,required" doc:"この資料の目的を一文で。表紙の題名の下に載ります"`
	Publisher  yamlpos.Str   `yaml:"publisher,required" doc:"発行者の名前"`
	Date       yamlpos.Str   `yaml:"date,required" doc:"この版の日付（YYYY-MM-DD）。出力のファイル名と印刷される日付になります" format:"date"`
	Keywords   []yamlpos.Str `yaml:"keywords" doc:"PDF の文書情報に入れるキーワード"`
	Revisions  []Revision    `yaml:"revisions,required" doc:"改版履歴。新しいものから順に"`
	FactsNote  yamlpos.Str   `yaml:"facts_note" doc:"連絡先の情報がいつのものかを読者に伝える注意書き"`
	Disclaimer yamlpos.Str   `yaml:"disclaimer" doc:"免責の一文"`
	StaleAfter yamlpos.Str   `yaml:"stale_after" doc:"連絡先の確認日（verified_on）がこの期間より古いと build が知らせます（365d・18m・2y など）" format:"age"`
}

// Revision is one entry of the revision history (改版履歴).
type Revision struct {
	Date yamlpos.Str `yaml:"date,required" doc:"改版の日付（YYYY-MM-DD）" format:"date"`
	Text yamlpos.Str `yaml:"text,required" doc:"何を変えたか"`
}

// ContactsFile is contacts.yaml: the registry of desks, each listed once,
// and the seed's figures that were corrected or dropped.
type ContactsFile struct {
	Contacts    []Contact    `yaml:"contacts,required" doc:"窓口の台帳。窓口ごとに一度だけ書き、ほかのファイルからは id で参照します"`
	Corrections []Correction `yaml:"corrections" doc:"種本にあったが使わない番号などの記録（理由つき）"`
}

// Contact is one desk of one organisation.
type Contact struct {
	Loc        diag.Loc    `yaml:"-"`
	ID         yamlpos.Str `yaml:"id,required" doc:"窓口の id（半角の英小文字・数字・ハイフン）。ほかのファイルはこの id で参照します" format:"id"`
	Org        yamlpos.Str `yaml:"org,required" doc:"組織の名前（例: IPA、警視庁）"`
	Desk       yamlpos.Str `yaml:"desk" doc:"窓口の名前（例: 情報セキュリティ安心相談窓口）"`
	Purpose    yamlpos.Str `yaml:"purpose,required" doc:"この窓口で何ができるかを一文で"`
	Phones     []Phone     `yaml:"phones" doc:"電話番号。#9110 のように # で始まる番号は引用符で囲みます"`
	Email      yamlpos.Str `yaml:"email" doc:"メールアドレス" format:"email"`
	URL        yamlpos.Str `yaml:"url" doc:"窓口の Web ページ（https://…）" format:"url"`
	FormURL    yamlpos.Str `yaml:"form_url" doc:"受付フォームの URL。あればページより先に印刷します" format:"url"`
	Hours      yamlpos.Str `yaml:"hours" doc:"受付時間（例: 平日 10:00〜12:00、13:30〜17:00）"`
	Scope      yamlpos.Str `yaml:"scope,required" doc:"対象の地域: national（全国）か tokyo（東京都）" enum:"national,tokyo"`
	Source     yamlpos.Str `yaml:"source,required" doc:"この情報の出典（ページの名前や URL）"`
	VerifiedOn yamlpos.Str `yaml:"verified_on,required" doc:"出典で確かめた日（YYYY-MM-DD）" format:"date"`
	EndedOn    yamlpos.Str `yaml:"ended_on" doc:"事業が終わった日。書くとこの窓口は印刷されません" format:"date"`
	Uncertain  yamlpos.Str `yaml:"uncertain" doc:"確かめられなかった点があれば、その内容"`
	Note       yamlpos.Str `yaml:"note" doc:"読者に伝える補足（例: 2025年4月から受付の窓口が変わりました）"`
}

// Phone is one telephone number of a desk.
type Phone struct {
	Number yamlpos.Str `yaml:"number,required,shorthand" doc:"電話番号（例: 03-1234-5678、0120-123-456、#9110、188）" format:"phone"`
	Label  yamlpos.Str `yaml:"label" doc:"番号の説明（例: 相談、FAX）"`
}

// Correction records a figure printed in the seed that sodan does not use,
// and why.
type Correction struct {
	Value   yamlpos.Str `yaml:"value,required" doc:"種本にあった値"`
	Contact yamlpos.Str `yaml:"contact" doc:"関係する窓口の id" format:"id"`
	Reason  yamlpos.Str `yaml:"reason,required" doc:"使わない理由"`
}

// QuickList is quicklist.yaml: the CHECK steps and the situations.
type QuickList struct {
	Emergency  []EmergencyEntry `yaml:"emergency,required" doc:"表紙の帯に載せる緊急の番号"`
	Checks     []Check          `yaml:"checks,required" doc:"CHECK1〜4 の手順"`
	Situations []Situation      `yaml:"situations,required" doc:"状況ごとの連絡先（CHECK4 の中身）"`
}

// EmergencyEntry is one number of the emergency strip.
type EmergencyEntry struct {
	Contact yamlpos.Str `yaml:"contact,required" doc:"窓口の id" format:"id"`
	Label   yamlpos.Str `yaml:"label,required" doc:"番号の上に載せる短い説明（例: 命の危険があるとき）"`
}

// Check is one CHECK step of the quick list.
type Check struct {
	Loc        diag.Loc      `yaml:"-"`
	ID         yamlpos.Str   `yaml:"id,required" doc:"CHECK の id（check1 など）" format:"id"`
	Title      yamlpos.Str   `yaml:"title,required" doc:"CHECK の見出し"`
	Lead       yamlpos.Str   `yaml:"lead" doc:"見出しの下の一文"`
	Items      []CheckItem   `yaml:"items" doc:"確かめることの一覧"`
	Situations []yamlpos.Str `yaml:"situations" doc:"この CHECK で案内する状況の id"`
}

// CheckItem is one line of a CHECK step, optionally pointing at a contact.
type CheckItem struct {
	Text    yamlpos.Str `yaml:"text,required,shorthand" doc:"確かめること"`
	Contact yamlpos.Str `yaml:"contact" doc:"関係する窓口の id" format:"id"`
}

// Situation is one "what is happening" entry with its ordered contacts.
type Situation struct {
	Loc      diag.Loc      `yaml:"-"`
	ID       yamlpos.Str   `yaml:"id,required" doc:"状況の id" format:"id"`
	Title    yamlpos.Str   `yaml:"title,required" doc:"状況の見出し（例: ウイルスに感染した）"`
	Symptoms []yamlpos.Str `yaml:"symptoms" doc:"この状況にあたる症状の例"`
	Contacts []ContactRef  `yaml:"contacts" doc:"連絡する順に並べた窓口"`
	Note     yamlpos.Str   `yaml:"note" doc:"状況についての補足"`
}

// ContactRef points at a contact, with an optional note for this use.
type ContactRef struct {
	Contact yamlpos.Str `yaml:"contact,required,shorthand" doc:"窓口の id" format:"id"`
	Note    yamlpos.Str `yaml:"note" doc:"この状況での補足（窓口の説明の代わりに印刷します）"`
}

// Resources is resources.yaml: prevention and support resources.
type Resources struct {
	Title  yamlpos.Str     `yaml:"title,required" doc:"予防と支援の相談先の見出し"`
	Lead   yamlpos.Str     `yaml:"lead" doc:"見出しの下の一文"`
	Groups []ResourceGroup `yaml:"groups,required" doc:"相談先のまとまり"`
}

// ResourceGroup is one heading of resources with its contacts.
type ResourceGroup struct {
	ID       yamlpos.Str  `yaml:"id,required" doc:"まとまりの id" format:"id"`
	Title    yamlpos.Str  `yaml:"title,required" doc:"まとまりの見出し"`
	Contacts []ContactRef `yaml:"contacts,required" doc:"窓口の id（順に）"`
}

// Measures is measures.yaml: the malware measures.
type Measures struct {
	Title   yamlpos.Str `yaml:"title,required" doc:"対策の見出し"`
	Lead    yamlpos.Str `yaml:"lead" doc:"見出しの下の一文"`
	Basis   yamlpos.Str `yaml:"basis" doc:"対策の根拠（出典）"`
	Formula yamlpos.Str `yaml:"formula,required" doc:"対策の考え方を表す式"`
	Phases  []Phase     `yaml:"phases,required" doc:"事前・事後・恒久的の段階"`
}

// Phase is 事前対応策, 事後対応策 or 恒久的対策.
type Phase struct {
	ID    yamlpos.Str `yaml:"id,required" doc:"段階の id（before・after・permanent など）" format:"id"`
	Title yamlpos.Str `yaml:"title,required" doc:"段階の見出し"`
	Lead  yamlpos.Str `yaml:"lead" doc:"見出しの下の一文"`
	Items []Item      `yaml:"items,required" doc:"対策の項目"`
}

// Item is a bullet that may nest further bullets, and may point at a
// contact, a URL or the risk formula.
type Item struct {
	Text     yamlpos.Str `yaml:"text,required,shorthand" doc:"項目の文"`
	Contact  yamlpos.Str `yaml:"contact" doc:"関係する窓口の id" format:"id"`
	URL      yamlpos.Str `yaml:"url" doc:"参考の URL" format:"url"`
	Formula  yamlpos.Str `yaml:"formula" doc:"true なら式として目立たせます"`
	Children []Item      `yaml:"items" doc:"下の段の項目（3段まで）"`
}

// Guide is guide.yaml: the four-step guide and persuading management.
type Guide struct {
	Title      yamlpos.Str `yaml:"title,required" doc:"手引きの見出し"`
	Lead       yamlpos.Str `yaml:"lead" doc:"見出しの下の一文"`
	Question   yamlpos.Str `yaml:"question,required" doc:"問いかけの一文"`
	Steps      []Step      `yaml:"steps,required" doc:"STEP1〜4"`
	Persuasion Persuasion  `yaml:"persuasion,required" doc:"経営者の説得の仕方"`
}

// Step is one STEP of the guide.
type Step struct {
	ID    yamlpos.Str `yaml:"id,required" doc:"STEP の id" format:"id"`
	Label yamlpos.Str `yaml:"label,required" doc:"STEP の番号の表示（例: STEP1）"`
	Title yamlpos.Str `yaml:"title,required" doc:"STEP の見出し"`
	Items []GuideItem `yaml:"items,required" doc:"STEP の中身"`
}

// GuideItem is one recommendation with the material it points to.
type GuideItem struct {
	Text      yamlpos.Str `yaml:"text,required" doc:"項目の文"`
	Ref       yamlpos.Str `yaml:"ref" doc:"参考資料の名前"`
	Page      yamlpos.Str `yaml:"page" doc:"参考資料のページ"`
	Publisher yamlpos.Str `yaml:"publisher" doc:"参考資料の発行者"`
	URL       yamlpos.Str `yaml:"url" doc:"参考資料の URL" format:"url"`
}

// Persuasion is the section on winning management's understanding.
type Persuasion struct {
	Title yamlpos.Str `yaml:"title,required" doc:"説得の見出し"`
	Items []GuideItem `yaml:"items,required" doc:"説得のポイント"`
}

// ColumnsFile is columns.yaml.
type ColumnsFile struct {
	Columns []Column `yaml:"columns,required" doc:"コラムの一覧"`
}

// Column is a short essay (コラム).
type Column struct {
	ID         yamlpos.Str   `yaml:"id,required" doc:"コラムの id" format:"id"`
	Title      yamlpos.Str   `yaml:"title,required" doc:"コラムの見出し"`
	Paragraphs []yamlpos.Str `yaml:"paragraphs,required" doc:"本文の段落"`
	Points     []yamlpos.Str `yaml:"points" doc:"要点の箇条書き"`
}

// Flow is flow.yaml: the consultation decision tree.
type Flow struct {
	Title yamlpos.Str `yaml:"title,required" doc:"相談対応フローの見出し"`
	Start yamlpos.Str `yaml:"start,required" doc:"最初の質問の id" format:"id"`
	Nodes []FlowNode  `yaml:"nodes,required" doc:"質問の一覧"`
}

// FlowNode is one question of the consultation flow.
type FlowNode struct {
	Loc      diag.Loc     `yaml:"-"`
	ID       yamlpos.Str  `yaml:"id,required" doc:"質問の id" format:"id"`
	Question yamlpos.Str  `yaml:"question,required" doc:"質問の文"`
	Answers  []FlowAnswer `yaml:"answers,required" doc:"回答と、その行き先"`
}

// FlowAnswer is one answer and where it leads: another node, a situation of
// the quick list, or a contact. Exactly one of the three is set.
type FlowAnswer struct {
	Loc       diag.Loc    `yaml:"-"`
	Label     yamlpos.Str `yaml:"label,required" doc:"回答の文"`
	Next      yamlpos.Str `yaml:"next" doc:"次の質問の id" format:"id"`
	Situation yamlpos.Str `yaml:"situation" doc:"行き先の状況の id" format:"id"`
	Contact   yamlpos.Str `yaml:"contact" doc:"行き先の窓口の id" format:"id"`
}
