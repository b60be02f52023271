package popup

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/l10n"
)

// TestWordsFitInEachLanguage: in every UI language, the popup's fixed-width
// words fit where they go in its fixed size: every toggle, the numbers row,
// the buttons with any channel in them, and each hint line. Lines that wrap
// (reasons, cost) and the recipient (cut with an ellipsis) are not fixed.
func TestWordsFitInEachLanguage(t *testing.T) {
	channels := []advisor.Channel{advisor.InPerson, advisor.Call, advisor.VideoCall, advisor.Meeting, advisor.Chat,
		advisor.Email, advisor.VideoMessage, advisor.SharedDocument, advisor.ProjectTool}
	for _, lang := range l10n.Languages {
		t.Run(lang, func(t *testing.T) {
			p, _ := newTestPopupIn(t, lang, Prefill{People: 4, Text: recap})
			tr := l10n.For(lang)
			fits := func(what string, min, size fyne.Size) {
				t.Helper()
				if min.Width > size.Width+0.5 {
					t.Errorf("%s needs %.0f px, has %.0f", what, min.Width, size.Width)
				}
			}
			for _, tg := range p.toggles {
				fits(tg.Text, tg.MinSize(), tg.Size())
			}
			fits("the numbers row", p.peopleF.row.MinSize().Add(p.minutesF.row.MinSize()), fyne.NewSize(p.Window().Canvas().Size().Width, 0))
			for _, b := range []*keyButton{p.goSync, p.sendAsync} {
				size := b.Size()
				for _, c := range channels {
					b.SetText(tr.S("popup.goSyncBy", l10n.Args{"Channel": p.channelName(string(c))}))
					fits(b.Text, b.MinSize(), size)
					b.SetText(tr.S("popup.sendAsyncBy", l10n.Args{"Channel": p.channelName(string(c))}))
					fits(b.Text, b.MinSize(), size)
				}
			}
			th := p.hint.Theme()
			room := p.hint.Size().Width - 2*th.Size(theme.SizeNameInnerPadding)
			hints := map[string][]string{
				"popup.hint.draft":  {tr.S("popup.act.sync"), tr.S("popup.act.async")},
				"popup.hint.number": {tr.S("popup.act.sync"), tr.S("popup.act.async")},
				"popup.hint.other":  {tr.S("popup.act.sync"), tr.S("popup.act.async")},
				"popup.hint.button": {p.goSync.name, p.sendAsync.name, p.peopleF.minus.name, p.minutesF.plus.name},
			}
			for key, acts := range hints {
				for _, act := range acts {
					text := tr.S(key, l10n.Args{"Act": act})
					w := fyne.MeasureText(text, th.Size(theme.SizeNameText), widget.RichTextStyleInline.TextStyle).Width
					if w > room {
						t.Errorf("hint %q needs %.0f px, has %.0f", text, w, room)
					}
				}
			}
		})
	}
}
