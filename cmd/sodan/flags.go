package main

// The commands' flags, and what sodan says of a mistake in them.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlags returns an empty flag set for the command name.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("sodan "+name, flag.ContinueOnError)
	// The flag package's own messages are in English: parse prints ours.
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args with fs. On -h it prints the command's options to
// stdout; on a mistake it says what is wrong in Japanese, with the usage,
// on stderr. ok is false when the command should end with code.
func parse(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	err := fs.Parse(args)
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		printOptions(stdout, fs)
		return 0, false
	}
	fmt.Fprintf(stderr, "%s: %s\n", fs.Name(), flagMessage(err))
	printOptions(stderr, fs)
	return 2, false
}

// flagMessage puts the flag package's error into Japanese.
func flagMessage(err error) string {
	msg := err.Error()
	for _, m := range []struct{ prefix, format string }{
		{"flag provided but not defined: ", "「%s」というオプションはありません"},
		{"flag needs an argument: ", "オプション %s には値が必要です"},
		{"bad flag syntax: ", "「%s」はオプションの書き方になっていません"},
	} {
		if rest, ok := strings.CutPrefix(msg, m.prefix); ok {
			return fmt.Sprintf(m.format, rest)
		}
	}
	if strings.HasPrefix(msg, "invalid ") {
		return "オプションの値が正しくありません（" + msg + "）"
	}
	return msg
}

// printOptions lists fs's options with their Japanese help.
func printOptions(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "使い方: %s のオプション:\n", fs.Name())
	fs.VisitAll(func(f *flag.Flag) {
		name, help := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  -%s %s\n    \t%s", f.Name, name, help)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, "（指定しないときは %s）", f.DefValue)
		}
		fmt.Fprintln(w)
	})
}
