package cli

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// WriteMan writes the manual page pingwise(1), in roff: the commands and
// flags from the command table, the rest from readme's reference (its
// "Using it", "Status bars" and "Where things are" sections), so neither is
// written twice.
func WriteMan(w io.Writer, readme, version string, date time.Time) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH PINGWISE 1 %q %q \"User Commands\"\n", date.Format("2006-01-02"), "pingwise "+version)
	b.WriteString(".SH NAME\npingwise \\- guards your focus: focus sessions, sync or async before you ping, weekly stats\n")
	b.WriteString(".SH SYNOPSIS\n.B pingwise\n[\\fB\\-\\-home\\fR \\fIDIR\\fR]\n.br\n.B pingwise\n[\\fB\\-\\-home\\fR \\fIDIR\\fR]\n\\fICOMMAND\\fR [\\fIflags\\fR]\n.br\n.B pingwise \\-\\-version\n")
	b.WriteString(".SH DESCRIPTION\n")
	for _, p := range paragraphs(readme) {
		if strings.HasPrefix(p, "Pingwise guards your focus") {
			b.WriteString(roffBlock(p))
		}
	}
	using := section(readme, "Using it")
	paras := paragraphs(using)
	if len(paras) == 0 {
		return fmt.Errorf("README: no \"Using it\" section")
	}
	for _, p := range paras {
		// The tray's menu and the command summary are this page's own lists.
		if strings.HasPrefix(p, "|") || strings.HasPrefix(p, "```") || strings.HasSuffix(p, ":") ||
			strings.HasPrefix(p, "*Settings...*") {
			continue
		}
		b.WriteString(roffBlock(p))
	}
	b.WriteString(".SH OPTIONS\n")
	for _, f := range globalFlags {
		b.WriteString(roffFlag(f))
	}
	b.WriteString(".SH COMMANDS\n")
	for _, c := range table() {
		fmt.Fprintf(&b, ".SS \"%s\"\n", roffText(strings.Join(strings.Fields("pingwise "+c.name+" "+c.args), " ")))
		for _, l := range strings.Split(c.summary, "\n") {
			b.WriteString(roffLine(roffEscape(l)) + "\n")
		}
		if len(c.flags) > 0 {
			b.WriteString(".RS\n")
			for _, f := range c.flags {
				b.WriteString(roffFlag(f))
			}
			b.WriteString(".RE\n")
		}
	}
	for _, s := range []struct{ heading, title string }{
		{"Status bars", "STATUS BARS"},
		{"Where things are", "FILES"},
	} {
		body := section(readme, s.heading)
		if body == "" {
			return fmt.Errorf("README: no %q section", s.heading)
		}
		fmt.Fprintf(&b, ".SH %s\n", s.title)
		for _, p := range paragraphs(body) {
			b.WriteString(roffBlock(p))
		}
	}
	b.WriteString(`.SH ENVIRONMENT
.TP
.B PINGWISE_HOME
keep the data, the settings and the control socket in this folder, as \fB\-\-home\fR does
.TP
.BR XDG_DATA_HOME ", " XDG_CONFIG_HOME ", " XDG_RUNTIME_DIR
where the database, the settings and the socket live otherwise
.SH "EXIT STATUS"
0 on success; 1 when something failed (a damaged database, say); 2 when the command line was wrong.
.SH "SEE ALSO"
.BR sqlite3 (1),
.BR xdg\-mime (1)
`)
	_, err := io.WriteString(w, b.String())
	return err
}

// section is the body of readme's "## heading" section, up to the next
// heading of that level or above.
func section(readme, heading string) string {
	lines := strings.Split(readme, "\n")
	for i, l := range lines {
		if l != "## "+heading {
			continue
		}
		var body []string
		for _, l := range lines[i+1:] {
			if strings.HasPrefix(l, "## ") || strings.HasPrefix(l, "# ") {
				break
			}
			body = append(body, l)
		}
		return strings.Join(body, "\n")
	}
	return ""
}

// paragraphs splits markdown into blocks: paragraphs, fenced code, tables
// and lists, leaving out pictures.
func paragraphs(md string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	fenced := false
	for _, l := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(l, "```"):
			if fenced {
				cur = append(cur, l)
				flush()
				fenced = false
				continue
			}
			flush()
			fenced = true
			cur = append(cur, l)
		case fenced:
			cur = append(cur, l)
		case strings.TrimSpace(l) == "":
			flush()
		case strings.HasPrefix(l, "!["):
		default:
			cur = append(cur, l)
		}
	}
	flush()
	return out
}

// roffBlock turns one markdown block into roff.
func roffBlock(p string) string {
	lines := strings.Split(p, "\n")
	var b strings.Builder
	switch {
	case strings.HasPrefix(p, "```"):
		b.WriteString(".PP\n.RS\n.nf\n")
		for _, l := range lines[1 : len(lines)-1] {
			b.WriteString(roffLine(roffEscape(l)) + "\n")
		}
		b.WriteString(".fi\n.RE\n")
	case strings.HasPrefix(p, "|"):
		for _, l := range lines[2:] { // after the header and its rule
			cells := strings.Split(strings.Trim(l, "|"), "|")
			if len(cells) < 2 {
				continue
			}
			fmt.Fprintf(&b, ".TP\n%s\n%s\n", roffLine(inline(strings.TrimSpace(cells[0]))), roffLine(inline(strings.TrimSpace(strings.Join(cells[1:], "|")))))
		}
	case strings.HasPrefix(p, "- "):
		var item []string
		emit := func() {
			if len(item) > 0 {
				fmt.Fprintf(&b, ".IP \\(bu 2\n%s\n", roffLine(inline(strings.Join(item, " "))))
				item = nil
			}
		}
		for _, l := range lines {
			if strings.HasPrefix(l, "- ") {
				emit()
				l = l[2:]
			}
			item = append(item, strings.TrimSpace(l))
		}
		emit()
	default:
		fmt.Fprintf(&b, ".PP\n%s\n", roffLine(inline(strings.Join(lines, " "))))
	}
	return b.String()
}

var (
	codeRE   = regexp.MustCompile("`([^`]+)`")
	boldRE   = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	italicRE = regexp.MustCompile(`\*([^*]+)\*`)
	linkRE   = regexp.MustCompile(`\[([^\]]+)\]\([^)]+\)`)
)

// inline escapes text and turns markdown's code, bold, italics and links
// into roff fonts.
func inline(s string) string {
	s = roffEscape(s)
	s = linkRE.ReplaceAllString(s, "$1")
	s = codeRE.ReplaceAllString(s, `\fB$1\fR`)
	s = boldRE.ReplaceAllString(s, `\fB$1\fR`)
	return italicRE.ReplaceAllString(s, `\fI$1\fR`)
}

// roffEscape escapes roff's backslash and its minus signs.
func roffEscape(s string) string {
	return strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
}

// roffText is plain text for roff.
func roffText(s string) string { return roffEscape(strings.TrimSpace(s)) }

// roffLine keeps a line that starts with a dot or a quote from being read
// as a request.
func roffLine(s string) string {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		return `\&` + s
	}
	return s
}

func roffFlag(f flagInfo) string {
	head := `\fB\-\-` + roffEscape(f.name) + `\fR`
	if f.arg != "" {
		head += ` \fI` + roffEscape(f.arg) + `\fR`
	}
	usage := roffEscape(f.usage)
	if f.def != "" && f.def != "false" && f.def != "0" {
		usage += " (default " + roffEscape(f.def) + ")"
	}
	return ".TP\n" + head + "\n" + roffLine(usage) + "\n"
}
