package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/pingwise/pingwise/focus"
)

func init() {
	register(&command{
		name: "completion", args: "bash|zsh|fish",
		summary: "Print the completion script for a shell: commands, flags, channels and weeks.\n" +
			"bash: pingwise completion bash > ~/.local/share/bash-completion/completions/pingwise",
		values: map[string][]string{"": shells},
		setup:  plain(runCompletion),
	})
}

var shells = []string{"bash", "zsh", "fish"}

func runCompletion(e *Env, args []string) error {
	if len(args) != 1 {
		return usagef("completion: name one shell: bash, zsh or fish")
	}
	return WriteCompletion(e.Stdout, args[0])
}

// WriteCompletion writes shell's completion script, made from the command
// table: what a person can type is never listed twice.
func WriteCompletion(w io.Writer, shell string) error {
	var s string
	switch shell {
	case "bash":
		s = bashCompletion(table())
	case "zsh":
		s = zshCompletion(table())
	case "fish":
		s = fishCompletion(table())
	default:
		return usagef("completion: unknown shell %q: use bash, zsh or fish", clip(shell))
	}
	_, err := io.WriteString(w, s)
	return err
}

// cmdInfo is a command as the completions and the man page see it.
type cmdInfo struct {
	name, args, summary string
	flags               []flagInfo
	pos                 []string // what the positional arguments take
}

type flagInfo struct {
	name, arg, usage, def string // arg: the value's name; "" for a switch
	values                []string
}

// globalFlags are the flags before the command, as Main parses them.
var globalFlags = []flagInfo{
	{name: "home", arg: "DIR", usage: "keep data, settings and the socket in DIR (or set PINGWISE_HOME)", values: []string{dirWord}},
	{name: "version", usage: "print the version"},
	{name: "help", usage: "print the commands"},
}

// weekWord, fileWord and dirWord stand, in a command's values, for an ISO
// week, a file name and a folder: the completions compute the first and
// let the shell do the others.
const (
	weekWord = "WEEK"
	fileWord = "FILE"
	dirWord  = "DIR"
)

// table is every registered command, sorted, with its flags: "help" too,
// which Main handles itself.
func table() []cmdInfo {
	names := make([]string, 0, len(commands)+1)
	for n := range commands {
		names = append(names, n)
	}
	names = append(names, "help")
	sort.Strings(names)
	var out []cmdInfo
	for _, n := range names {
		c, ok := commands[n]
		if !ok {
			out = append(out, cmdInfo{name: "help", args: "[COMMAND]", summary: "Print the commands, or a command's flags.",
				pos: slices.DeleteFunc(slices.Clone(names), func(s string) bool { return s == "help" })})
			continue
		}
		ci := cmdInfo{name: n, args: c.args, summary: c.summary, pos: c.values[""]}
		fs := flag.NewFlagSet(n, flag.ContinueOnError)
		c.setup(fs)
		fs.VisitAll(func(f *flag.Flag) {
			arg, usage := flag.UnquoteUsage(f)
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				arg = ""
			}
			ci.flags = append(ci.flags, flagInfo{name: f.Name, arg: arg, usage: usage, def: f.DefValue, values: c.values[f.Name]})
		})
		out = append(out, ci)
	}
	return out
}

// channelWords are the channels, as commands take them.
func channelWords() []string {
	out := make([]string, len(focus.Channels))
	for i, c := range focus.Channels {
		out[i] = string(c)
	}
	return out
}

// weeksShell prints the ISO week names of this week and the 11 before, the
// weeks a person looks back at, in any of the three shells (GNU date).
const weeksShell = `for i in 0 1 2 3 4 5 6 7 8 9 10 11; do date -d "-$i week" +%G-W%V; done`

func bashCompletion(cmds []cmdInfo) string {
	var b strings.Builder
	names := make([]string, len(cmds))
	for i, c := range cmds {
		names[i] = c.name
	}
	b.WriteString(`# bash completion for pingwise, made by "pingwise completion bash"

_pingwise_weeks() { ` + weeksShell + `; }

# _pingwise_value completes the value of a flag or argument from its kind.
_pingwise_value() {
    case "$1" in
        WEEK) COMPREPLY=($(compgen -W "$(_pingwise_weeks)" -- "$cur")) ;;
        FILE) COMPREPLY=($(compgen -f -- "$cur")) ;;
        DIR) COMPREPLY=($(compgen -d -- "$cur")) ;;
        '') ;;
        *) COMPREPLY=($(compgen -W "$1" -- "$cur")) ;;
    esac
}

_pingwise() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local cmd="" i
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --home) ((i++)) ;;
            -*) ;;
            *) cmd="${COMP_WORDS[i]}"; break ;;
        esac
    done
    if [[ -z $cmd ]]; then
        case "$prev" in
            --home) _pingwise_value DIR; return ;;
        esac
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "`)
	for i, f := range globalFlags {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("--" + f.name)
	}
	b.WriteString(`" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "` + strings.Join(names, " ") + `" -- "$cur"))
        fi
        return
    fi
    case "$cmd" in
`)
	for _, c := range cmds {
		fmt.Fprintf(&b, "        %s)\n", c.name)
		b.WriteString("            case \"$prev\" in\n")
		for _, f := range c.flags {
			if f.arg == "" {
				continue
			}
			fmt.Fprintf(&b, "                --%s) _pingwise_value %s; return ;;\n", f.name, bashWord(f.values))
		}
		b.WriteString("            esac\n")
		flags := []string{"--help"}
		for _, f := range c.flags {
			flags = append(flags, "--"+f.name)
		}
		fmt.Fprintf(&b, "            if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W %q -- \"$cur\")); return; fi\n", strings.Join(flags, " "))
		fmt.Fprintf(&b, "            _pingwise_value %s\n            ;;\n", bashWord(c.pos))
	}
	b.WriteString(`    esac
}

complete -F _pingwise pingwise
`)
	return b.String()
}

// kind is the stand-in values hold, if any: weekWord, fileWord or dirWord.
func kind(values []string) string {
	for _, v := range values {
		if v == weekWord || v == fileWord || v == dirWord {
			return v
		}
	}
	return ""
}

// bashWord is values as _pingwise_value's argument: a kind, or the words.
func bashWord(values []string) string {
	if k := kind(values); k != "" {
		return k
	}
	return shQuote(strings.Join(values, " "))
}

// shQuote quotes s for bash and zsh, single quotes and all.
func shQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func zshCompletion(cmds []cmdInfo) string {
	var b strings.Builder
	b.WriteString(`#compdef pingwise
# zsh completion for pingwise, made by "pingwise completion zsh"

_pingwise_weeks() {
    local -a weeks
    weeks=(${(f)"$(` + weeksShell + `)"})
    compadd -a weeks
}

_pingwise() {
    local curcontext="$curcontext" state line
    local -a commands
    commands=(
`)
	for _, c := range cmds {
		fmt.Fprintf(&b, "        %s\n", shQuote(c.name+":"+zshEscape(firstLine(c.summary), ":")))
	}
	b.WriteString("    )\n    _arguments -C \\\n")
	for _, f := range globalFlags {
		fmt.Fprintf(&b, "        %s \\\n", shQuote(zshFlag(f)))
	}
	b.WriteString(`        '1: :->command' \
        '*:: :->args'
    case $state in
        command) _describe -t commands 'pingwise command' commands ;;
        args)
            case $words[1] in
`)
	for _, c := range cmds {
		fmt.Fprintf(&b, "                %s) _arguments", c.name)
		for _, f := range c.flags {
			fmt.Fprintf(&b, " \\\n                    %s", shQuote(zshFlag(f)))
		}
		if c.pos != nil {
			fmt.Fprintf(&b, " \\\n                    %s", shQuote("*:"+strings.ToLower(c.name)+":"+zshAction(c.pos)))
		}
		b.WriteString(" ;;\n")
	}
	b.WriteString(`            esac ;;
    esac
}

_pingwise "$@"
`)
	return b.String()
}

// zshEscape escapes, with a backslash, the characters in chars and the
// brackets that _arguments specs give a meaning to.
func zshEscape(s, chars string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(chars+"[]\\", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// zshFlag is f as an _arguments spec: --name=[usage]:arg:action.
func zshFlag(f flagInfo) string {
	if f.arg == "" {
		return "--" + f.name + "[" + zshEscape(f.usage, "") + "]"
	}
	return "--" + f.name + "=[" + zshEscape(f.usage, "") + "]:" + zshEscape(strings.ToLower(f.arg), ":") + ":" + zshAction(f.values)
}

// zshAction completes values: a kind, the words, or nothing.
func zshAction(values []string) string {
	switch kind(values) {
	case weekWord:
		return "_pingwise_weeks"
	case fileWord:
		return "_files"
	case dirWord:
		return "_files -/"
	}
	if len(values) == 0 {
		return " "
	}
	return "(" + strings.Join(values, " ") + ")"
}

func fishCompletion(cmds []cmdInfo) string {
	var b strings.Builder
	names := make([]string, len(cmds))
	for i, c := range cmds {
		names[i] = c.name
	}
	b.WriteString("# fish completion for pingwise, made by \"pingwise completion fish\"\n\n")
	b.WriteString("complete -c pingwise -f\n")
	fmt.Fprintf(&b, "set -l pingwise_commands %s\n", strings.Join(names, " "))
	for _, f := range globalFlags {
		fmt.Fprintf(&b, "complete -c pingwise -n 'not __fish_seen_subcommand_from $pingwise_commands' -l %s%s -d %s\n",
			f.name, fishArg(f.arg, f.values), fishQuote(f.usage))
	}
	for _, c := range cmds {
		fmt.Fprintf(&b, "complete -c pingwise -n 'not __fish_seen_subcommand_from $pingwise_commands' -a %s -d %s\n",
			c.name, fishQuote(firstLine(c.summary)))
	}
	for _, c := range cmds {
		cond := fishQuote("__fish_seen_subcommand_from " + c.name)
		for _, f := range c.flags {
			fmt.Fprintf(&b, "complete -c pingwise -n %s -l %s%s -d %s\n", cond, f.name, fishArg(f.arg, f.values), fishQuote(f.usage))
		}
		if c.pos != nil {
			fmt.Fprintf(&b, "complete -c pingwise -n %s%s\n", cond, fishValues(c.pos))
		}
	}
	return b.String()
}

// fishArg is what follows a flag's -l NAME: nothing for a switch, else
// that it takes a value, and which.
func fishArg(arg string, values []string) string {
	if arg == "" {
		return ""
	}
	return " -r" + fishValues(values)
}

// fishValues completes values: a kind, the words, or nothing.
func fishValues(values []string) string {
	switch kind(values) {
	case weekWord:
		return " -x -a " + fishQuote("(for i in (seq 0 11); date -d \"-$i week\" +%G-W%V; end)")
	case fileWord:
		return " -F"
	case dirWord:
		return " -x -a '(__fish_complete_directories)'"
	}
	if len(values) == 0 {
		return ""
	}
	return " -x -a " + fishQuote(strings.Join(values, " "))
}

// fishQuote quotes s for fish: in single quotes only \\ and \' are special.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
