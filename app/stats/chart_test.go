package stats

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestChartGolden draws the fixed week's chart in the default light and
// dark themes.
func TestChartGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		theme  fyne.Theme
	}{{"chart_light.png", light}, {"chart_dark.png", dark}} {
		test.NewTempApp(t)
		test.ApplyTheme(t, c.theme)
		ch := newChart(nil)
		ch.setDays(fixture().Days)
		ch.Resize(fyne.NewSize(640, 260))
		test.AssertObjectRendersToImage(t, c.golden, ch)
	}
}

// TestChartScales checks that the chart is laid out again when the window
// resizes it.
func TestChartScales(t *testing.T) {
	test.NewTempApp(t)
	ch := newChart(nil)
	ch.setDays(fixture().Days)
	ch.Resize(fyne.NewSize(640, 260))
	r := test.TempWidgetRenderer(t, ch).(*chartRenderer)
	thu := r.cols[3].bar // the longest day: the full height
	small := thu.Size()
	ch.Resize(fyne.NewSize(1280, 520))
	big := thu.Size()
	if big.Width != 2*small.Width || big.Height <= small.Height {
		t.Errorf("Thursday's bar is %v at 640x260 and %v at 1280x520", small, big)
	}
}
