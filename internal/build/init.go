package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"sodan"
)

// Init writes a new project into dir, which must be empty or absent: the
// sources and layouts bundled in the binary, and readme as README.md. It
// returns how many files it wrote. A file that already exists is never
// overwritten (the folder is checked again file by file).
func Init(dir string, readme []byte) (int, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return 0, fmt.Errorf("%s は空ではありません。中のファイルを上書きしないよう、空のフォルダか新しいフォルダを指定してください", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, fmt.Errorf("%s を開けません（%s）", dir, plainErr(err))
	}
	n := 0
	write := func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		n++
		return err
	}
	err := fs.WalkDir(sodan.Bundle, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sodan.Bundle, p)
		if err != nil {
			return err
		}
		return write(p, data)
	})
	if err == nil {
		err = os.MkdirAll(filepath.Join(dir, "sources", "decks"), 0o755)
	}
	if err == nil {
		err = write("README.md", readme)
	}
	if err != nil {
		return n, fmt.Errorf("プロジェクトを書けません: %w", err)
	}
	return n, nil
}
