// Package l10n is the words of Pingwise's UI in English, German, French and
// Spanish: the tray, the windows, the popup, the stats window,
// notifications and the doctor section. The command line stays English.
//
// The catalogs are JSON files in catalog/, one per language, in go-i18n's
// format: the format Fyne's lang.AddTranslationsFS reads. So the app
// registers the very same files with Fyne (which also makes Fyne's own
// dialogs follow the language), while package engine, which knows no
// toolkit, renders its notifications and state lines from them through this
// package. Keys are namespaced ("menu.quit") so that none collides with
// Fyne's own ("Quit").
//
// Plurals follow CLDR's rules through go-i18n ("1 Minute", "5 Minuten";
// French "0 interruption", "2 interruptions"); numbers with a decimal get a
// decimal comma where the language writes one; dates use each language's
// weekday and month names, on a 24-hour clock.
//
// The language is chosen once, at start (Choose): the setting when it names
// one of the four, else the system's locale when it is one of them, else
// English.
package l10n

import (
	"embed"
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Files holds the catalogs, catalog/pingwise.LANG.json, for
// lang.AddTranslationsFS(Files, Dir).
//
//go:embed catalog/*.json
var Files embed.FS

// Dir is the folder in Files that holds the catalogs.
const Dir = "catalog"

// The languages, English first: the one every other falls back to.
const (
	English = "en"
	German  = "de"
	French  = "fr"
	Spanish = "es"
)

// Languages lists the UI's languages, English first.
var Languages = []string{English, German, French, Spanish}

// Args are a message's named arguments: {{.Name}} in the catalog.
type Args = map[string]any

var bundle = sync.OnceValue(func() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, l := range Languages {
		if _, err := b.LoadMessageFileFS(Files, Dir+"/pingwise."+l+".json"); err != nil {
			panic(err) // the catalogs are embedded: TestCatalogs keeps them well formed
		}
	}
	return b
})

// T renders messages in one language. The zero value, and a nil *T, speak
// English. A T is safe for use from any goroutine.
type T struct {
	lang string
	loc  *i18n.Localizer
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*T{}
)

// For returns the T for a language, one of Languages; any other gets
// English.
func For(lang string) *T {
	lang = Supported(lang)
	cacheMu.Lock()
	defer cacheMu.Unlock()
	t, ok := cache[lang]
	if !ok {
		t = &T{lang: lang, loc: i18n.NewLocalizer(bundle(), lang)}
		cache[lang] = t
	}
	return t
}

// Lang is the language t speaks: "en", "de", "fr" or "es".
func (t *T) Lang() string {
	if t == nil || t.lang == "" {
		return English
	}
	return t.lang
}

func (t *T) localizer() *i18n.Localizer {
	if t == nil || t.loc == nil {
		return For(English).loc
	}
	return t.loc
}

// S renders the message key with args, if any.
func (t *T) S(key string, args ...Args) string {
	var data Args
	if len(args) > 0 {
		data = args[0]
	}
	return t.render(&i18n.LocalizeConfig{MessageID: key, TemplateData: data})
}

// N renders the plural message key for count, which the message reads as
// {{.Count}}, with more args if any.
func (t *T) N(key string, count int, args ...Args) string {
	data := Args{"Count": count}
	if len(args) > 0 {
		for k, v := range args[0] {
			data[k] = v
		}
	}
	return t.render(&i18n.LocalizeConfig{MessageID: key, PluralCount: count, TemplateData: data})
}

// Has reports whether the catalogs know key.
func (t *T) Has(key string) bool {
	_, err := t.localizer().Localize(&i18n.LocalizeConfig{MessageID: key, PluralCount: 2})
	return err == nil
}

// render never fails a person: a key the catalogs lack (TestCatalogs keeps
// that from happening) shows as the key itself.
func (t *T) render(c *i18n.LocalizeConfig) string {
	s, err := t.localizer().Localize(c)
	if err != nil {
		return c.MessageID
	}
	return s
}

// Supported maps a language or locale ("de", "de_AT.UTF-8", "fr-CA") to
// one of Languages, or "" when it is none of them.
func Supported(locale string) string {
	l := strings.ToLower(locale)
	if i := strings.IndexAny(l, "_-.@"); i >= 0 {
		l = l[:i]
	}
	for _, s := range Languages {
		if l == s {
			return s
		}
	}
	return ""
}

// Choose picks the UI's language: the setting when it names one ("de"),
// else the system's locale when it is one of the four, else English.
func Choose(setting, system string) string {
	if s := Supported(setting); s != "" {
		return s
	}
	if s := Supported(system); s != "" {
		return s
	}
	return English
}

// Name is a language's own name, for the Settings window: "Deutsch".
func Name(lang string) string {
	switch Supported(lang) {
	case German:
		return "Deutsch"
	case French:
		return "Français"
	case Spanish:
		return "Español"
	}
	return "English"
}

// Decimal writes f with prec decimals, with the language's decimal mark:
// "7.5" in English, "7,5" in German, French and Spanish.
func (t *T) Decimal(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if t.Lang() != English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Number writes f as short as it goes ("5", "7.5"), with the language's
// decimal mark.
func (t *T) Number(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if t.Lang() != English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
