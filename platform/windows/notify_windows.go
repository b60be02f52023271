package windows

import (
	"fmt"

	"github.com/gen2brain/beeep"
)

// Notifier shows toasts through beeep, which asks PowerShell to raise a
// Windows toast. It may block for a second or more: callers call it off
// the UI goroutine, with a timeout.
type Notifier struct{}

// Notify shows a toast.
func (Notifier) Notify(title, body string) error {
	if err := beeep.Notify(title, body, ""); err != nil {
		return fmt.Errorf("toast: %w", err)
	}
	return nil
}
