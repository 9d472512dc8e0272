package source

import (
	"sodan/internal/diag"
	"sodan/internal/yamlpos"
)

// Risk is risk.yaml: the IPA detailed risk-analysis method as data.
type Risk struct {
	Title            yamlpos.Str    `yaml:"title,required"`
	Scale            yamlpos.Str    `yaml:"scale,required"`
	Scales           []Scale        `yaml:"scales,required"`
	Threat           []Level        `yaml:"threat_levels,required"`
	Vulnerability    []Level        `yaml:"vulnerability_levels,required"`
	Likelihood       []Cell         `yaml:"likelihood,required"`
	LikelihoodLevels []Level        `yaml:"likelihood_levels,required"`
	PersonalInfo     []yamlpos.Str  `yaml:"personal_info_flags,required"`
	PersonalInfoNote yamlpos.Str    `yaml:"personal_info_note,required"`
	Treatments       []Treatment    `yaml:"treatments,required"`
	Media            []yamlpos.Str  `yaml:"media,required"`
	Columns          []LedgerColumn `yaml:"ledger_columns,required"`
	Examples         []Example      `yaml:"examples,required"`
}

// Scale is one edition of the importance scale (the old 0–2 or the current
// 1–3) with its judgement bands.
type Scale struct {
	Loc    diag.Loc     `yaml:"-"`
	ID     yamlpos.Str  `yaml:"id,required"`
	Name   yamlpos.Str  `yaml:"name,required"`
	Note   yamlpos.Str  `yaml:"note"`
	Levels []ScaleLevel `yaml:"levels,required"`
	Bands  []Band       `yaml:"bands,required"`
}

// ScaleLevel is one level of 機密性・完全性・可用性 and 重要度.
type ScaleLevel struct {
	Loc             diag.Loc    `yaml:"-"`
	Value           yamlpos.Int `yaml:"value,required"`
	Label           yamlpos.Str `yaml:"label,required"`
	Meaning         yamlpos.Str `yaml:"meaning,required"`
	Confidentiality yamlpos.Str `yaml:"confidentiality,required"`
	Integrity       yamlpos.Str `yaml:"integrity,required"`
	Availability    yamlpos.Str `yaml:"availability,required"`
}

// Band is one judgement band of the risk value: values >= Min (and below
// the next higher band) get Label.
type Band struct {
	Loc     diag.Loc    `yaml:"-"`
	Label   yamlpos.Str `yaml:"label,required"`
	Min     yamlpos.Int `yaml:"min,required"`
	Meaning yamlpos.Str `yaml:"meaning,required"`
	Action  yamlpos.Str `yaml:"action,required"`
}

// Level is one level of a 1–3 scale (threat, vulnerability, likelihood).
type Level struct {
	Loc     diag.Loc    `yaml:"-"`
	Value   yamlpos.Int `yaml:"value,required"`
	Label   yamlpos.Str `yaml:"label,required"`
	Meaning yamlpos.Str `yaml:"meaning,required"`
}

// Cell is one cell of the 被害発生可能性 lookup table.
type Cell struct {
	Loc           diag.Loc    `yaml:"-"`
	Threat        yamlpos.Int `yaml:"threat,required"`
	Vulnerability yamlpos.Int `yaml:"vulnerability,required"`
	Value         yamlpos.Int `yaml:"value,required"`
}

// Treatment is one risk treatment option (低減・回避・移転・保有).
type Treatment struct {
	Name    yamlpos.Str `yaml:"name,required"`
	Text    yamlpos.Str `yaml:"text,required"`
	Example yamlpos.Str `yaml:"example,required"`
}

// LedgerColumn names and explains one column of the asset ledger.
type LedgerColumn struct {
	Loc   diag.Loc    `yaml:"-"`
	ID    yamlpos.Str `yaml:"id,required"`
	Title yamlpos.Str `yaml:"title,required"`
	Help  yamlpos.Str `yaml:"help,required"`
}

// Example is one filled-in row of the asset ledger. C, I and A are ranks:
// 3 high, 2 middle, 1 low, read on the scale in use.
type Example struct {
	Loc           diag.Loc      `yaml:"-"`
	Business      yamlpos.Str   `yaml:"business,required"`
	Asset         yamlpos.Str   `yaml:"asset,required"`
	Note          yamlpos.Str   `yaml:"note"`
	Users         yamlpos.Str   `yaml:"users,required"`
	Owner         yamlpos.Str   `yaml:"owner,required"`
	Medium        yamlpos.Str   `yaml:"medium,required"`
	PersonalInfo  []yamlpos.Str `yaml:"personal_info"`
	C             yamlpos.Int   `yaml:"c,required"`
	I             yamlpos.Int   `yaml:"i,required"`
	A             yamlpos.Int   `yaml:"a,required"`
	Threat        yamlpos.Int   `yaml:"threat,required"`
	Vulnerability yamlpos.Int   `yaml:"vulnerability,required"`
	Retention     yamlpos.Str   `yaml:"retention"`
	Registered    yamlpos.Str   `yaml:"registered,required"`
	Treatment     yamlpos.Str   `yaml:"treatment"`
}

// SelfCheck is selfcheck.yaml: the 25-item self-diagnosis and the 5か条.
type SelfCheck struct {
	Title   yamlpos.Str `yaml:"title,required"`
	Lead    yamlpos.Str `yaml:"lead,required"`
	Answers []Answer    `yaml:"answers,required"`
	Parts   []Part      `yaml:"parts,required"`
	Bands   []DiagBand  `yaml:"bands,required"`
	NotUsed yamlpos.Str `yaml:"not_used_note"`
	Gokajo  Gokajo      `yaml:"gokajo,required"`
}

// Answer is one answer choice with its points.
type Answer struct {
	Loc    diag.Loc    `yaml:"-"`
	Label  yamlpos.Str `yaml:"label,required"`
	Points yamlpos.Int `yaml:"points,required"`
}

// Part is one part of the self-diagnosis.
type Part struct {
	ID    yamlpos.Str `yaml:"id,required"`
	Title yamlpos.Str `yaml:"title,required"`
	Items []DiagItem  `yaml:"items,required"`
}

// DiagItem is one question of the self-diagnosis.
type DiagItem struct {
	No   yamlpos.Int `yaml:"no,required"`
	Text yamlpos.Str `yaml:"text,required"`
}

// DiagBand is one judgement band of the total score: totals >= Min.
type DiagBand struct {
	Loc    diag.Loc    `yaml:"-"`
	Min    yamlpos.Int `yaml:"min,required"`
	Label  yamlpos.Str `yaml:"label,required"`
	Action yamlpos.Str `yaml:"action,required"`
}

// Gokajo is the 情報セキュリティ5か条.
type Gokajo struct {
	Title yamlpos.Str  `yaml:"title,required"`
	Items []GokajoItem `yaml:"items,required"`
}

// GokajoItem is one of the five.
type GokajoItem struct {
	Title yamlpos.Str `yaml:"title,required"`
	Text  yamlpos.Str `yaml:"text,required"`
}
