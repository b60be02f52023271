package assets

import (
	"bytes"
	"image/png"
	"os"
	"testing"
)

func TestIconFileIsCurrent(t *testing.T) {
	b, err := os.ReadFile("icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, AppIcon(IconSize)) {
		t.Error("icon.png is not what the drawing gives: run go generate ./assets")
	}
}

func TestTrayIconsDiffer(t *testing.T) {
	seen := map[string]string{}
	for _, st := range []string{Idle, Focusing, Paused, OnBreak} {
		b := TrayIcon(st)
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", st, err)
		}
		if r := img.Bounds(); r.Dx() != 64 || r.Dy() != 64 {
			t.Errorf("%s: %v", st, r)
		}
		// Transparent corners: the disc sits on the panel, light or dark.
		if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
			t.Errorf("%s: the corner is not transparent", st)
		}
		if other, dup := seen[string(b)]; dup {
			t.Errorf("%s looks the same as %s", st, other)
		}
		seen[string(b)] = st
	}
	if !bytes.Equal(TrayIcon("nonsense"), TrayIcon(Idle)) {
		t.Error("an unknown state does not get the idle icon")
	}
}
