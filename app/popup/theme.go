package popup

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// compact is the app's current theme, light or dark as it changes, with
// tighter spacing so the whole question fits a small window.
type compact struct{}

func (compact) current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t compact) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.current().Color(n, v)
}

func (t compact) Font(s fyne.TextStyle) fyne.Resource { return t.current().Font(s) }

func (t compact) Icon(n fyne.ThemeIconName) fyne.Resource { return t.current().Icon(n) }

func (t compact) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNamePadding:
		return 3
	case theme.SizeNameInnerPadding:
		return 5
	case theme.SizeNameLineSpacing:
		return 3
	}
	return t.current().Size(n)
}

// flat is compact for a field that its frame outlines: the entry paints no
// box (its background is the window's) and no border.
type flat struct{ compact }

func (t flat) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameInputBackground {
		return color.Transparent
	}
	return t.compact.Color(n, v)
}

func (t flat) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInputBorder {
		return 0
	}
	return t.compact.Size(n)
}
