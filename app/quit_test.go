package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// panickyApp is Fyne failing at the end of Quit, as 2.7 does when it could
// not watch its settings file.
type panickyApp struct {
	fyne.App
	quits *int
}

func (a panickyApp) Quit() {
	*a.quits++
	panic("close of a settings watcher never made")
}

func TestQuitSurvivesFynePanickingAsItQuits(t *testing.T) {
	quits := 0
	s := &shell{app: panickyApp{test.NewTempApp(t), &quits}, started: true}
	s.quit() // a panic here fails the test
	if quits != 1 {
		t.Errorf("Fyne's Quit called %d times, want 1", quits)
	}
}
