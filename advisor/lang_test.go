package advisor

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestLexiconsCompile builds every language's lexicon: a phrase listed with
// two meanings, or a pattern that cannot be read, is a programming error
// that compile reports by panicking.
func TestLexiconsCompile(t *testing.T) {
	for l := range numLangs {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: %v", langCodes[l], r)
				}
			}()
			if lx := compile(langDefs[l]); len(lx.nodes) < 500 {
				t.Errorf("%s: only %d trie nodes", langCodes[l], len(lx.nodes))
			}
		}()
	}
}

// TestLexiconsStayInCache keeps each trie's edge table at 128K slots (2 MB):
// one size up and every walk misses the cache twice as often, which costs
// more than the words themselves. A pattern whose alternatives multiply
// (systems × verbs × states) should be split instead.
func TestLexiconsStayInCache(t *testing.T) {
	for l := range numLangs {
		if n := len(lexicons[l]().edges.slots); n > 1<<17 {
			t.Errorf("%s: the edge table has %d slots, more than %d", langCodes[l], n, 1<<17)
		}
	}
}

// TestCuesAreShortPhrases keeps every language's cues general: a word or a
// short phrase, never a sentence of a corpus.
func TestCuesAreShortPhrases(t *testing.T) {
	const longest = 8
	for l, def := range langDefs {
		for _, g := range def.groups {
			for _, p := range g.patterns {
				for _, phrase := range expand(p) {
					if n := len(hashPhrase(phrase)); n > longest {
						t.Errorf("%s: cue %q has %d words; keep cues to %d", langCodes[l], phrase, n, longest)
					}
				}
			}
		}
	}
}

func TestDetectLanguage(t *testing.T) {
	for _, tc := range []struct {
		text, want string
		guess      guess // for Undetermined: what it is taken for
	}{
		{"can you have a look at the report when you get a chance?", English, 0},
		{"Kannst du dir den Bericht anschauen, wenn du Zeit hast?", German, 0},
		{"Tu peux regarder le rapport quand tu as le temps ?", French, 0},
		{"¿Puedes revisar el informe cuando tengas un momento?", Spanish, 0},
		{"peux tu regarder le rapport stp", French, 0}, // no accents, no capitals
		{"podes revisar el informe porfa", Spanish, 0}, // idem
		{"Bist du da?", German, 0},
		{"Madame, Monsieur, veuillez trouver ci-joint la facture du mois de novembre. Cordialement", French, 0},
		{"got a sec?", English, 0},
		{"prod down asap", English, 0}, // no function word: the cues decide
		{"Server ausgefallen!!", German, 0},
		{"Il server è giù, chiamami subito per favore!", Undetermined, guessIT},
		{"O servidor caiu, me liga agora por favor, não está funcionando", Undetermined, guessPT},
		{"De server ligt eruit, kun je me nu bellen?", Undetermined, guessNL},
		{"サーバーがダウンしました。すぐに電話してください。", Undetermined, guessScript},
		{"Сервер упал, позвони мне срочно", Undetermined, guessScript},
	} {
		v := Advise(Situation{People: 1, Text: tc.text})
		if v.Language != tc.want {
			t.Errorf("%q: read as %q, want %q", tc.text, v.Language, tc.want)
			continue
		}
		if tc.want != Undetermined {
			continue
		}
		r, _ := reasonFor(v, Default)
		switch {
		case tc.guess == guessScript && r.Key != "unread.script":
			t.Errorf("%q: default reason %q, want unread.script", tc.text, r.Key)
		case tc.guess != guessScript && (r.Key != "unread.language" || !strings.Contains(r.Text, guessNames[langEN][tc.guess])):
			t.Errorf("%q: default reason %q %q, want it to name %s", tc.text, r.Key, r.Text, guessNames[langEN][tc.guess])
		}
	}
}

// TestUnreadableDraftFallsBackOnTheToggles: a draft the advisor cannot read
// gets a low confidence, and the toggles alone decide.
func TestUnreadableDraftFallsBackOnTheToggles(t *testing.T) {
	const italian = "Il server è completamente giù, chiamami subito per favore!"
	v := Advise(Situation{People: 1, Text: italian})
	if v.Language != Undetermined || v.Mode != Async || v.Confidence > unreadCap || len(v.Reasons) != 1 {
		t.Fatalf("unread draft: %s %.2f in %q, reasons %s", v.Mode, v.Confidence, v.Language, summary(v))
	}
	if got := v.Reasons[0].In(German); !strings.Contains(got, "Italienisch") || !strings.Contains(got, "Schalter") {
		t.Errorf("the German reason %q does not name Italian and the toggles", got)
	}
	s := Situation{People: 1, Text: italian}
	s.Set(Crisis, true)
	if v := Advise(s); v.Mode != Sync || v.Confidence < 0.95 {
		t.Errorf("a crisis toggle on an unread draft: %s %.2f, want a clear sync", v.Mode, v.Confidence)
	}
}

// TestEveryLanguageReadsEveryKindOfMessage checks the examples in
// each language: a crisis, sensitive talk or kickoff is sync; an FYI, a
// recap or a question that needs no answer now is async.
func TestEveryLanguageReadsEveryKindOfMessage(t *testing.T) {
	for _, tc := range []struct {
		lang, text string
		people     int
		mode       Mode
		lead       Criterion
	}{
		{German, "Der Server ist komplett ausgefallen, bitte sofort anrufen!", 1, Sync, Crisis},
		{German, "die produktionsdatenbank antwortet nicht mehr", 1, Sync, Crisis}, // a compound, read by its head
		{German, "Wir müssen leider zwei Leute gehen lassen, lass uns unter vier Augen sprechen.", 1, Sync, Sensitive},
		{German, "Kickoff fürs neue Projekt: alle Teams an einen Tisch, wer macht was.", 8, Sync, Kickoff},
		{German, "Zur Info: das Protokoll vom Planning liegt im Wiki.", 8, Async, Context},
		{German, "Gestern war die Seite eine Stunde down, die Nachbetrachtung folgt.", 1, Async, Context},
		{German, "Kurze Frage, keine Eile: welche Node-Version nutzen wir im Backend?", 1, Async, Urgent},
		{French, "Le site est en panne pour tous les clients, appelle-moi tout de suite !", 1, Sync, Crisis},
		{French, "Il faut qu'on parle de ton comportement en réunion, en privé.", 1, Sync, Sensitive},
		{French, "Réunion de lancement lundi : toutes les équipes autour de la table, qui fait quoi.", 8, Sync, Kickoff},
		{French, "Pour info, le compte rendu de la réunion est dans le drive.", 8, Async, Context},
		{French, "La panne d'hier venait d'un certificat expiré, le retex est sur le wiki.", 1, Async, Context},
		{French, "Pas urgent : tu sais quelle version de Node on utilise ?", 1, Async, Urgent},
		{Spanish, "La web está caída y los clientes no pueden pagar, llámame ya", 1, Sync, Crisis},
		{Spanish, "Tenemos que hablar de tu comportamiento en la reunión, en privado.", 1, Sync, Sensitive},
		{Spanish, "Reunión de arranque el lunes: todos los equipos juntos para saber quién hace qué.", 8, Sync, Kickoff},
		{Spanish, "Para vuestra información, el acta de la reunión está en la carpeta.", 8, Async, Context},
		{Spanish, "Ayer la web estuvo caída una hora, el informe del incidente está en la wiki.", 1, Async, Context},
		{Spanish, "Sin prisa: ¿qué versión de Node usamos en el backend?", 1, Async, Urgent},
	} {
		v := Advise(Situation{People: tc.people, Text: tc.text})
		if v.Language != tc.lang || v.Mode != tc.mode {
			t.Errorf("%q: %s in %q, want %s in %q; %s", tc.text, v.Mode, v.Language, tc.mode, tc.lang, summary(v))
			continue
		}
		if r, ok := reasonFor(v, tc.lead); !ok || len(r.Words) == 0 {
			t.Errorf("%q: no %s reason quoting the draft; %s", tc.text, tc.lead, summary(v))
		}
	}
}

// TestReasonsRenderInEveryLanguage: every reason and tip has a text in each
// language, with the same arguments as the English one.
func TestReasonsRenderInEveryLanguage(t *testing.T) {
	for l := range numLangs {
		for k := keyDefault; k < numReasonKeys; k++ {
			s := reasonTexts[l][k]
			if s == "" || reasonNames[k] == "" {
				t.Errorf("%s: reason %d has no text or name", langCodes[l], k)
			}
			for i := range 3 {
				arg := "{" + string(rune('0'+i)) + "}"
				if strings.Contains(reasonTexts[langEN][k], arg) != strings.Contains(s, arg) {
					t.Errorf("%s: reason %s and its English differ in %s", langCodes[l], reasonNames[k], arg)
				}
			}
		}
		for k := range numTips {
			if tipTexts[l][k] == "" {
				t.Errorf("%s: tip %d has no text", langCodes[l], k)
			}
		}
		for _, info := range Criteria() {
			if info.DescriptionIn(langCodes[l]) == "" {
				t.Errorf("%s: %s has no description", langCodes[l], info.Name)
			}
		}
	}

	tokyo := time.FixedZone("JST", 9*3600)
	s := Situation{People: 4, Text: "Le site est en panne !", TheirZone: tokyo, Now: time.Date(2026, 11, 25, 18, 0, 0, 0, time.UTC)}
	v := Advise(s)
	off, _ := reasonFor(v, TimeZones)
	if got := off.In("de-AT"); got != "Bei ihnen ist es Donnerstag, 03:00 Uhr, außerhalb ihrer Arbeitszeit 09:00-17:00." {
		t.Errorf("off hours in German: %q", got)
	}
	if got := off.In("xx"); got != off.Text {
		t.Errorf("an unknown UI language gets %q, not the English %q", got, off.Text)
	}
	crisis, _ := reasonFor(v, Crisis)
	if got := crisis.In("es_ES.UTF-8"); got != reasonTexts[langES][keyCrisis] {
		t.Errorf("crisis in Spanish: %q", got)
	}
	var stored Reason // as a decision log keeps it
	if b, err := json.Marshal(crisis); err != nil || json.Unmarshal(b, &stored) != nil {
		t.Fatalf("reason round trip: %v", err)
	}
	if got := stored.In(French); got != reasonTexts[langFR][keyCrisis] {
		t.Errorf("a stored crisis reason in French: %q", got)
	}
	if tips := v.TipsIn(French); len(tips) != len(v.Tips) || tips[0] != tipTexts[langFR][tipCrisis] {
		t.Errorf("French tips %q for %q", tips, v.Tips)
	}
}
