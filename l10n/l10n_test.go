package l10n

import (
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// catalog reads one language's file as it is written.
func catalog(t *testing.T, lang string) map[string]any {
	t.Helper()
	b, err := Files.ReadFile(Dir + "/pingwise." + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", lang, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

// names are the arguments a message reads, in every form.
func names(msg any) []string {
	var texts []string
	switch m := msg.(type) {
	case string:
		texts = []string{m}
	case map[string]any:
		for _, v := range m {
			s, _ := v.(string)
			texts = append(texts, s)
		}
	}
	set := map[string]bool{}
	for _, s := range texts {
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// pluralForms are the CLDR forms each language's plural messages need.
var pluralForms = map[string][]string{
	English: {"one", "other"},
	German:  {"one", "other"},
	French:  {"many", "one", "other"},
	Spanish: {"many", "one", "other"},
}

// TestCatalogs: every language has every key English has and no other,
// each message takes the same arguments as English's, plural messages have
// every form the language needs, and every message renders.
func TestCatalogs(t *testing.T) {
	en := catalog(t, English)
	if len(en) < 200 {
		t.Fatalf("English catalog has %d keys: not read right", len(en))
	}
	for _, lang := range Languages {
		c := catalog(t, lang)
		for key, want := range en {
			got, ok := c[key]
			if !ok {
				t.Errorf("%s: %q is missing", lang, key)
				continue
			}
			if a, b := names(want), names(got); !slices.Equal(a, b) {
				t.Errorf("%s: %q takes %v, English takes %v", lang, key, b, a)
			}
			_, wantPlural := want.(map[string]any)
			forms, isPlural := got.(map[string]any)
			if wantPlural != isPlural {
				t.Errorf("%s: %q is plural in one language and not in the other", lang, key)
			}
			if isPlural {
				if f := slices.Sorted(maps.Keys(forms)); !slices.Equal(f, pluralForms[lang]) {
					t.Errorf("%s: %q has the forms %v, the language needs %v", lang, key, f, pluralForms[lang])
				}
			}
			args := Args{}
			for _, n := range names(want) {
				args[n] = "X"
			}
			tr := For(lang)
			for _, count := range []int{0, 1, 2, 5, 1000000} {
				var s string
				if isPlural {
					s = tr.N(key, count, args)
				} else {
					s = tr.S(key, args)
				}
				if s == key || strings.Contains(s, "{{") || strings.Contains(s, "<no value>") || strings.TrimSpace(s) == "" {
					t.Errorf("%s: %q renders as %q", lang, key, s)
				}
				if !isPlural {
					break
				}
			}
		}
		for key := range c {
			if _, ok := en[key]; !ok {
				t.Errorf("%s: %q is not in the English catalog", lang, key)
			}
		}
	}
}

func TestPlurals(t *testing.T) {
	for _, c := range []struct {
		lang, key string
		count     int
		want      string
	}{
		{English, "away.minutes", 1, "1 minute"},
		{English, "away.minutes", 5, "5 minutes"},
		{German, "away.minutes", 1, "1 Minute"},
		{German, "away.minutes", 5, "5 Minuten"},
		{French, "stats.nInterruptions", 0, "0 interruption"},
		{French, "stats.nInterruptions", 1, "1 interruption"},
		{French, "stats.nInterruptions", 2, "2 interruptions"},
		{Spanish, "stats.days", 1, "1 día"},
		{Spanish, "stats.days", 3, "3 días"},
		{Spanish, "stats.days", 1000000, "1000000 días"},
		{German, "stats.days", 0, "0 Tage"},
	} {
		if got := For(c.lang).N(c.key, c.count); got != c.want {
			t.Errorf("%s %s %d = %q, want %q", c.lang, c.key, c.count, got, c.want)
		}
	}
}

func TestChoose(t *testing.T) {
	for _, c := range []struct{ setting, system, want string }{
		{"", "de_DE.UTF-8", German},
		{"", "fr-CA", French},
		{"", "es", Spanish},
		{"", "pt_BR", English},
		{"", "C", English},
		{"", "", English},
		{"fr", "de_DE", French},
		{"en", "de_DE", English},
		{"klingon", "es_ES", Spanish},
	} {
		if got := Choose(c.setting, c.system); got != c.want {
			t.Errorf("Choose(%q, %q) = %q, want %q", c.setting, c.system, got, c.want)
		}
	}
}

func TestNilSpeaksEnglish(t *testing.T) {
	var tr *T
	if got := tr.S("menu.quit"); got != "Quit" {
		t.Errorf("nil T: %q", got)
	}
	if got := For("xx").S("menu.quit"); got != "Quit" {
		t.Errorf("unknown language: %q", got)
	}
	if got := For(German).S("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key: %q", got)
	}
}

func TestNumbersAndDates(t *testing.T) {
	d := time.Date(2026, time.March, 2, 14, 5, 0, 0, time.UTC) // a Monday
	for _, c := range []struct {
		lang                        string
		decimal, date, chart, wkday string
	}{
		{English, "7.5", "Mon 2 Mar 2026", "Mon 2", "Mon 14:05"},
		{German, "7,5", "Mo. 2. März 2026", "Mo. 2.", "Mo. 14:05"},
		{French, "7,5", "lun. 2 mars 2026", "lun. 2", "lun. 14:05"},
		{Spanish, "7,5", "lun 2 mar 2026", "lun 2", "lun 14:05"},
	} {
		tr := For(c.lang)
		if got := tr.Decimal(7.5, 1); got != c.decimal {
			t.Errorf("%s Decimal = %q, want %q", c.lang, got, c.decimal)
		}
		if got := tr.Date(d, true); got != c.date {
			t.Errorf("%s Date = %q, want %q", c.lang, got, c.date)
		}
		if got := tr.WeekdayDay(d); got != c.chart {
			t.Errorf("%s WeekdayDay = %q, want %q", c.lang, got, c.chart)
		}
		if got := tr.WeekdayTime(d); got != c.wkday {
			t.Errorf("%s WeekdayTime = %q, want %q", c.lang, got, c.wkday)
		}
	}
}

// TestDoctorMessagesExist: every message key a platform or engine status
// is said with (Status.Said) is in the catalogs, and every doctor.how
// message is used; a typo would otherwise quietly leave the English How.
func TestDoctorMessagesExist(t *testing.T) {
	said := regexp.MustCompile(`\.\s*Said\("(\w+)"`)
	used := map[string]bool{}
	for _, root := range []string{"../platform", "../engine"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			b, err := os.ReadFile(path)
			for _, m := range said.FindAllSubmatch(b, -1) {
				used[string(m[1])] = true
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(used) < 10 {
		t.Fatalf("found %d keys: the sources were not read right", len(used))
	}
	en := catalog(t, English)
	for key := range used {
		if _, ok := en["doctor.how."+key]; !ok {
			t.Errorf("Said(%q): no doctor.how.%s in the catalog", key, key)
		}
	}
	for key := range en {
		if k, ok := strings.CutPrefix(key, "doctor.how."); ok && !used[k] {
			t.Errorf("%s is in the catalog but no status is said with it", key)
		}
	}
}

// TestEveryMessageIsUsed: a message no code names is a translation kept up
// in four languages for nothing. Keys are named literally, or built on one
// of these prefixes from a channel, an outcome, a service, a criterion...
func TestEveryMessageIsUsed(t *testing.T) {
	built := []string{"channel.", "outcome.", "doctor.service.", "doctor.how.", "prefs.intercept.", "toggle.", "adv."}
	var src strings.Builder
	for _, root := range []string{"../app", "../engine"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			b, err := os.ReadFile(path)
			src.Write(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	code := src.String()
	for key := range catalog(t, English) {
		if strings.Contains(code, `"`+key+`"`) || slices.ContainsFunc(built, func(p string) bool { return strings.HasPrefix(key, p) }) {
			continue
		}
		t.Errorf("%s: no code names it", key)
	}
}
