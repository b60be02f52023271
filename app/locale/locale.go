// Package locale keeps Fyne quiet in a C locale. Fyne reads the locale when
// its packages load and logs three error lines for "C.UTF-8", the default in
// containers and CI, on every run of every command. Its locale library knows
// plain "C" but not "C.UTF-8", and it takes $LANGUAGE for any other locale,
// so English is named there when the locale is a C one: the language the C
// locale speaks anyway.
//
// Import it first in main, for its init to run before Fyne's. It imports
// nothing but os, so it is ready, and run, long before Fyne's packages are.
package locale

import "os"

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			if isC(v) {
				os.Setenv("LANGUAGE", "en")
			}
			return
		}
	}
}

// isC reports whether v is the C or POSIX locale with an encoding, which
// the locale library cannot parse; bare "C" and "POSIX" it handles.
func isC(v string) bool {
	lang, enc, ok := cut(v)
	return ok && enc != "" && (lang == "C" || lang == "POSIX")
}

func cut(v string) (before, after string, found bool) {
	for i := 0; i < len(v); i++ {
		if v[i] == '.' {
			return v[:i], v[i+1:], true
		}
	}
	return v, "", false
}
