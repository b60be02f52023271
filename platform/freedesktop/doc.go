// Package quiet keeps a focus session quiet through the desktop's own
// notification server, over D-Bus, and counts what it held back.
//
// Two halves, both on the session bus:
//
//   - Do Not Disturb. [Probe] asks the bus who serves
//     org.freedesktop.Notifications; [ForServer] picks that server's own
//     switch: dunst's "paused" property, xfce4-notifyd's xfconf property,
//     GNOME's show-banners key, KDE Plasma's Inhibit/UnInhibit, mako's
//     do-not-disturb mode. The drivers are stateless readers and writers of
//     that switch (KDE's cookie aside): remembering the person's own setting
//     and putting it back is the caller's job, and the caller should record
//     the previous value in its store before calling Set(true), so that a
//     crash is repaired on the next start. A KDE inhibition needs no repair:
//     Plasma drops it when the D-Bus connection that asked for it closes.
//     [DND.CriticalShows] says whether critical notifications get through
//     the server's DND (GNOME, xfce4-notifyd, Plasma: yes; dunst, mako: no).
//
//   - Counting. [Monitor] watches the bus with BecomeMonitor and reports every
//     Notify call, minus Pingwise's own, as a [Notification] that never holds
//     the body. It reads its own socket with godbus's codec (wire.go says
//     why) and never lets a slow consumer stall it: past a bounded queue,
//     notifications are counted as dropped. A [Coalescer] folds a burst
//     from one person in one app into a single [Group]; [Who] cuts the
//     sender's name from the summary line and [ChannelFor] maps the app to a
//     focus channel.
//
// Nothing here imports Fyne or needs cgo.
package freedesktop
