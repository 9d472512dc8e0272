package spec_test

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"sodan/internal/diag"
	"sodan/internal/layout/layouttest"
	"sodan/internal/layout/spec"
)

// reader reads one layout file from fsys and returns its problems.
type reader struct {
	file string
	read func(fsys fs.FS) diag.List
}

func readers(t *testing.T) []reader {
	scale := layouttest.Bundled(t).Risk.Scale
	sl, errs := spec.ReadSlides(layouttest.Layouts(t), "layouts")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	nu, errs := spec.ReadNUp(layouttest.Layouts(t), "layouts", sl.W, sl.H)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return []reader{
		{spec.QuickListFile, func(fsys fs.FS) diag.List { _, errs := spec.ReadQuickList(fsys, "layouts"); return errs }},
		{spec.SlidesFile, func(fsys fs.FS) diag.List { _, errs := spec.ReadSlides(fsys, "layouts"); return errs }},
		{spec.NUpFile, func(fsys fs.FS) diag.List { _, errs := spec.ReadNUp(fsys, "layouts", 338.667, 190.5); return errs }},
		{spec.ReportFile, func(fsys fs.FS) diag.List { _, errs := spec.ReadReport(fsys, "layouts", scale); return errs }},
		{spec.WorkbookFile, func(fsys fs.FS) diag.List { _, errs := spec.ReadWorkbook(fsys, "layouts", scale); return errs }},
		{spec.EventFile, func(fsys fs.FS) diag.List { _, errs := spec.ReadEvent(fsys, "layouts", sl, nu); return errs }},
	}
}

// bundled returns the text of a bundled layout file.
func bundled(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(layouttest.Layouts(t), name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edited is the bundled file name with each old text replaced once.
func edited(t *testing.T, name string, repl ...string) string {
	t.Helper()
	s := bundled(t, name)
	for i := 0; i+1 < len(repl); i += 2 {
		if !strings.Contains(s, repl[i]) {
			t.Fatalf("%s has no %q; update this test", name, repl[i])
		}
		s = strings.Replace(s, repl[i], repl[i+1], 1)
	}
	return s
}

// at is the position, in layouts/name, of the text after marker in s.
func at(name, s, marker string) string {
	i := strings.Index(s, marker) + len(marker)
	line := strings.Count(s[:i], "\n") + 1
	col := utf8.RuneCountInString(s[strings.LastIndex(s[:i], "\n")+1:i]) + 1
	return fmt.Sprintf("layouts/%s:%d:%d: ", name, line, col)
}

// wantAll checks that every message of want is in errs, each at the
// position given with it.
func wantAll(t *testing.T, errs diag.List, want ...string) {
	t.Helper()
	got := errs.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
}

func TestBundledLayouts(t *testing.T) {
	for _, r := range readers(t) {
		if errs := r.read(layouttest.Layouts(t)); len(errs) > 0 {
			t.Errorf("%s: %v", r.file, errs)
		}
	}
	ql, _ := spec.ReadQuickList(layouttest.Layouts(t), "layouts")
	if ql.Cols != 2 || ql.Composition.MinLastLine != 3 || ql.W != 210 || ql.Styles.Phone.Size < spec.MinPhonePt || ql.Styles.Title.Loc.Field != "styles.title" {
		t.Errorf("quick list: %d cols, min_last_line %d, width %g, phone %gpt, title style at %v", ql.Cols, ql.Composition.MinLastLine, ql.W, ql.Styles.Phone.Size, ql.Styles.Title.Loc)
	}
	sl, _ := spec.ReadSlides(layouttest.Layouts(t), "layouts")
	if sl.Composition.MinLastLine != 4 || sl.Type.Bullets[2].Size != 21 || sl.Type.Title.MinSize != 28 || sl.CardRule != 0.5 {
		t.Errorf("slides: min_last_line %d, bullets %v, title %+v", sl.Composition.MinLastLine, sl.Type.Bullets, sl.Type.Title)
	}
	// A style without min_size does not shrink.
	if sl.Type.Footer.MinSize != 7 || ql.Styles.Edition.MinSize != ql.Styles.Edition.Size {
		t.Errorf("min sizes: footer %g, edition %g/%g", sl.Type.Footer.MinSize, ql.Styles.Edition.MinSize, ql.Styles.Edition.Size)
	}
	wb, _ := spec.ReadWorkbook(layouttest.Layouts(t), "layouts", nil)
	if wb.Font != "BIZ UDPゴシック" || wb.LedgerRows != 100 || len(wb.Bands) != 3 || wb.Bands[0].Fill != "#9C1C1C" || wb.Widths["asset"] != 18 || wb.Margins.Left != 8 {
		t.Errorf("workbook: %+v", wb)
	}
	n, _ := spec.ReadNUp(layouttest.Layouts(t), "layouts", 338.667, 190.5)
	if v, ok := n.Variant("3up"); !ok || !v.NoteLines || v.LinesGap != 6 || n.Notes.RuleGap != 2 {
		t.Errorf("nup: %+v", n)
	}
}

// TestEveryNumberChecked replaces each number written in each bundled
// layout file, one at a time, with a value no layout can use (NaN, a
// negative number, a huge one): every time, the reader reports a problem
// on that very line. So no layout value reaches a planner or a renderer
// unchecked, and every problem has a position.
func TestEveryNumberChecked(t *testing.T) {
	number := regexp.MustCompile(`([:\[,] *)(-?[0-9]+(?:\.[0-9]+)?)([ ,\]}]|$)`)
	for _, r := range readers(t) {
		lines := strings.Split(bundled(t, r.file), "\n")
		tried := 0
		for li, line := range lines {
			code, _, _ := strings.Cut(line, "#")
			for _, m := range number.FindAllStringSubmatchIndex(code, -1) {
				for _, bad := range []string{"nan", "-1", "1e9"} {
					changed := append([]string(nil), lines...)
					changed[li] = line[:m[4]] + bad + line[m[5]:]
					fsys := fstest.MapFS{r.file: {Data: []byte(strings.Join(changed, "\n"))}}
					errs := r.read(fsys)
					found := false
					for _, d := range errs {
						found = found || d.Pos.Line == li+1 && d.Pos.File == "layouts/"+r.file
					}
					if !found {
						t.Errorf("%s:%d: %s accepted in %q (problems: %v)", r.file, li+1, bad, strings.TrimSpace(line), errs)
					}
				}
				tried++
			}
		}
		if tried < 10 {
			t.Errorf("%s: only %d numbers found; is the pattern right?", r.file, tried)
		}
		t.Logf("%s: %d numbers", r.file, tried)
	}
}

// TestEveryProblemAtOnce breaks a file in several places: each problem
// comes back, with its own position, in one read.
func TestEveryProblemAtOnce(t *testing.T) {
	s := edited(t, spec.SlidesFile,
		"  title: {size: 30,", "  title: {size: 260,",
		"  panel: \"#E9EEF5\"", "  panel: \"E9EEF5\"",
		"  gap_x: 4 ", "  gap_y: 4 ",
		"    - {size: 21, min_size: 18, leading: 1.3}\n", "",
	)
	_, errs := spec.ReadSlides(fstest.MapFS{spec.SlidesFile: {Data: []byte(s)}}, "layouts")
	f := spec.SlidesFile
	wantAll(t, errs,
		at(f, s, "  title: {size: ")+"type.title.size: 4 以上 200 以下の値にしてください（単位は pt）",
		at(f, s, "  panel: ")+"colors.panel: 色は #RRGGBB の形で書いてください",
		at(f, s, "flow: # 相談対応フローの図\n  split_below: 18 # 箱の文字（flow_box）がこれより小さくなるなら、枝を畳んで次のスライドに続ける\n  ")+"flow.gap_y: 不明なキー「gap_y」です",
		at(f, s, "  bullets: # body: 1〜3 段目（4 段目は 3 段目と同じ大きさでさらに字下げ）\n    - ")+"type.bullets: bullets には 1〜3 段目の三つの大きさを書いてください（いまは 2）",
	)
	if len(errs.Sorted()) != 5 { // the four, and flow.gap_x now missing
		t.Errorf("%d problems, want 5:\n%v", len(errs.Sorted()), errs)
	}
}

// TestBulletsAtTheirLine: two entries under type.bullets are reported at
// the entries, not at another key of the file.
func TestBulletsAtTheirLine(t *testing.T) {
	s := edited(t, spec.SlidesFile, "    - {size: 21, min_size: 18, leading: 1.3}\n", "")
	_, errs := spec.ReadSlides(fstest.MapFS{spec.SlidesFile: {Data: []byte(s)}}, "layouts")
	if len(errs) != 1 {
		t.Fatalf("want one problem, got:\n%v", errs)
	}
	lines := strings.Split(s, "\n")
	if l := errs[0].Pos.Line; !strings.HasPrefix(strings.TrimSpace(lines[l-1]), "- {size: 25") {
		t.Errorf("reported at line %d %q, want the first entry under bullets: %v", l, lines[l-1], errs)
	}
}

// TestProblemsAtTheirPositions breaks each file in the ways its own rules
// forbid: every problem comes back at the value's position.
func TestProblemsAtTheirPositions(t *testing.T) {
	byFile := map[string]reader{}
	for _, r := range readers(t) {
		byFile[r.file] = r
	}
	for _, c := range []struct {
		file  string
		edits []string
		want  func(at func(marker string) string) []string
	}{{
		spec.QuickListFile, []string{
			"  phone: {size: 14,", "  phone: {size: 12,",
			"  body: {size: 9,", "  body: {size: 8,",
			"qr: # Web だけの窓口の QR コード（読み取り余白を含む一辺）\n  size: 20", "qr: # Web だけの窓口の QR コード（読み取り余白を含む一辺）\n  size: 15",
			"  gutter:", "  gutte:",
			"  tint: \"#E6ECF5\"", "  tint: \"E6ECF5\"",
			"  title: {size: 20, min_size: 16, leading: 1.2, bold: true, color: \"#14386B\"}", "  title: {size: 20, min_size: 16, leading: 1.2, bold: true}",
		}, func(at func(string) string) []string {
			return []string{
				at("  phone: {size: ") + "styles.phone.size: 電話番号の文字は 14pt 以上",
				at("  body: {size: ") + "styles.body.size: 本文の文字は 9pt 以上",
				at("（読み取り余白を含む一辺）\n  size: ") + "qr.size: QR コードは 20mm 以上",
				at("grid:\n  columns: 2\n  ") + "grid.gutte: 不明なキー「gutte」",
				at("  tint: ") + "colors.tint: 色は #RRGGBB",
				at("  title: ") + "styles.title: color を書いてください",
			}
		},
	}, {
		spec.ReportFile, []string{
			"    action: 50", "    action: 90",
			"  cell: {size: 9,", "  cell: {size: 7,",
			"  paragraph: 1.5", "  paragrph: 1.5",
			`bands: ["#EFA79E", "#F7D98C", "#EAF4E4"]`, `bands: ["#EFA79E", "#F7D98C"]`,
			"    treatment: 18", "    treatment: 118",
			"  box_width: 56", "  box_width: 126",
			"  axis_width: 24", "  axis_width: 150",
			"  names: 4", "  names: 2.5",
		}, func(at func(string) string) []string {
			return []string{
				at("plan:\n  columns:\n    asset: ") + "plan.columns.asset: 列の幅の合計（189mm）が大きすぎます。対応の説明の列に 40mm 以上残るよう、合計を 150mm 以下にしてください",
				at("  box_width: ") + "score.box_width: 箱・部の名前・点数の幅の合計（196mm）が大きすぎます",
				at("  axis_width: ") + "heatmap.axis_width: マスの幅が 20mm 未満になります",
				at("  names: ") + "heatmap.names: ",
				at("    asset: ") + "table.columns.asset: 列の幅の合計（230mm）が本文の幅（190mm）を超えています",
				at("  cell: {size: ") + "styles.cell.size: 本文の文字は 9pt 以上",
				at("  heading: 2.5 # 節の見出しの下\n  ") + "gaps.paragrph: 不明なキー「paragrph」",
				at(`bands: [`) + "colors.bands: 判定の色が 2 個しかありません。尺度「current」の判定 3 個（大・中・小）",
			}
		},
	}, {
		spec.NUpFile, []string{
			"    rows: 3\n    slide_width: 114\n", "    rows: 2\n    slide_width: 160\n",
			"    line_spacing: 8\n", "",
			"  - id: 6up", "  - id: 3up",
		}, func(at func(string) string) []string {
			return []string{
				at("    slide_width: ") + "variants[0].slide_width: スライドの幅 160mm ではメモ欄が 30mm 未満になります",
				at("    note_lines: ") + "variants[0].note_lines: note_lines を使うときは line_spacing（罫線の間隔）を 4〜30mm で書いてください",
				at("# スライドの間（縦）\n    column_gap: 8\n    note_lines: true\n    line_width: 0.2\n    lines_gap: 6 # スライドの右端からメモ欄の罫線まで\n  - id: ") + "variants[1].id: 配布資料の形「3up」が二度書かれています",
			}
		},
	}, {
		spec.EventFile, []string{
			"  event_detail: {size: 20, min_size: 18,", "  event_detail: {size: 20, min_size: 16,",
			"handouts: [3up, 6up]", "handouts: [3up, 4up]",
			"  phone: {size: 16, min_size: 14, leading: 1.15, bold: true}", "  phone: {size: 16, min_size: 14, leading: 1.15}",
			"  qr_size: 30", "  qr_size: 15",
			"  event: {size: 8.5,", "  event: {size: 80,",
			"  text: {size: 7.5, min_size: 7,", "  text: {size: 7.5, min_size: 6,",
			"  item: {size: 12.5, min_size: 10.5,", "  item: {size: 12.5, min_size: 8,",
		}, func(at func(string) string) []string {
			return []string{
				at("  event_detail: {size: 20, min_size: ") + "slides.event_detail.min_size: 投影したスライドを会場の後ろから読めるよう、18pt 以上にしてください（min_size も含む。floors.body が 18pt）",
				at("handouts: [3up, ") + "handouts[1]: 配布資料の形「4up」は nup-a4.yaml の variants にありません",
				at("  phone: {size: ") + "programme.phone.size: 電話番号は太字（bold: true）にしてください",
				at("  qr_size: ") + "programme.qr_size: QR コードは 20mm 以上",
				at("  event: ") + "handout.event: 配布資料「3up」では、見出しにセミナー名の行を足すとスライドと重なります",
				at("  text: {size: 7.5, min_size: ") + "quicklist.text.min_size: クイックリストの枠の文字は 7pt 以上",
				at("  item: {size: 12.5, min_size: ") + "programme.item.min_size: 式次第の文字は 9pt 以上",
			}
		},
	}} {
		t.Run(c.file, func(t *testing.T) {
			s := edited(t, c.file, c.edits...)
			errs := byFile[c.file].read(fstest.MapFS{c.file: {Data: []byte(s)}})
			wantAll(t, errs, c.want(func(marker string) string { return at(c.file, s, marker) })...)
		})
	}
}

// TestMissingFile: a layout file that cannot be read is named.
func TestMissingFile(t *testing.T) {
	for _, r := range readers(t) {
		errs := r.read(fstest.MapFS{})
		if len(errs) != 1 || errs[0].Pos.File != "layouts/"+r.file || !strings.Contains(errs[0].Msg, "レイアウトのファイルを読めません") {
			t.Errorf("%s: %v", r.file, errs)
		}
	}
}

// TestSlideFloors: no slide text may shrink below its projection floor:
// a min_size under the floor of its kind is refused where it is written,
// and so is a floor under the project's own.
func TestSlideFloors(t *testing.T) {
	f := spec.SlidesFile
	s := edited(t, f,
		"  body: 18 #", "  body: 16 #",
		"  card_phone: {size: 40, min_size: 24,", "  card_phone: {size: 40, min_size: 20,",
		"  note: {size: 15, min_size: 14,", "  note: {size: 15, min_size: 12,",
		"  title: {size: 30, min_size: 28,", "  title: {size: 30, min_size: 26,",
		"  flow_box: {size: 20, min_size: 16,", "  flow_box: {size: 20, min_size: 15,",
	)
	_, errs := spec.ReadSlides(fstest.MapFS{f: {Data: []byte(s)}}, "layouts")
	wantAll(t, errs,
		at(f, s, "  body: ")+"floors.body: 投影したスライドを会場の後ろから読めるよう、18pt 以上にしてください",
		at(f, s, "  card_phone: {size: 40, min_size: ")+"type.card_phone.min_size: 投影したスライドを会場の後ろから読めるよう、24pt 以上にしてください（min_size も含む。floors.phone が 24pt）",
		at(f, s, "  note: {size: 15, min_size: ")+"type.note.min_size: 投影したスライドを会場の後ろから読めるよう、14pt 以上にしてください（min_size も含む。floors.caption が 14pt）",
		at(f, s, "  title: {size: 30, min_size: ")+"type.title.min_size: 投影したスライドを会場の後ろから読めるよう、28pt 以上にしてください（min_size も含む。floors.title が 28pt）",
		at(f, s, "  flow_box: {size: 20, min_size: ")+"type.flow_box.min_size: 投影したスライドを会場の後ろから読めるよう、16pt 以上にしてください（min_size も含む。floors.flow が 16pt）",
	)
	// A floor raised in the file holds for its styles.
	s = edited(t, f, "  caption: 14 #", "  caption: 16 #")
	_, errs = spec.ReadSlides(fstest.MapFS{f: {Data: []byte(s)}}, "layouts")
	wantAll(t, errs, at(f, s, "  note: {size: 15, min_size: ")+"type.note.min_size: 投影したスライドを会場の後ろから読めるよう、16pt 以上にしてください")
	// The footer has no floor.
	if sl, errs := spec.ReadSlides(layouttest.Layouts(t), "layouts"); len(errs) > 0 || sl.Type.Footer.MinSize >= spec.MinSlideCaptionPt {
		t.Errorf("footer %v, %v", sl.Type.Footer, errs)
	}
}

// TestComposition: the 和欧間 of a layout file lies between an eighth and
// a quarter of an em, and a last line keeps at least three characters.
func TestComposition(t *testing.T) {
	for _, name := range []string{spec.QuickListFile, spec.SlidesFile, spec.NUpFile, spec.EventFile} {
		s := edited(t, name, "  latin_space: 0.25", "  latin_space: 0.5", "  min_last_line: ", "  min_last_line: 2 #")
		var errs diag.List
		for _, r := range readers(t) {
			if r.file == name {
				errs = r.read(fstest.MapFS{name: {Data: []byte(s)}})
			}
		}
		wantAll(t, errs,
			at(name, s, "  latin_space: ")+"composition.latin_space: 和文と欧文・数字の間は 0.125〜0.25 em にしてください",
			at(name, s, "  min_last_line: ")+"composition.min_last_line: 3 以上 10 以下の整数にしてください",
		)
	}
}
