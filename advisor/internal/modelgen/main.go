// Command modelgen trains the advisor's word model on the labelled
// messages in advisor/testdata and writes advisor/model.bin; go generate
// runs it. Running it twice writes the same bytes.
//
//	go run ./internal/modelgen -data testdata -out model.bin   # train and write
//	go run ./internal/modelgen -data testdata -report          # cross-validation, per language
//	go run ./internal/modelgen -data testdata -search          # settings compared by cross-validation
//	go run ./internal/modelgen -data testdata -misses train    # what a model trained on the rest gets wrong
package main

import (
	"flag"
	"fmt"
	"os"

	// Package advisor reads the drafts for the training (learn.Read), so
	// that the model learns from exactly what a verdict sees.
	_ "github.com/pingwise/pingwise/advisor"
	"github.com/pingwise/pingwise/advisor/internal/train"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "modelgen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("modelgen", flag.ContinueOnError)
	data := fs.String("data", "testdata", "the folder of labelled messages (*.jsonl)")
	dest := fs.String("out", "", "write the model here")
	report := fs.Bool("report", false, "print the cross-validation of the chosen settings")
	search := fs.Bool("search", false, "compare settings by cross-validation")
	misses := fs.String("misses", "", "list the messages of this source (corpus, dev, train) that a model trained on the others gets wrong")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var err error
	switch {
	case *misses != "":
		err = train.Misses(os.Stdout, *data, *misses)
	case *search:
		err = train.Search(os.Stdout, *data)
	case *report:
		err = train.Report(os.Stdout, *data)
	}
	if err != nil || *dest == "" {
		return err
	}
	model, err := train.Model(*data)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*dest, model, 0o644); err != nil {
		return fmt.Errorf("writing the model: %w", err)
	}
	return nil
}
