package advisor_test

import (
	"fmt"

	"github.com/pingwise/pingwise/advisor"
)

func ExampleAdvise() {
	s := advisor.Situation{People: 1, Text: "Can we talk about your review? No rush."}
	if err := s.Validate(); err != nil {
		panic(err)
	}
	v := advisor.Advise(s)
	fmt.Println(v.Mode, v.Channels[0]) // and v.Confidence, how sure it is
	for _, r := range v.Reasons {
		fmt.Printf("%s -> %s %q\n", r.Criterion, r.Leans, r.Words)
	}
	// Output:
	// sync in-person
	// sensitive -> sync ["about your review"]
	// urgent -> async ["No rush"]
	// default -> async []
}

func ExampleCost_Sentence() {
	v := advisor.Advise(advisor.Situation{People: 4, Minutes: 30})
	fmt.Println(v.Cost.Sentence(4, 30))
	// Output:
	// A 30-minute call with 4 people costs 2 h plus 1.5 h of refocus; writing it instead costs about 15 min.
}
