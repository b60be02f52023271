package gnome

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pingwise/pingwise/platform"
)

// shellSchema is org.gnome.shell's enabled-extensions key as gnome-shell
// defines it, for machines without gnome-shell's schemas.
const shellSchema = `<schemalist>
  <schema id="org.gnome.shell" path="/org/gnome/shell/">
    <key name="enabled-extensions" type="as"><default>[]</default></key>
  </schema>
</schemalist>
`

// keyfileSettings is gsettings writing to a keyfile in a temporary folder,
// with the person's own custom keybinding and extension already there.
func keyfileSettings(t *testing.T) Settings {
	t.Helper()
	need(t, "gsettings", "glib-compile-schemas")
	dir := t.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + dir, "GSETTINGS_BACKEND=keyfile"}
	if out, _ := exec.Command("gsettings", "list-schemas").Output(); !slices.Contains(strings.Fields(string(out)), "org.gnome.shell") {
		schemas := filepath.Join(dir, "schemas")
		if err := os.Mkdir(schemas, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(schemas, "org.gnome.shell.gschema.xml"), []byte(shellSchema), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("glib-compile-schemas", schemas).CombinedOutput(); err != nil {
			t.Fatalf("glib-compile-schemas: %v: %s", err, out)
		}
		env = append(env, "GSETTINGS_SCHEMA_DIR="+schemas)
	}
	s := Settings{Env: env}
	for _, set := range [][]string{
		{"set", mediaKeys, customList, "['/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings/custom0/']"},
		{"set", "org.gnome.shell", "enabled-extensions", "['theirs@example.org']"},
	} {
		if _, err := s.run(set...); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestKeybinding(t *testing.T) {
	s := keyfileSettings(t)
	theirs := "/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings/custom0/"
	if got, err := s.Keybinding(); err != nil || got != "" {
		t.Fatalf("before install: %q, %v", got, err)
	}
	if err := s.InstallKeybinding("/opt/ping wise/pingwise", "/home/o'neil", "Ctrl+Shift+Space"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Keybinding(); err != nil || got != "<Control><Shift>space" {
		t.Errorf("binding %q, %v", got, err)
	}
	cmd, err := s.run("get", customSchema+":"+KeybindingDir, "command")
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseStrings("[" + cmd + "]")
	if want := `'/opt/ping wise/pingwise' '--home' '/home/o'\''neil' 'ask'`; err != nil || len(got) != 1 || got[0] != want {
		t.Errorf("command %s (%v), want %s", cmd, err, want)
	}
	l, err := s.list()
	if err != nil || !slices.Equal(l, []string{theirs, KeybindingDir}) {
		t.Errorf("list after install %v, %v", l, err)
	}
	// Changing the key updates the one entry.
	if err := s.InstallKeybinding("/usr/bin/pingwise", "", "Super+F9"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Keybinding(); got != "<Super>F9" {
		t.Errorf("binding after a change %q", got)
	}
	if l, _ := s.list(); len(l) != 2 {
		t.Errorf("list after a change %v", l)
	}
	if err := s.RemoveKeybinding(); err != nil {
		t.Fatal(err)
	}
	if l, err := s.list(); err != nil || !slices.Equal(l, []string{theirs}) {
		t.Errorf("list after removal %v, %v", l, err)
	}
	if got, _ := s.run("get", customSchema+":"+KeybindingDir, "binding"); got != "''" {
		t.Errorf("binding left after removal: %s", got)
	}
	if err := s.InstallKeybinding("/usr/bin/pingwise", "", "Ctrl+Nope"); err == nil {
		t.Error("a bad spec was installed")
	}
}

func TestStrings(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"@as []", nil},
		{"['/a/']", []string{"/a/"}},
		{`['a', "it's", 'b\'c', 'd\\e']`, []string{"a", "it's", "b'c", `d\e`}},
	} {
		got, err := parseStrings(tc.in)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("parseStrings(%s) = %q, %v", tc.in, got, err)
		}
		if tc.want != nil {
			if back, err := parseStrings(formatStrings(tc.want)); err != nil || !slices.Equal(back, tc.want) {
				t.Errorf("round trip of %q: %q, %v", tc.want, back, err)
			}
		}
	}
	for _, bad := range []string{"", "[", "['a", "[a]", "'a'"} {
		if _, err := parseStrings(bad); err == nil {
			t.Errorf("parseStrings(%q): no error", bad)
		}
	}
}

// portalHotkey stands for the GlobalShortcuts portal's hotkey, opened before.
type portalHotkey struct{}

func (portalHotkey) Bind(string, func()) (func(), error) { return func() {}, nil }

func TestOpenWithoutMutter(t *testing.T) {
	s := keyfileSettings(t)
	_, c := bus(t, os.Environ())
	for _, portal := range []bool{false, true} {
		d := &platform.Desktop{}
		if portal {
			d.Hotkey = portalHotkey{}
			d.Say(platform.HotkeyService, platform.Works("portal"))
		}
		OpenWith(d, Options{Bus: c, Settings: s, Exe: "/usr/bin/pingwise"})
		d.Close()
		for _, svc := range []string{platform.IdleService, platform.ActiveApp} {
			if st := d.Status[svc]; st.Available || st.How == "" {
				t.Errorf("%s with no Mutter: %+v", svc, st)
			}
		}
		hk := d.Status[platform.HotkeyService]
		if _, isKeybinding := d.Hotkey.(*Keybinding); !hk.Available || isKeybinding == portal ||
			!portal && !strings.Contains(hk.How, "custom keybinding") {
			t.Errorf("portal %v: hotkey %T, %+v", portal, d.Hotkey, hk)
		}
		if !portal {
			if _, err := d.Hotkey.Bind("Ctrl+Alt+P", nil); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.Keybinding(); got != "<Control><Alt>p" {
				t.Errorf("Bind set %q", got)
			}
		}
	}
}
