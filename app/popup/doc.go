// Package popup is Pingwise's "Sync or async?" popup: the small window that
// opens when a person is about to ping or call someone, asks the question,
// shows the advisor's answer and gets out of the way.
//
// Each criterion a person can set (advisor.Criteria with Toggle) is a toggle
// with its one-key accelerator on it; with the people count, the length of
// the sync version and the draft, they make an advisor.Situation on top of
// the app's own context (Config.Base). The verdict, its reasons with the
// draft's own words in quotes, the channels and what each choice costs
// (advisor.Cost.Sentence) follow every toggle and every keystroke.
//
// A toggle shows what holds: what the person set, or else what the draft or
// the recipients' clock says. Ticking sets the criterion; unticking one the
// draft still suggests sets it to false, which wins over the text (as the
// advisor promises); unticking one nothing else suggests just unsets it.
//
// Two actions end it. Go sync and Send async log a focus.Decision through
// Config.Decide (the channel: for sync, the live channel the person was
// about to use, else the verdict's, else a call; for async, the verdict's,
// else the advisor's async alternative), show a short confirmation and
// close after ConfirmFor. Send
// async also copies a message outline (the seed's "offer detail": context,
// the ask, by when) through Config.Copy. Esc, or closing the window, hides
// it without logging anything.
//
// Keyboard, all of it without the mouse:
//   - a toggle's letter flips it, unless the draft has the focus (the
//     number fields take digits only); Alt+letter flips it always, so a
//     person typing the draft can too;
//   - Enter takes the recommended action (the highlighted button), in the
//     draft too, as in the chat apps people write drafts in; Shift+Enter
//     makes a new line there; Ctrl+Enter (Cmd+Enter) still sends; on a
//     focused button, Enter and Space press that button;
//   - Esc closes from anywhere; Tab moves between fields; Up and Down step
//     the people and minutes fields.
//
// The hint line above the buttons says what those keys do where the focus
// is, and only that: Alt+letter in the draft, a plain letter elsewhere, the
// button's own action on a focused button.
//
// The popup is built once, by New, and only shown: Show resets it (or, when
// it is already up, just raises it, keeping what was typed), so the hotkey
// path pays for no widget construction. Like any Fyne call, New, Show and
// Hide run on Fyne's goroutine: from elsewhere, wrap them in fyne.Do.
package popup
