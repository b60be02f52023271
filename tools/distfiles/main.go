// Command distfiles writes what the Linux packages hold besides the binary,
// each made from its one source: the manual page (the command table and
// the README), the bash, zsh and fish completions (the command table), the
// icon at the hicolor sizes (assets' drawing), the desktop entry
// (platform/xdg) and the AppStream metainfo (packaging/). `make man`, `make
// deb` and `make rpm` run it:
//
//	go run ./tools/distfiles -out dist/share -version v0.1.0
//
// With -pkg-version it prints instead the package version that `git
// describe` output makes, for nfpm.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pingwise/pingwise/assets"
	"github.com/pingwise/pingwise/cli"
	"github.com/pingwise/pingwise/platform/xdg"
)

// iconSizes are the hicolor sizes desktops look the icon up at.
var iconSizes = []int{16, 22, 24, 32, 48, 64, 128, 256, 512}

// exe is where the packages put the binary.
const exe = "/usr/bin/pingwise"

func main() {
	out := flag.String("out", "dist/share", "the `folder` to write into")
	version := flag.String("version", "", "the version the manual page names")
	describe := flag.String("pkg-version", "", "print the package version for this `git describe` output, and write nothing")
	root := flag.String("root", ".", "the source tree: README.md and packaging/")
	flag.Parse()
	if *describe != "" {
		v, err := pkgVersion(*describe, fyneVersion(*root))
		if err != nil {
			fail(err)
		}
		fmt.Println(v)
		return
	}
	if err := write(*root, *out, *version, time.Now()); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "distfiles:", err)
	os.Exit(1)
}

// write puts every file under out, as the packages lay them out below
// /usr/share.
func write(root, out, version string, now time.Time) error {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return err
	}
	var man bytes.Buffer
	if err := cli.WriteMan(&man, string(readme), version, now); err != nil {
		return err
	}
	files := map[string][]byte{
		"man/man1/pingwise.1.gz": gz(man.Bytes()),
	}
	for shell, path := range map[string]string{
		"bash": "bash-completion/completions/pingwise",
		"zsh":  "zsh/vendor-completions/_pingwise",
		"fish": "fish/vendor_completions.d/pingwise.fish",
	} {
		var b bytes.Buffer
		if err := cli.WriteCompletion(&b, shell); err != nil {
			return err
		}
		files[path] = b.Bytes()
	}
	for _, n := range iconSizes {
		files[fmt.Sprintf("icons/hicolor/%dx%d/apps/%s.png", n, n, xdg.ID)] = assets.AppIcon(n)
	}
	entry, err := xdg.AppEntry(exe, "")
	if err != nil {
		return err
	}
	files["applications/"+xdg.DesktopFile] = []byte(entry)
	meta, err := os.ReadFile(filepath.Join(root, "packaging", xdg.ID+".metainfo.xml"))
	if err != nil {
		return err
	}
	files["metainfo/"+xdg.ID+".metainfo.xml"] = meta
	for name, data := range files {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// gz compresses b as Debian and Fedora keep manual pages, with no name or
// time in the header, so the same page makes the same file.
func gz(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// fyneVersion is FyneApp.toml's Version: the release being worked towards.
func fyneVersion(root string) string {
	b, err := os.ReadFile(filepath.Join(root, "FyneApp.toml"))
	if err != nil {
		return "0.0.0"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, "="); ok && strings.TrimSpace(k) == "Version" {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return "0.0.0"
}

// pkgVersion turns `git describe --tags --always --dirty` output into a
// version both dpkg and rpm order right: a tag v1.2.0 is 1.2.0, four
// commits after it 1.2.0.git4.gabc1234, and a tree with no tag yet is a
// snapshot before the release FyneApp.toml names, 0.1.0~git.abc1234. A
// changed tree adds .dirty.
func pkgVersion(describe, next string) (string, error) {
	d := strings.TrimSpace(describe)
	dirty := strings.HasSuffix(d, "-dirty")
	d = strings.TrimSuffix(d, "-dirty")
	var v string
	if tag, ok := strings.CutPrefix(d, "v"); ok && tag != "" && tag[0] >= '0' && tag[0] <= '9' {
		parts := strings.Split(tag, "-")
		switch {
		case len(parts) == 1:
			v = tag
		case len(parts) >= 3 && strings.HasPrefix(parts[len(parts)-1], "g"):
			n := len(parts)
			v = strings.Join(parts[:n-2], ".") + ".git" + parts[n-2] + "." + parts[n-1]
		default:
			v = strings.Join(parts, ".")
		}
	} else {
		for _, r := range d {
			if !strings.ContainsRune("0123456789abcdef", r) {
				return "", fmt.Errorf("cannot make a package version of %q", describe)
			}
		}
		if d == "" {
			return "", fmt.Errorf("no version: git describe printed nothing")
		}
		v = next + "~git." + d
	}
	if dirty {
		v += ".dirty"
	}
	return v, nil
}
