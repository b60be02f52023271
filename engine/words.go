package engine

import (
	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/l10n"
)

// The engine's words in the UI's language: what the tray, the main window
// and the notifications say about the state. The command line keeps
// focus.Status.Line, in English.

// stateWord names st.State: "Focusing", "Fokus", "Concentration"...
func stateWord(tr *l10n.T, st focus.State) string {
	switch st {
	case focus.Focusing:
		return tr.S("state.focusing")
	case focus.Paused:
		return tr.S("state.paused")
	case focus.OnBreak:
		return tr.S("state.break")
	}
	return tr.S("state.idle")
}

// Heading says the state without the time left, as the tray menu's first
// item does: "Focusing - write report". The minutes are the tray title's
// and tooltip's, so that the menu changes only when the state does.
func Heading(tr *l10n.T, st focus.Status) string {
	word := stateWord(tr, st.State)
	if st.Intent == "" || st.State == focus.Idle || st.State == focus.OnBreak {
		return word
	}
	return tr.S("state.intent", l10n.Args{"State": word, "Intent": st.Intent})
}

// Line says the state in one line, as the tray's tooltip and the main
// window do: "Focusing: 18 min left - write report".
func Line(tr *l10n.T, st focus.Status) string {
	if st.State == focus.Idle || st.State == "" {
		return stateWord(tr, focus.Idle)
	}
	line := tr.S("state.left", l10n.Args{"State": stateWord(tr, st.State), "Left": focus.Human(focus.Countdown(st.Remaining))})
	if st.Intent == "" || st.State == focus.OnBreak {
		return line
	}
	return tr.S("state.intent", l10n.Args{"State": line, "Intent": st.Intent})
}

// ChannelLabel names a channel for a menu or a button: "Chat", "In person",
// "Persönlich".
func ChannelLabel(tr *l10n.T, c focus.Channel) string {
	if c == "" {
		return ""
	}
	return tr.S("channel." + string(c))
}
