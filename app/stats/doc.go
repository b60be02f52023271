// Package stats is Pingwise's "Weekly focus" window: a week's focus hours,
// sessions, interruptions, async pings, refocus time saved and lost, meeting
// time avoided and streak, each against the week before, with a chart of
// focus per day and the interruptions that broke into it.
//
// Every number comes from focus.Stats, the same weekly stats `pingwise stats`
// prints: the window only formats and draws them, so the two never disagree.
// Charts are drawn with Fyne's canvas in the current theme's colours, so they
// follow light and dark and scale with the window.
//
// Like any Fyne call, New and Show run on Fyne's goroutine: from elsewhere,
// wrap them in fyne.Do.
package stats
