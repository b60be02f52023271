package e2e

import (
	"testing"

	"github.com/pingwise/pingwise/internal/vkbd"
)

// keyboard types into a wlroots compositor as a person would, through a
// virtual keyboard with one fixed layout (see package vkbd for why not
// wtype); a failure to type ends the test.
type keyboard struct {
	t *testing.T
	k *vkbd.Keyboard
}

func newVkbd(t *testing.T, socket string) *keyboard {
	t.Helper()
	k, err := vkbd.Open(socket)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { k.Close() })
	return &keyboard{t: t, k: k}
}

func (kb *keyboard) key(code, mods uint32) {
	kb.t.Helper()
	if err := kb.k.Key(code, mods); err != nil {
		kb.t.Fatalf("virtual keyboard: %v", err)
	}
}

func (kb *keyboard) typeText(s string) {
	kb.t.Helper()
	if err := kb.k.Type(s); err != nil {
		kb.t.Fatal(err)
	}
}
