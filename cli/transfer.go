package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/pingwise/pingwise/focus"
)

func init() {
	register(&command{
		name: "export", args: "[--format jsonl|csv]",
		summary: "Write every ended session, interruption and decision to standard output.",
		setup: func(fs *flag.FlagSet) runner {
			format := fs.String("format", "jsonl", "jsonl (one JSON object per line, for import) or csv")
			return func(e *Env, args []string) error { return runExport(e, *format, args) }
		},
		values: map[string][]string{"format": {"jsonl", "csv"}},
	})
	register(&command{
		name: "import", args: "FILE.jsonl",
		summary: "Add the events of a JSON Lines file, as export writes it (- for standard input).\n" +
			"Events already stored are skipped; a bad line imports nothing.",
		values: map[string][]string{"": {fileWord}},
		setup:  plain(runImport),
	})
}

func runExport(e *Env, format string, args []string) error {
	if err := maxArgs(args, 0); err != nil {
		return err
	}
	if format != "jsonl" && format != "csv" {
		return usagef("export: unknown format %q: use jsonl or csv", format)
	}
	db, err := e.Store()
	if err != nil {
		return err
	}
	evs, err := db.Events()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.Stdout)
	if format == "csv" {
		err = writeEventsCSV(w, evs)
	} else {
		enc := json.NewEncoder(w)
		for _, ev := range evs {
			if err = enc.Encode(focus.RecordOf(ev)); err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	return w.Flush()
}

var eventColumns = []string{"type", "id", "start", "end", "at", "planned_minutes", "paused_seconds",
	"outcome", "intent", "direction", "channel", "people", "who", "note", "in_session", "handled_at",
	"recommended", "chosen", "minutes", "reasons"}

func writeEventsCSV(w io.Writer, evs []focus.Event) error {
	cw := csv.NewWriter(w)
	cw.Write(eventColumns)
	num := func(x float64) string {
		if x == 0 {
			return ""
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	for _, ev := range evs {
		r := focus.RecordOf(ev)
		cw.Write([]string{r.Type, r.ID, r.Start, r.End, r.At, num(r.PlannedMinutes), num(r.PausedSeconds),
			r.Outcome, r.Intent, r.Direction, r.Channel, num(float64(r.People)), r.Who, r.Note,
			strconv.FormatBool(r.InSession), r.HandledAt, r.Recommended, r.Chosen, num(float64(r.Minutes)),
			strings.Join(r.Reasons, "; ")})
	}
	cw.Flush()
	return cw.Error()
}

// maxLine bounds one import line: far above any event, far below a memory
// problem.
const maxLine = 1 << 20

func runImport(e *Env, args []string) error {
	if len(args) != 1 {
		return usagef("import: give one file (or - for standard input)")
	}
	in := e.Stdin
	if args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return invalid(fmt.Errorf("import: %w", err))
		}
		defer f.Close()
		in = f
	}
	evs, err := readEvents(in, args[0])
	if err != nil {
		return err
	}
	db, err := e.Store()
	if err != nil {
		return err
	}
	added, err := db.Import(evs)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.Stdout, "Imported %d of %d events (%d already there).\n", added, len(evs), len(evs)-added)
	return err
}

// readEvents reads and checks every line before anything is stored, so
// that a bad line imports nothing.
func readEvents(r io.Reader, name string) ([]focus.Event, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var evs []focus.Event
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var rec focus.Record
		if err := dec.Decode(&rec); err != nil {
			return nil, usagef("import: %s line %d: %s; nothing imported", name, n, jsonProblem(err))
		}
		if dec.More() {
			return nil, usagef("import: %s line %d: more than one JSON object; nothing imported", name, n)
		}
		ev, err := rec.Event()
		if err != nil {
			return nil, usagef("import: %s line %d: %v; nothing imported", name, n, err)
		}
		evs = append(evs, ev)
	}
	if err := sc.Err(); err != nil {
		if err == bufio.ErrTooLong {
			err = fmt.Errorf("a line is longer than %d bytes", maxLine)
		}
		return nil, usagef("import: %s: %v; nothing imported", name, err)
	}
	return evs, nil
}

func jsonProblem(err error) string {
	msg := err.Error()
	return strings.TrimPrefix(msg, "json: ")
}
