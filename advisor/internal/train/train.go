// Package train trains the advisor's word model on the labelled messages
// in advisor/testdata, and measures it by cross-validation. The command
// internal/modelgen runs it for go generate, and a test of package advisor
// runs it to check that model.bin is what the committed data and settings
// give: the result depends on nothing else, so the bytes are the same
// every time.
package train

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/pingwise/pingwise/advisor/internal/learn"
)

// The chosen settings, picked by Search: k-fold cross-validation over all
// the data, scored on the messages the rules were not written on, with the
// leave-one-source-out figures beside it as the honest check.
var (
	chosenConfig = learn.Config{Bits: 16, Families: uni | bi | stem | shared | rules | shape | norm | window | question | clock, StemLen: 5}
	chosenParams = learn.Params{Epochs: 30, Rate: 0.1, L2: 3e-4, Seed: 17, Average: true}
	// corpusWeight scales the messages the rules were tuned on: the rules
	// read them perfectly, and at full weight they would teach the model
	// to trust the rules more than unseen text deserves.
	corpusWeight = 0.5
)

// The feature families, as advisor/model.go numbers them.
const (
	uni = 1 << iota
	bi
	stem
	shared
	rules
	shape
	norm
	window
	neg
	question
	clock
)

// folds is k for k-fold cross-validation.
const folds = 5

// Model trains the model on every message in dir and returns model.bin's
// bytes. learn.Read must be set: importing package advisor sets it.
func Model(dir string) ([]byte, error) {
	msgs, err := load(dir)
	if err != nil {
		return nil, err
	}
	return learn.Train(examples(msgs, chosenConfig, corpusWeight), chosenConfig, chosenParams).Encode(), nil
}

// CrossValidation is the k-fold cross-validation of the chosen settings,
// per language (en, de, fr, es), scored on the dev and train messages, and
// the leave-one-source-out accuracy on the train messages of a model
// trained on the rest: the first is the reported estimate, the second the
// honest check against a writer the model never read.
func CrossValidation(dir string) (kfold, trainOut [4]learn.Accuracy, err error) {
	msgs, err := load(dir)
	if err != nil {
		return kfold, trainOut, err
	}
	ex, src := examples(msgs, chosenConfig, corpusWeight), sources(msgs, chosenConfig)
	kfold = cv(ex, src, chosenConfig, chosenParams)
	trainOut = learn.Evaluate(ex, chosenConfig, chosenParams,
		func(i int) bool { return src[i] != srcTrain }, func(i int) bool { return src[i] == srcTrain })
	return kfold, trainOut, nil
}

// Report prints the k-fold cross-validation of the chosen settings, per
// language, and the leave-one-source-out figures.
func Report(out io.Writer, dir string) error {
	msgs, err := load(dir)
	if err != nil {
		return err
	}
	reportCV(out, msgs, chosenConfig, chosenParams, corpusWeight)
	return nil
}

// Search compares settings around the chosen ones.
func Search(out io.Writer, dir string) error {
	msgs, err := load(dir)
	if err != nil {
		return err
	}
	searchSettings(out, msgs)
	return nil
}

// Misses lists the messages of one source (corpus, dev, train) that a
// model trained on the other sources gets wrong.
func Misses(out io.Writer, dir, src string) error {
	s := slices.Index(sourceNames[:], src)
	if s < 0 {
		return fmt.Errorf("no source %q: corpus, dev or train", src)
	}
	msgs, err := load(dir)
	if err != nil {
		return err
	}
	listMisses(out, msgs, source(s))
	return nil
}

// source is where a message comes from: the corpora the rules were written
// on, the dev corpora (written blind, tuned on later), the training corpora.
type source int

const (
	srcCorpus source = iota
	srcDev
	srcTrain
	numSources
)

var sourceNames = [numSources]string{"corpus", "dev", "train"}

type message struct {
	Text   string `json:"text"`
	Mode   string `json:"mode"`
	Why    string `json:"why"`
	People int    `json:"people"`
	src    source
	file   string
}

// load reads the corpora the model learns from, by name: corpus*.jsonl and
// holdout.jsonl (the rules' own), dev_*.jsonl and train_*.jsonl. Any other
// file in the folder is not read: a blind corpus dropped there to be
// measured (blind2_*.jsonl) must never be learnt by a go generate.
func load(dir string) ([]message, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	var out []message
	for _, path := range files {
		src, ok := sourceOf(filepath.Base(path))
		if !ok {
			continue
		}
		msgs, err := loadFile(path, src)
		if err != nil {
			return nil, err
		}
		out = append(out, msgs...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no corpus to learn from in %s (corpus*.jsonl, holdout.jsonl, dev_*.jsonl, train_*.jsonl)", dir)
	}
	return out, nil
}

// sourceOf tells a training corpus's source by its file name.
func sourceOf(base string) (source, bool) {
	switch {
	case strings.HasPrefix(base, "corpus"), base == "holdout.jsonl":
		return srcCorpus, true
	case strings.HasPrefix(base, "dev_"):
		return srcDev, true
	case strings.HasPrefix(base, "train_"):
		return srcTrain, true
	}
	return 0, false
}

func loadFile(path string, src source) ([]message, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []message
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var m message
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if m.Mode != "sync" && m.Mode != "async" {
			return nil, fmt.Errorf("%s:%d: mode %q is neither sync nor async", path, n, m.Mode)
		}
		m.People = max(m.People, 1)
		m.src, m.file = src, filepath.Base(path)
		out = append(out, m)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(out) == 0 {
		return nil, errors.New(path + ": no messages")
	}
	return out, nil
}

// examples reads every message as the advisor does; a message it cannot
// read (in no language it knows) teaches nothing and is left out.
func examples(msgs []message, c learn.Config, corpusWeight float64) []learn.Example {
	out := make([]learn.Example, 0, len(msgs))
	for _, m := range msgs {
		l, fs := learn.Read(m.Text, m.People, c)
		if l < 0 {
			continue
		}
		w := 1.0
		if m.src == srcCorpus {
			w = corpusWeight
		}
		out = append(out, learn.Example{Lang: l, Features: fs, Sync: m.Mode == "sync", Class: class(m), Weight: w})
	}
	return out
}

// sources gives each example's source, in the order examples keeps.
func sources(msgs []message, c learn.Config) []source {
	out := make([]source, 0, len(msgs))
	for _, m := range msgs {
		if l, _ := learn.Read(m.Text, m.People, c); l >= 0 {
			out = append(out, m.src)
		}
	}
	return out
}

// The reasons a label's "why" names, in the four languages: the first
// pattern that matches wins. The numbers are advisor/model.go's classes.
var (
	syncWhy = []struct {
		re    *regexp.Regexp
		class uint8
	}{
		{regexp.MustCompile(`(?i)stall|circle|festgefahren|atascad|fil bloqu|hilo bloque|allers|back.and.forth|hin und her|va y viene|ronds|vueltas|kreis|rond|uneinig|estancad|stuck|échanges|intercambios|converg|incompréhension|aboutit|disagree|désaccord|desacuerdo|misunderstand|missverst|malentendu|malentendido|rounds|runden|rondas`), 7},
		{regexp.MustCompile(`(?i)cris|krise|outage|ausfall|caíd|caid|incident|inciden|vorfall|breach|panne|fire|brand|feu|fuego|feuer|security|sécurité|seguridad|sicherheit|alert|astreinte|on-call|emergenc|notfall|urgence vitale|hurt|injur|verletz|bless|herid|crash|data loss|datenverlust|perte de données|pérdida de datos|blocked|blockiert|en cours|in progress|en curso|danger|gefahr|peligro|accident|unfall|attack|angriff|attaque|ataque|ransom|hack|leak|fuite|fuga|détresse|distress|kaputt|grave|gerade|jetzt|\bnow\b|safety|at risk|spreading|failing|failure|impact|loss|läuft|leck`), 1},
		{regexp.MustCompile(`(?i)sensi|feedback|heikel|heikl|cadrage|perso|stellenabbau|belästig|beförder|delicad|délicat|personal|personnel|persönlich|resign|kündig|démission|renuncia|layoff|licenci|entlass|perform|leistung|harass|conflict|konflikt|conflit|conflicto|salary|gehalt|salaire|salario|\bpay\b|promotion|\bhr\b|health|santé|salud|gesundheit|wellbeing|critique|crítica|kritik|condolence|grief|deuil|duelo|trauer|bad news|frustrat|accus|theft|diebstahl|\bvol\b|robo|behav|comport|verhalten`), 3},
		{regexp.MustCompile(`(?i)brainstorm|unknown|inconnu|incógnit|incognit|unbekannt|ideas|idées|ideen|explor|open questions|offene fragen|questions ouvertes|preguntas abiertas|options|optionen|opciones`), 4},
		{regexp.MustCompile(`(?i)rapport|relation|relaci|accueil|begrüß|welcom|cohé|premi|primer|first|erste|vínculo|vinculo|einarbeitung|acogida|confianza|beziehung|lien|welcome|bienvenid|bienvenue|willkommen|get to know|connaître|conocer|kennenlernen|1:1|onboard|bonding|introduc|présent|vorstell|presentac|cohes|zusammenhalt|mentor|career|karriere|carrière|carrera|team event`), 5},
		{regexp.MustCompile(`(?i)kick|lancement|arranque|lanzamiento|moving parts|abstimmung|alignement|alinea|dependenc`), 6},
		{regexp.MustCompile(`(?i)urgen|dring|time pressure|zeitdruck|presión|presion|pression|deadline|frist|plazo|échéance|minut|stunde|hora|heure|hour|escalat|eskal|escalad|immediate|immédiat|inmediat|sofort|waiting|attend|wartet|espera|on the line|au bout du fil|stakes|enjeu|decision|décision|entscheid|decisión|droht|threat|menace|amenaza|imminent|inminente|bloquant|bloqueo`), 2},
	}
	asyncWhy = []struct {
		re    *regexp.Regexp
		class uint8
	}{
		{regexp.MustCompile(`(?i)naked|ping|nackt|vacío|vacio|sans contenu`), 8},
		{regexp.MustCompile(`(?i)hypoth|hipot|si jamais|falls|what if|plan for`), 9},
		{regexp.MustCompile(`(?i)past|passé|pasad|vergang|postmortem|post-mortem|resolved|behoben|résolu|resuelto|rückblick|ya gestionado`), 7},
		{regexp.MustCompile(`(?i)time.?zone|zeitzone|fuseau|zona horaria|working hours|arbeitszeit|horario|asleep|schläft|dort|duerm`), 4},
		{regexp.MustCompile(`(?i)group|gruppe|groupe|grupo|large|announce|ankündig|annonce|anuncio|all-hands|newsletter`), 5},
		{regexp.MustCompile(`(?i)course|kurs|cours|curso|training|schulung|formation|formación|self-paced|eigenen tempo`), 10},
		{regexp.MustCompile(`(?i)complex|komplex|complej|doc|spec|guide|anleitung|guía|how-to|explic|erklär|explain|review|reference|nachlesen|consultar`), 2},
		{regexp.MustCompile(`(?i)context|kontext|contexte|contexto|recap|pre-read|agenda|notes|minutes|protokoll|compte rendu|resumen|fyi|heads up|status|estado|update|info|aviso`), 6},
		{regexp.MustCompile(`(?i)urgen|dring|eile|rush|prisa|presse|immediate|sofort|immédiat|inmediat|wait|warten|attendre|esperar|negat|vernein|nié|negad|deadline|frist|plazo|échéance|question|frage|pregunta`), 1},
		{regexp.MustCompile(`(?i)repl|answer|antwort|réponse|respuesta|thank|dank|merci|gracias|ack|approv|freigabe|valid|aprob`), 3},
	}
)

// class is the reason a message's "why" names on its label's side.
func class(m message) uint8 {
	list := asyncWhy
	if m.Mode == "sync" {
		list = syncWhy
	}
	for _, w := range list {
		if w.re.MatchString(m.Why) {
			return w.class
		}
	}
	if m.Mode == "sync" {
		return 0
	}
	return 11 // async by default
}

var langNames = [4]string{"en", "de", "fr", "es"}

// cv is k-fold cross-validation scored on the messages the rules were not
// written on: those are what unseen text looks like.
func cv(ex []learn.Example, src []source, c learn.Config, p learn.Params) [4]learn.Accuracy {
	fold := learn.Fold(ex, folds, 1)
	return learn.CrossValidate(ex, fold, folds, c, p, func(i int) bool { return src[i] != srcCorpus })
}

func mean(acc [4]learn.Accuracy) float64 {
	s := 0.0
	for _, a := range acc {
		s += a.Rate()
	}
	return s / 4
}

func reportCV(out io.Writer, msgs []message, c learn.Config, p learn.Params, cw float64) {
	ex, src := examples(msgs, c, cw), sources(msgs, c)
	fmt.Fprintf(out, "%d messages read of %d; %d-fold cross-validation, scored on dev and train messages:\n", len(ex), len(msgs), folds)
	acc := cv(ex, src, c, p)
	for l, a := range acc {
		fmt.Fprintf(out, "  %s %s\n", langNames[l], a)
	}
	fmt.Fprintf(out, "  mean %.1f%%\n", 100*mean(acc))
	fmt.Fprintln(out, "leave one source out (train on the others, test on it):")
	for s := srcCorpus; s < numSources; s++ {
		acc := learn.Evaluate(ex, c, p, func(i int) bool { return src[i] != s }, func(i int) bool { return src[i] == s })
		fmt.Fprintf(out, "  test %-6s", sourceNames[s])
		for l, a := range acc {
			fmt.Fprintf(out, "  %s %s", langNames[l], a)
		}
		fmt.Fprintln(out)
	}
}

func searchSettings(out io.Writer, msgs []message) {
	type setting struct {
		c  learn.Config
		p  learn.Params
		cw float64
	}
	base := setting{chosenConfig, chosenParams, corpusWeight}
	var cands []setting
	add := func(f func(s *setting)) {
		s := base
		f(&s)
		cands = append(cands, s)
	}
	add(func(*setting) {})
	all := chosenConfig.Families
	for _, fam := range []uint16{all &^ rules, all | neg, all &^ uni, all &^ shared, all &^ stem, all &^ bi, all &^ shape, all &^ clock, all &^ question} {
		add(func(s *setting) { s.c.Families = fam })
	}
	add(func(s *setting) { s.p.Average = false })
	for _, b := range []uint8{14, 15, 17} {
		add(func(s *setting) { s.c.Bits = b })
	}
	for _, l2 := range []float64{0, 1e-4, 3e-4, 1e-3} {
		add(func(s *setting) { s.p.L2 = l2 })
	}
	for _, e := range []int{6, 20, 40} {
		add(func(s *setting) { s.p.Epochs = e })
	}
	for _, r := range []float64{0.03, 0.3} {
		add(func(s *setting) { s.p.Rate = r })
	}
	for _, cw := range []float64{0, 0.25, 1} {
		add(func(s *setting) { s.cw = cw })
	}
	for _, s := range cands {
		ex, src := examples(msgs, s.c, s.cw), sources(msgs, s.c)
		acc := cv(ex, src, s.c, s.p)
		dev := learn.Evaluate(ex, s.c, s.p, func(i int) bool { return src[i] != srcDev }, func(i int) bool { return src[i] == srcDev })
		train := learn.Evaluate(ex, s.c, s.p, func(i int) bool { return src[i] != srcTrain }, func(i int) bool { return src[i] == srcTrain })
		fmt.Fprintf(out, "avg %v bits %d fam %4d stem %d epochs %2d rate %.2f l2 %.0e corpus %.2f: cv %.1f%% [%.1f %.1f %.1f %.1f] dev-out %.1f%% train-out %.1f%% [%.1f %.1f %.1f %.1f]\n",
			s.p.Average, s.c.Bits, s.c.Families, s.c.StemLen, s.p.Epochs, s.p.Rate, s.p.L2, s.cw, 100*mean(acc),
			100*acc[0].Rate(), 100*acc[1].Rate(), 100*acc[2].Rate(), 100*acc[3].Rate(), 100*mean(dev), 100*mean(train),
			100*train[0].Rate(), 100*train[1].Rate(), 100*train[2].Rate(), 100*train[3].Rate())
	}
}

func listMisses(out io.Writer, msgs []message, s source) {
	c := chosenConfig
	var train []message
	for _, m := range msgs {
		if m.src != s {
			train = append(train, m)
		}
	}
	mdl := learn.Train(examples(train, c, corpusWeight), c, chosenParams)
	for _, m := range msgs {
		if m.src != s {
			continue
		}
		l, fs := learn.Read(m.Text, m.People, c)
		if l < 0 {
			continue
		}
		z := mdl.Score(fs)
		if (z > 0) != (m.Mode == "sync") {
			fmt.Fprintf(out, "%s %-5s %+.1f %s | %s\n", langNames[l], m.Mode, z, m.Text, m.Why)
		}
	}
}
