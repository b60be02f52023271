package stats

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/focus"
)

func TestHeadline(t *testing.T) {
	w, _ := newTestWindow(t, w48)
	want := []figure{
		{"Focus time", "10 h 30 min", "+3 h 50 min vs last week", good},
		{"Sessions completed", "12", "+6 vs last week", good},
		{"Sessions abandoned", "2", "same as last week", neutral},
		{"Interruptions taken", "6", "-4 vs last week", good},
		{"Interruptions deferred", "11", "-1 vs last week", bad},
		{"Pings turned async", "3", "+2 vs last week", good},
		{"Refocus time saved", "7.7 h", "+2.3 h vs last week", good},
		{"Refocus time lost", "2.3 h", "-1.5 h vs last week", good},
		{"Meeting person-hours avoided", "4.0", "+3.0 vs last week", good},
		{"Streak", "3 days", "in a row", neutral},
	}
	if len(w.figures) != len(want) {
		t.Fatalf("%d figures, want %d", len(w.figures), len(want))
	}
	th := fyne.CurrentApp().Settings().Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	for i, f := range w.figures {
		r := test.TempWidgetRenderer(t, f).(*figureRenderer)
		got := figure{r.name.Text, r.value.Text, r.change.Text, f.fig.Mood}
		if got != want[i] {
			t.Errorf("figure %d shows %+v, want %+v", i, got, want[i])
		}
		if c := th.Color(moodColour[want[i].Mood], v); r.change.Color != c {
			t.Errorf("%s: change drawn in %v, want %v", want[i].Name, r.change.Color, c)
		}
	}
	const line = "Each interruption costs about 23 min to refocus. Deferring 11 interruptions and turning 3 pings async " +
		"saved you 7.7 h this week; the 6 you took cost 2.3 h."
	if w.refocus.Text != line {
		t.Errorf("refocus line %q, want %q", w.refocus.Text, line)
	}
	if want := "2026-W48 · Mon 23 Nov – Sun 29 Nov 2026"; w.title.Text != want {
		t.Errorf("title %q, want %q", w.title.Text, want)
	}
	if !w.report.Visible() || w.empty.Visible() || w.problem.Visible() {
		t.Error("a week with data should show its report, and neither the empty state nor a problem")
	}
}

func TestBreakdowns(t *testing.T) {
	w, _ := newTestWindow(t, w48)
	rows := func(c *fyne.Container) (got []string) {
		for _, o := range c.Objects {
			switch o := o.(type) {
			case *widget.Label:
				got = append(got, o.Text)
			case *fyne.Container: // a bar and its counts
				got = append(got, o.Objects[1].(*widget.Label).Text)
			}
		}
		return got
	}
	want := []string{"Call", "1 taken · 0 deferred", "Chat", "2 taken · 8 deferred", "Email", "0 taken · 3 deferred",
		"Meeting", "2 taken · 0 deferred", "In person", "1 taken · 0 deferred"}
	if got := rows(w.channels); !slices.Equal(got, want) {
		t.Errorf("channels %q, want %q", got, want)
	}
	if got, want := rows(w.decisions), []string{"Pings", "3 async · 1 sync"}; !slices.Equal(got, want) {
		t.Errorf("decisions %q, want %q", got, want)
	}
}

func TestNavigation(t *testing.T) {
	w, src := newTestWindow(t, w48)
	key := func(k fyne.KeyName) { w.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: k}) }

	test.Tap(w.prev)
	if want := "2026-W47 · Mon 16 Nov – Sun 22 Nov 2026"; w.title.Text != want {
		t.Errorf("title %q, want %q", w.title.Text, want)
	}
	key(fyne.KeyRight)
	test.Tap(w.next)
	if !w.next.Disabled() || !w.thisWeek.Disabled() {
		t.Error("on this week, Next and This week should be disabled: later weeks hold nothing yet")
	}
	key(fyne.KeyRight) // ignored: there is no next week yet
	key(fyne.KeyLeft)
	key(fyne.KeyLeft)
	if w.next.Disabled() || w.thisWeek.Disabled() {
		t.Error("on a past week, Next and This week should be enabled")
	}
	test.Tap(w.thisWeek)
	want := []string{"2026-W48", "2026-W47", "2026-W48", "2026-W49", "2026-W48", "2026-W47", "2026-W49"}
	if !slices.Equal(src.asked, want) {
		t.Errorf("weeks asked for %q, want %q", src.asked, want)
	}
}

func TestShowReusesTheWindow(t *testing.T) {
	w, src := newTestWindow(t, w48)
	win := w.Window()
	w.Show(focus.WeekOf(now))
	if w.Window() != win || len(fyne.CurrentApp().Driver().AllWindows()) != 2 { // the test driver's own, and ours
		t.Errorf("Show opened another window: %d windows", len(fyne.CurrentApp().Driver().AllWindows()))
	}
	if !slices.Equal(src.asked, []string{"2026-W48", "2026-W49"}) {
		t.Errorf("weeks asked for %q", src.asked)
	}
}

func TestEmptyWeek(t *testing.T) {
	w, _ := newTestWindow(t, w48.Next())
	if !w.empty.Visible() || w.report.Visible() || w.problem.Visible() {
		t.Fatal("an empty week should show the empty state alone")
	}
	var text string
	for _, o := range w.empty.(*fyne.Container).Objects[0].(*fyne.Container).Objects {
		switch o := o.(type) {
		case *widget.Label:
			text += o.Text + "\n"
		case *widget.RichText:
			for _, s := range o.Segments {
				text += s.Textual()
				if !s.Inline() {
					text += "\n"
				}
			}
		}
	}
	const want = "Nothing logged this week\nStart a focus session with Start focus in the tray menu, or run pingwise start in a terminal.\n" +
		"Your focus hours, the interruptions you defer and the refocus time they save you will show here.\n"
	if text != want {
		t.Errorf("empty state says %q, want %q", text, want)
	}
	if w.exportCSV.Disabled() || w.exportJSON.Disabled() {
		t.Error("an empty week can still be exported, as `pingwise stats --csv` prints it")
	}
	test.Tap(w.prev)
	if w.empty.Visible() || !w.report.Visible() {
		t.Error("going back to a week with data should show its report")
	}
}

func TestSourceError(t *testing.T) {
	w, _ := newTestWindow(t, w48.Prev().Prev())
	if !w.problem.Visible() || w.report.Visible() || w.empty.Visible() {
		t.Fatal("a week that failed to load should show the problem alone")
	}
	if want := "Could not load 2026-W46: database is locked"; w.problem.Text != want {
		t.Errorf("problem %q, want %q", w.problem.Text, want)
	}
	if !w.exportCSV.Disabled() || !w.exportJSON.Disabled() {
		t.Error("there is nothing to export from a week that failed to load")
	}
	w.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	if w.problem.Visible() || !w.empty.Visible() {
		t.Error("moving on to a week that loads should clear the problem")
	}
}

func TestExport(t *testing.T) {
	test.NewTempApp(t)
	st := fixture()
	var wantCSV, wantJSON bytes.Buffer
	if err := st.WriteCSV(&wantCSV); err != nil {
		t.Fatal(err)
	}
	if err := json.NewEncoder(&wantJSON).Encode(st); err != nil { // as cli/stats.go prints it
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		write func(io.Writer, *focus.Stats) error
		want  []byte
	}{
		{"week.csv", writeCSV, wantCSV.Bytes()},
		{"week.json", writeJSON, wantJSON.Bytes()},
	} {
		path := filepath.Join(t.TempDir(), c.name)
		out, err := storage.Writer(storage.NewFileURI(path)) // what the save dialog hands over
		if err != nil {
			t.Fatal(err)
		}
		if err := save(out, &st, c.write); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, c.want) {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestWindowGolden draws the whole window on the fixed week, and on an empty
// week, in the default light and dark themes.
func TestWindowGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		theme  fyne.Theme
		week   focus.Week
	}{
		{"window_light.png", light, w48},
		{"window_dark.png", dark, w48},
		{"empty_light.png", light, w48.Next()},
	} {
		w, _ := newTestWindow(t, c.week)
		test.ApplyTheme(t, c.theme)
		test.AssertImageMatches(t, c.golden, w.Window().Canvas().Capture())
	}
}
