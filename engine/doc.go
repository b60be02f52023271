// Package engine is the running app's state and policy, with one owner: the
// focus tracker, quiet focus (Do Not Disturb and the notifications it
// holds), the away and interception rules, the ticker that follows the
// countdown, notifications, and the answers to the control socket.
//
// The engine knows no toolkit. It publishes immutable Snapshots of what the
// UI shows, and one-shot Prompts (ask "sync or async?", welcome back, show a
// window), to one UI; the UI calls the engine's methods with what the
// person did. The desktop reaches it through platform's small interfaces,
// and time through a Clock, so that its tests run with a fake clock and
// fake services: no display, no bus, no sleeping.
//
// Every method is safe to call from any goroutine. The engine's own state
// is guarded by one mutex; the UI's callbacks are never called with it held,
// so a UI may call back into the engine from them.
package engine
