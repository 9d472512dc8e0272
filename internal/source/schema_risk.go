package source

import (
	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// Risk is risk.yaml: the IPA detailed risk-analysis method as data.
type Risk struct {
	Title            yamlpos.Str    `yaml:"title,required" doc:"リスク分析の見出し"`
	Scale            yamlpos.Str    `yaml:"scale,required" doc:"使う尺度の id"`
	Scales           []Scale        `yaml:"scales,required" doc:"尺度の定義（現在のものと旧版）"`
	Threat           []Level        `yaml:"threat_levels,required" doc:"脅威の発生頻度の段階"`
	Vulnerability    []Level        `yaml:"vulnerability_levels,required" doc:"脆弱性の段階"`
	Likelihood       []Cell         `yaml:"likelihood,required" doc:"被害発生可能性の表（脅威×脆弱性の組ごと）"`
	LikelihoodLevels []Level        `yaml:"likelihood_levels,required" doc:"被害発生可能性の段階"`
	PersonalInfo     []yamlpos.Str  `yaml:"personal_info_flags,required" doc:"個人情報の有無を聞く列の見出し"`
	PersonalInfoNote yamlpos.Str    `yaml:"personal_info_note,required" doc:"個人情報があるときの重要度の決め方の説明"`
	Treatments       []Treatment    `yaml:"treatments,required" doc:"リスク対応の方法（低減・回避・移転・保有）"`
	Media            []yamlpos.Str  `yaml:"media,required" doc:"媒体・保存先の選択肢"`
	Columns          []LedgerColumn `yaml:"ledger_columns,required" doc:"情報資産管理台帳の列"`
	Examples         []Example      `yaml:"examples,required" doc:"記入例の資産"`
}

// Scale is one edition of the importance scale (the old 0–2 or the current
// 1–3) with its judgement bands.
type Scale struct {
	Loc    diag.Loc     `yaml:"-"`
	ID     yamlpos.Str  `yaml:"id,required" doc:"尺度の id"`
	Name   yamlpos.Str  `yaml:"name,required" doc:"尺度の名前"`
	Note   yamlpos.Str  `yaml:"note" doc:"尺度の説明"`
	Levels []ScaleLevel `yaml:"levels,required" doc:"評価の段階"`
	Bands  []Band       `yaml:"bands,required" doc:"リスク値の判定（大・中・小）"`
}

// ScaleLevel is one level of 機密性・完全性・可用性 and 重要度: a Level
// with what makes each of C, I and A that value.
type ScaleLevel struct {
	Level           `yaml:",inline"`
	Confidentiality yamlpos.Str `yaml:"confidentiality,required" doc:"機密性がこの値になる目安"`
	Integrity       yamlpos.Str `yaml:"integrity,required" doc:"完全性がこの値になる目安"`
	Availability    yamlpos.Str `yaml:"availability,required" doc:"可用性がこの値になる目安"`
}

// Band is one judgement band of the risk value: values >= Min (and below
// the next higher band) get Label.
type Band struct {
	Loc     diag.Loc    `yaml:"-"`
	Label   yamlpos.Str `yaml:"label,required" doc:"判定の名前（大・中・小）"`
	Min     yamlpos.Int `yaml:"min,required" doc:"この判定になるリスク値の最小"`
	Meaning yamlpos.Str `yaml:"meaning,required" doc:"判定の意味"`
	Action  yamlpos.Str `yaml:"action,required" doc:"この判定の資産にすること"`
}

// Level is one level of a 1–3 scale (threat, vulnerability, likelihood).
type Level struct {
	Loc     diag.Loc    `yaml:"-"`
	Value   yamlpos.Int `yaml:"value,required" doc:"段階の値"`
	Label   yamlpos.Str `yaml:"label,required" doc:"段階の名前"`
	Meaning yamlpos.Str `yaml:"meaning,required" doc:"段階の意味"`
}

// Cell is one cell of the 被害発生可能性 lookup table.
type Cell struct {
	Loc           diag.Loc    `yaml:"-"`
	Threat        yamlpos.Int `yaml:"threat,required" doc:"脅威の値"`
	Vulnerability yamlpos.Int `yaml:"vulnerability,required" doc:"脆弱性の値"`
	Value         yamlpos.Int `yaml:"value,required" doc:"被害発生可能性の値"`
}

// Treatment is one risk treatment option (低減・回避・移転・保有).
type Treatment struct {
	Name    yamlpos.Str `yaml:"name,required" doc:"対応の名前（低減・回避・移転・保有）"`
	Text    yamlpos.Str `yaml:"text,required" doc:"対応の説明"`
	Example yamlpos.Str `yaml:"example,required" doc:"対応の例"`
}

// LedgerColumn names and explains one column of the asset ledger.
type LedgerColumn struct {
	Loc   diag.Loc    `yaml:"-"`
	ID    yamlpos.Str `yaml:"id,required" doc:"列の id"`
	Title yamlpos.Str `yaml:"title,required" doc:"列の見出し"`
	Help  yamlpos.Str `yaml:"help,required" doc:"セルを選んだときに出る説明"`
}

// Example is one filled-in row of the asset ledger. C, I and A are ranks:
// 3 high, 2 middle, 1 low, read on the scale in use.
type Example struct {
	Loc           diag.Loc      `yaml:"-"`
	Business      yamlpos.Str   `yaml:"business,required" doc:"業務"`
	Asset         yamlpos.Str   `yaml:"asset,required" doc:"情報資産の名前"`
	Note          yamlpos.Str   `yaml:"note" doc:"備考"`
	Users         yamlpos.Str   `yaml:"users,required" doc:"利用者"`
	Owner         yamlpos.Str   `yaml:"owner,required" doc:"管理者"`
	Medium        yamlpos.Str   `yaml:"medium,required" doc:"媒体・保存先"`
	PersonalInfo  []yamlpos.Str `yaml:"personal_info" doc:"個人情報・要配慮個人情報・特定個人情報の有無"`
	C             yamlpos.Int   `yaml:"c,required" doc:"機密性"`
	I             yamlpos.Int   `yaml:"i,required" doc:"完全性"`
	A             yamlpos.Int   `yaml:"a,required" doc:"可用性"`
	Threat        yamlpos.Int   `yaml:"threat,required" doc:"脅威の発生頻度"`
	Vulnerability yamlpos.Int   `yaml:"vulnerability,required" doc:"脆弱性"`
	Retention     yamlpos.Str   `yaml:"retention" doc:"保存期限"`
	Registered    yamlpos.Str   `yaml:"registered,required" doc:"登録日"`
	Treatment     yamlpos.Str   `yaml:"treatment" doc:"対応"`
}

// SelfCheck is selfcheck.yaml: the 25-item self-diagnosis and the 5か条.
type SelfCheck struct {
	Title   yamlpos.Str `yaml:"title,required" doc:"自社診断の見出し"`
	Lead    yamlpos.Str `yaml:"lead,required" doc:"見出しの下の一文"`
	Answers []Answer    `yaml:"answers,required" doc:"回答の選択肢と点数"`
	Parts   []Part      `yaml:"parts,required" doc:"診断の部（基本的対策・従業員・組織）"`
	Bands   []DiagBand  `yaml:"bands,required" doc:"合計点の判定"`
	NotUsed yamlpos.Str `yaml:"not_used_note" doc:"使っていない項目の扱いの説明"`
	Gokajo  Gokajo      `yaml:"gokajo,required" doc:"情報セキュリティ5か条"`
}

// Answer is one answer choice with its points.
type Answer struct {
	Loc    diag.Loc    `yaml:"-"`
	Label  yamlpos.Str `yaml:"label,required" doc:"回答の文"`
	Points yamlpos.Int `yaml:"points,required" doc:"回答の点数"`
}

// Part is one part of the self-diagnosis.
type Part struct {
	ID    yamlpos.Str `yaml:"id,required" doc:"部の id"`
	Title yamlpos.Str `yaml:"title,required" doc:"部の見出し"`
	Items []DiagItem  `yaml:"items,required" doc:"設問"`
}

// DiagItem is one question of the self-diagnosis.
type DiagItem struct {
	No     yamlpos.Int `yaml:"no,required" doc:"設問の番号（1 から通し番号）"`
	Text   yamlpos.Str `yaml:"text,required" doc:"設問の文"`
	Advice yamlpos.Str `yaml:"advice" doc:"「実施していない」「わからない」と答えた人へのひとこと（報告書の「やることリスト」に載ります）"`
}

// DiagBand is one judgement band of the total score: totals >= Min.
type DiagBand struct {
	Loc    diag.Loc    `yaml:"-"`
	Min    yamlpos.Int `yaml:"min,required" doc:"この判定になる合計点の最小"`
	Label  yamlpos.Str `yaml:"label,required" doc:"判定の名前"`
	Action yamlpos.Str `yaml:"action,required" doc:"この判定のときにすること"`
}

// Gokajo is the 情報セキュリティ5か条.
type Gokajo struct {
	Title yamlpos.Str  `yaml:"title,required" doc:"5か条の見出し"`
	Items []GokajoItem `yaml:"items,required" doc:"5つの条"`
}

// GokajoItem is one of the five.
type GokajoItem struct {
	Title yamlpos.Str `yaml:"title,required" doc:"条の見出し"`
	Text  yamlpos.Str `yaml:"text,required" doc:"条の説明"`
}
