package main

import (
	_ "embed"
	"fmt"
	"io"

	"sodan/internal/build"
)

//go:embed project-readme.md
var projectReadme []byte

// runInit writes a new project into an empty (or new) folder: the
// bundled sources and layouts, and a README of the folder, all from the
// binary itself.
func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", stderr)
	if code, ok := parse(fs, args, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "sodan init: プロジェクトをつくるフォルダを 1 つ指定してください\n%s", usage)
		return 2
	}
	dir := fs.Arg(0)
	files, err := build.Init(dir, projectReadme)
	if err != nil {
		fmt.Fprintln(stderr, "sodan init:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s に新しいプロジェクトをつくりました（%d ファイル）。cd %s してから sodan build を実行してください\n", dir, files, dir)
	return 0
}
