package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/pingwise/pingwise/control"
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/platform/x11"
	"github.com/pingwise/pingwise/settings"
)

// browsers are the window classes whose titles are read for web apps
// (Gmail, Outlook on the web...).
var browsers = []string{"firefox", "chromium", "chrome", "brave", "vivaldi", "epiphany", "edge", "opera", "librewolf", "falkon"}

// watched tells whether a window is a chat, mail or call app worth asking
// about, and names it and its channel.
func watched(w x11.Window, cfg settings.Settings) (name string, ch focus.Channel, ok bool) {
	class := strings.ToLower(w.Class + " " + w.Instance)
	for app, c := range cfg.WatchApps {
		if strings.Contains(class, strings.ToLower(app)) {
			return app, focus.Channel(c), true
		}
	}
	for _, b := range browsers {
		if !strings.Contains(class, b) {
			continue
		}
		title := strings.ToLower(w.Title)
		for word, c := range cfg.WatchTitles {
			if strings.Contains(title, strings.ToLower(word)) {
				return word, focus.Channel(c), true
			}
		}
	}
	return "", "", false
}

// watchWindows asks "sync or async?" when a chat, mail or call app takes
// focus during a focus session: the moment before a ping.
func (s *shell) watchWindows() {
	if s.x == nil {
		return
	}
	if _, err := s.x.WatchActive(func(w x11.Window) { fyne.Do(func() { s.activated(w) }) }); err != nil {
		s.sayOnce("Cannot watch which app is in front (" + err.Error() + "): the hotkey and the tray still ask.")
	}
}

func (s *shell) activated(w x11.Window) {
	cfg := s.settings
	if cfg.Intercept == settings.InterceptOff {
		return
	}
	name, ch, ok := watched(w, cfg)
	if !ok {
		return
	}
	st, err := s.track().Status()
	if err != nil || st.State != focus.Focusing {
		return
	}
	// At most once per app every few minutes: switching back and forth
	// must not become an interruption of its own.
	now := time.Now()
	if last, seen := s.asked[name]; seen && now.Sub(last) < time.Duration(cfg.InterceptEvery)*time.Minute {
		return
	}
	if s.asked == nil {
		s.asked = map[string]time.Time{}
	}
	s.asked[name] = now
	if cfg.Intercept == settings.InterceptNotification {
		s.notify.send(note{title: "Sync or async?",
			body: "You opened " + name + " during a focus session. Does it need an answer now, or can it wait for your break?"})
		return
	}
	s.askWith(control.Ask{People: 1, Channel: string(ch), Target: name})
}
