package xdg

import (
	"bytes"
	"slices"
	"strings"
)

// dropFromMimeapps removes the desktop file id from the given keys of the
// given groups of a mimeapps.list, and returns the new content and the keys
// it changed. It works line by line and leaves every other byte as it was:
// comments, blank lines, other groups, other keys, the other ids of a
// changed key and their order, line endings. A key left with no id is
// removed, since "key=" would be read as "no handler" rather than "unset".
func dropFromMimeapps(content []byte, id string, groups map[string]map[string]bool) ([]byte, []string) {
	var (
		out     bytes.Buffer
		changed []string
		keys    map[string]bool
	)
	for _, line := range strings.SplitAfter(string(content), "\n") {
		text := strings.TrimRight(line, "\r\n")
		eol := line[len(text):]
		trimmed := strings.TrimSpace(text)
		if strings.HasPrefix(trimmed, "[") {
			keys = groups[strings.TrimSuffix(strings.TrimPrefix(trimmed, "["), "]")]
			out.WriteString(line)
			continue
		}
		rawKey, value, ok := strings.Cut(text, "=")
		key := strings.TrimSpace(rawKey)
		if !ok || strings.HasPrefix(trimmed, "#") || !keys[key] {
			out.WriteString(line)
			continue
		}
		var kept []string
		dropped := false
		for _, v := range strings.Split(value, ";") {
			switch v = strings.TrimSpace(v); {
			case v == id:
				dropped = true
			case v != "":
				kept = append(kept, v)
			}
		}
		if !dropped {
			out.WriteString(line)
			continue
		}
		if !slices.Contains(changed, key) {
			changed = append(changed, key)
		}
		if len(kept) > 0 {
			out.WriteString(rawKey + "=" + strings.Join(kept, ";") + ";" + eol)
		}
	}
	return out.Bytes(), changed
}
