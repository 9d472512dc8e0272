// Command sodan builds the printed and projected material of an SME
// cybersecurity consultation programme from one set of YAML sources: the
// 相談・届出先クイックリスト (the quick list, A4 PDF), seminar slide decks (16:9 PDF
// and A4 handouts of them) and the リスク分析シート workbook (xlsx), and
// turns a workbook a business has filled in into a report of its results
// (PDF).
//
// Usage:
//
//	sodan check   [-sources DIR] [-stale AGE] [-links]
//	sodan build   [-sources DIR] [-layouts DIR] [-o DIR] [-only quicklist,slides,workbook]
//	sodan build   [-sources DIR] [-layouts DIR] [-o DIR] -event ID|all
//	sodan report  [-sources DIR] [-layouts DIR] [-o DIR] [OLD.xlsx] FILE.xlsx
//	sodan schema  [-sources DIR] [-layouts DIR] [-o DIR]
//	sodan init    DIR
//	sodan version
//
// check reads and validates the sources and reports every problem, one per
// line, as file:line:col: field: message (in Japanese). build does the same
// and then writes the outputs into the output folder (default out/); each
// file is written to a temporary name and renamed into place, and nothing is
// written when any source or layout has a problem.
//
// build -event ID makes, instead of the other outputs, the kit of the
// seminar with that id in sources/events (all: of every seminar) in the
// folder events/YYYYMMDD-ID of the output folder: the programme sheet
// (式次第), the programme's decks with the seminar on their title slides and
// footers and, on the last deck, a closing slide with the survey's QR code
// and whom to ask afterwards, one handout for each N-up variant (the
// programme sheet as its cover, then every deck in order) and the quick
// list with a box naming the organiser and the contact; layouts/event-a4.yaml
// lays out what the kit adds. A seminar whose date has passed is built
// all the same, with a line saying so. An id that names no seminar is a
// wrong use (exit code 2).
//
// report reads a filled-in リスク分析シート (FILE.xlsx), checks every input
// cell against the sources (a bad value is reported as
// FILE.xlsx:ROW:COL: 情報資産管理台帳!K12: message), computes the risk values,
// the risk matrix, the treatment plan and the self-diagnosis total and
// to-do list, and writes the report report-<name of FILE>.pdf into the
// output folder, laid out by layouts/report-a4.yaml. Given an earlier
// filling of the workbook first (OLD.xlsx), the report also says what
// moved since: assets added and removed, risk values and bands that
// changed, and the self-diagnosis points then and now.
//
// Exit codes: 0 success, 1 a problem in the sources or layouts (or the
// build could not be written), 2 wrong usage.
//
// The build date printed in the outputs comes from SOURCE_DATE_EPOCH when it
// is set, otherwise from the edition date in sources/edition.yaml; the same
// sources always give the same bytes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"sodan/internal/build"
	"sodan/internal/diag"
	"sodan/internal/links"
	"sodan/internal/model"
)

// version is set at link time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	gcDefaults()
	// Ctrl-C or a TERM signal stops a build or report before it writes:
	// the output folder is then left as it was, and nothing temporary
	// stays behind.
	stop, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	os.Exit(runStop(stop, os.Args[1:], os.Stdout, os.Stderr))
}

// gcDefaults sets how often the garbage collector runs, unless GOGC or
// GOMEMLIMIT says otherwise. A build lives a fraction of a second and
// allocates a few hundred megabytes, nearly all garbage at once: collecting
// when the heap has grown to five times what is live (GOGC=400), not twice,
// saves a fifth of its CPU time and keeps the bundled build under 60 MiB.
// The soft limit of 125 MiB makes the collector work harder instead of
// letting a very long build (thirty times the bundled content) grow past
// about 150 MiB.
func gcDefaults() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(125 << 20)
	}
}

// buildVersion is the version set at link time, or else the commit the
// binary was built from when Go recorded it.
func buildVersion() string {
	if version != "dev" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "dev (" + s.Value[:12] + ")"
			}
		}
	}
	return version
}

// maxProblems caps the list printed for one run.
const maxProblems = 50

const usage = `使い方:
  sodan check   [-sources DIR] [-stale 365d] [-links]
  sodan build   [-sources DIR] [-layouts DIR] [-o DIR] [-only quicklist,slides,workbook]
  sodan build   [-sources DIR] [-layouts DIR] [-o DIR] -event ID|all
  sodan report  [-sources DIR] [-layouts DIR] [-o DIR] [OLD.xlsx] FILE.xlsx
  sodan init    DIR
  sodan version
`

// run is the whole command: it parses args, does the work and returns the
// exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return runStop(context.Background(), args, stdout, stderr)
}

// runStop is run with a context whose end stops the work before anything
// is written. A panic becomes a short message and exit code 1: no user
// sees a Go stack trace.
func runStop(stop context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "sodan: 内部エラーが起きました（%v）。出力フォルダは書き換えていません。この表示を sodan の開発者に知らせてください\n", r)
			code = 1
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return runCheck(stop, args[1:], stdout, stderr)
	case "build":
		return runBuild(stop, args[1:], stdout, stderr)
	case "report":
		return runReport(stop, args[1:], stdout, stderr)
	case "schema":
		return runSchema(args[1:], stdout, stderr)
	case "init":
		return runInit(args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "sodan", buildVersion())
		return 0
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "sodan: 「%s」というコマンドはありません\n%s", args[0], usage)
	return 2
}

func runCheck(stop context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	sources := fs.String("sources", "sources", "ソースの`フォルダ`")
	stale := fs.String("stale", "", "確認（verified_on）からこの`期間`（365d・18m・2y など）を過ぎた連絡先を古い順に表示する")
	checkLinks := fs.Bool("links", false, "ソースにあるすべての URL に HTTP で問い合わせ、開けないものや転送されるものを表示する")
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sodan check: 余分な引数があります: %s\n", strings.Join(fs.Args(), " "))
		return 2
	}
	var age model.Age
	if *stale != "" {
		var err error
		if age, err = model.ParseAge(*stale); err != nil {
			fmt.Fprintf(stderr, "sodan check: -stale: %v\n", err)
			return 2
		}
	}
	if _, err := os.Stat(*sources); err != nil {
		fmt.Fprintf(stderr, "sodan check: ソースのフォルダ %s を開けません\n", *sources)
		return 1
	}
	book, errs := build.Check(os.DirFS(*sources), *sources)
	if len(errs) > 0 {
		report(stderr, errs, "")
		return 1
	}
	fmt.Fprintf(stdout, "%s: 問題はありません（連絡先 %d 件、状況 %d 件）\n", *sources, len(book.Contacts), len(book.QuickList.Situations))
	code := 0
	if *stale != "" {
		today, err := build.Today()
		if err != nil {
			fmt.Fprintln(stderr, "sodan check:", err)
			return 1
		}
		list := book.StaleContacts(today, age)
		for _, s := range list {
			c := s.Contact
			fmt.Fprintf(stdout, "%s: %s: %s（%s）: %s に確認（%s前）\n", s.Loc.Pos, s.Loc.Field, c.ID, c.Name(), c.VerifiedOn.Format("2006-01-02"), model.Elapsed(c.VerifiedOn, today))
		}
		if len(list) > 0 {
			fmt.Fprintf(stdout, "確認から %sを過ぎた連絡先が %d 件あります（%s 現在）。出典を確かめ直し、verified_on を更新してください\n", age.Japanese(), len(list), today.Format("2006-01-02"))
			code = 1
		} else {
			fmt.Fprintf(stdout, "確認から %sを過ぎた連絡先はありません（%s 現在）\n", age.Japanese(), today.Format("2006-01-02"))
		}
	}
	if *checkLinks {
		bad, n := build.CheckLinks(stop, os.DirFS(*sources), *sources, links.Options{})
		bad.Print(stdout, 0)
		if len(bad) > 0 {
			fmt.Fprintf(stdout, "%d 件の URL のうち %d 件に問題があります\n", n, len(bad.Sorted()))
			code = 1
		} else {
			fmt.Fprintf(stdout, "%d 件の URL はすべて開けました\n", n)
		}
	}
	return code
}

func runBuild(stop context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	opts := build.Options{Warn: stderr}
	fs.StringVar(&opts.Sources, "sources", "sources", "ソースの`フォルダ`")
	fs.StringVar(&opts.Layouts, "layouts", "layouts", "レイアウトの`フォルダ`")
	fs.StringVar(&opts.Out, "o", "out", "出力先の`フォルダ`")
	only := fs.String("only", "", "作る`出力`をカンマ区切りで（"+strings.Join(build.TargetNames(), ",")+"）")
	watch := fs.Bool("watch", false, "ソースやレイアウトが保存されるたびに作り直す（Ctrl-C で終わる）")
	quiet := fs.Bool("q", false, "出力ごとの一覧と合計の行を表示しない")
	fs.BoolVar(&opts.Force, "force", false, "前回から何も変わっていない出力も作り直す")
	fs.StringVar(&opts.Event, "event", "", "ほかの出力の代わりに、この id の`セミナー`（sources/events のもの。all ならすべて）用の一式を出力先の "+build.EventsDir+"/ に作る")
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sodan build: 余分な引数があります: %s\n", strings.Join(fs.Args(), " "))
		return 2
	}
	if opts.Event != "" && *only != "" {
		fmt.Fprintln(stderr, "sodan build: -event と -only は一緒に使えません（-event はセミナー用の一式だけを作ります）")
		return 2
	}
	set, err := build.ParseOnly(*only)
	if err != nil {
		fmt.Fprintln(stderr, "sodan build:", err)
		return 2
	}
	opts.Only = set
	if _, err := os.Stat(opts.Sources); err != nil {
		fmt.Fprintf(stderr, "sodan build: ソースのフォルダ %s を開けません\n", opts.Sources)
		return 1
	}
	opts.Stop = stop
	if *watch {
		return watchBuild(stop, opts, *quiet, stdout, stderr)
	}
	res, err := build.Run(opts)
	if errors.Is(err, build.ErrUnknownEvent) {
		fmt.Fprintln(stderr, "sodan build:", err)
		return 2
	}
	if failed(stderr, "build", err, opts.Out) {
		return 1
	}
	if !*quiet {
		summary(stdout, res)
	}
	return 0
}

// summary prints a line per output (path, pages, size, and the time it
// took or that it was up to date) and a total line, as a static site
// generator's build summary does.
func summary(w io.Writer, res *build.Result) {
	paths := res.Paths()
	width := 0
	for _, p := range paths {
		width = max(width, len(p))
	}
	for i, o := range res.Outputs {
		unit := "ページ"
		if strings.HasSuffix(o.Name, ".xlsx") {
			unit = "シート"
		}
		made := fmt.Sprintf("%5d ms", o.Took.Milliseconds())
		if o.Fresh {
			made = "最新のまま"
		}
		fmt.Fprintf(w, "%-*s %4d %s %7.1f KB  %s\n", width, paths[i], o.Pages, unit, float64(o.Size)/1024, made)
	}
	fresh := len(res.Outputs) - res.Made()
	fmt.Fprintf(w, "%d 個の出力（作り直し %d、最新のまま %d）%.2f 秒\n", len(res.Outputs), res.Made(), fresh, res.Took.Seconds())
}

// watchBuild runs build -watch: a build at once and after every saved
// change, each reported in a few lines, until Ctrl-C.
func watchBuild(stop context.Context, opts build.Options, quiet bool, stdout, stderr io.Writer) int {
	fmt.Fprintf(stdout, "%s と %s を見張っています。保存するたびに作り直します（Ctrl-C で終わります）\n", opts.Sources, opts.Layouts)
	err := build.Watch(stop, opts, func(r build.Round) {
		when := time.Now().Format("15:04:05")
		cause := ""
		if r.Trigger != "" {
			cause = "（" + r.Trigger + " が変わりました）"
		}
		var errs diag.List
		switch {
		case errors.As(r.Err, &errs):
			fmt.Fprintf(stderr, "%s 作り直せませんでした%s。出力は前のままです:\n", when, cause)
			report(stderr, errs, opts.Out)
		case r.Err != nil:
			fmt.Fprintf(stderr, "%s sodan build: %v\n", when, r.Err)
		default:
			fmt.Fprintf(stdout, "%s 作り直しました%s\n", when, cause)
			if !quiet {
				summary(stdout, r.Result)
			}
		}
	})
	if err != nil {
		fmt.Fprintln(stderr, "sodan build:", err)
		return 1
	}
	fmt.Fprintln(stdout, "見張りを終えました")
	return 0
}

// runReport is sodan report: one filled-in workbook, or an earlier filling
// and then the current one to compare them.
func runReport(stop context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("report", stderr)
	var opts build.ReportOptions
	fs.StringVar(&opts.Sources, "sources", "sources", "ソースの`フォルダ`")
	fs.StringVar(&opts.Layouts, "layouts", "layouts", "レイアウトの`フォルダ`")
	fs.StringVar(&opts.Out, "o", "out", "出力先の`フォルダ`")
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}
	switch {
	case fs.NArg() == 0:
		fmt.Fprintf(stderr, "sodan report: 記入したリスク分析シート（.xlsx）を 1 つ指定してください\n%s", usage)
		return 2
	case fs.NArg() > 2:
		fmt.Fprintf(stderr, "sodan report: 余分な引数があります: %s（比べるときは、前回のシート・今回のシートの順に 2 つまで指定します）\n", strings.Join(fs.Args()[2:], " "))
		return 2
	case fs.NArg() == 2:
		opts.Previous = fs.Arg(0)
	}
	opts.Workbook = fs.Arg(fs.NArg() - 1)
	if _, err := os.Stat(opts.Sources); err != nil {
		fmt.Fprintf(stderr, "sodan report: ソースのフォルダ %s を開けません\n", opts.Sources)
		return 1
	}
	opts.Stop = stop
	written, err := build.Report(opts)
	if failed(stderr, "report", err, opts.Out) {
		return 1
	}
	fmt.Fprintln(stdout, written)
	return 0
}

// runSchema writes the JSON Schema of every kind of source and layout
// file into the schemas folder of the sources and of the layouts (or all
// into one folder with -o), for editors with the YAML language server.
func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("schema", stderr)
	sources := fs.String("sources", "sources", "ソースの`フォルダ`（スキーマはその中の schemas に書く）")
	layouts := fs.String("layouts", "layouts", "レイアウトの`フォルダ`（スキーマはその中の schemas に書く）")
	out := fs.String("o", "", "すべてのスキーマをこの`フォルダ`に書く")
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sodan schema: 余分な引数があります: %s\n", strings.Join(fs.Args(), " "))
		return 2
	}
	schemas, err := build.Schemas()
	if err != nil {
		fmt.Fprintln(stderr, "sodan schema:", err)
		return 1
	}
	// Where each goes; a file already there is replaced only when it is a
	// schema sodan wrote (its $id is its own name), so nothing of the
	// user's is overwritten. Every file is checked before any is written.
	paths := make([]string, len(schemas))
	var refused []string
	for i, s := range schemas {
		dir := *out
		if dir == "" {
			dir = filepath.Join(map[string]string{"sources": *sources, "layouts": *layouts}[s.Dir], build.SchemaDir)
		}
		paths[i] = filepath.Join(dir, s.Name)
		if old, err := os.ReadFile(paths[i]); err == nil && !build.IsSchema(old, s.Name) {
			refused = append(refused, paths[i])
		}
	}
	if len(refused) > 0 {
		fmt.Fprintf(stderr, "sodan schema: %s は sodan が書いたスキーマではないので、上書きしません。別の名前に変えるか、-o で別のフォルダを指定してください\n", strings.Join(refused, ", "))
		return 1
	}
	for i, s := range schemas {
		if err := os.MkdirAll(filepath.Dir(paths[i]), 0o755); err != nil {
			fmt.Fprintln(stderr, "sodan schema:", err)
			return 1
		}
		if err := os.WriteFile(paths[i], s.Data, 0o644); err != nil {
			fmt.Fprintln(stderr, "sodan schema:", err)
			return 1
		}
		fmt.Fprintln(stdout, paths[i])
	}
	return 0
}

// failed prints err, if any, for the command: problems in the sources
// one per line with the closing count, anything else on one line. It
// reports whether there was an error.
func failed(stderr io.Writer, command string, err error, out string) bool {
	var errs diag.List
	switch {
	case errors.As(err, &errs):
		report(stderr, errs, out)
	case err != nil:
		fmt.Fprintf(stderr, "sodan %s: %v\n", command, err)
	}
	return err != nil
}

// report prints the problems and a closing line in Japanese.
func report(w io.Writer, errs diag.List, out string) {
	errs.Print(w, maxProblems)
	n := len(errs.Sorted())
	if out != "" {
		fmt.Fprintf(w, "%d 件の問題が見つかりました。%s の中身は変更していません。\n", n, out)
	} else {
		fmt.Fprintf(w, "%d 件の問題が見つかりました。\n", n)
	}
}
