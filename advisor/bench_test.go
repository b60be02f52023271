package advisor

import (
	"strings"
	"testing"
	"time"
)

// draft2K is a realistic long draft: a project update that mentions an
// incident, asks questions and sets deadlines, so that many cue words and
// phrases are in play.
var draft2K = strings.TrimSpace(`
Hi all, quick update on the checkout migration before Thursday's planning meeting.

Where we are: the new payment service has been running in shadow mode for two weeks. Error rates are
comparable to the old system, and latency is about 15% lower at the 95th percentile. The database
migration scripts were tested against a copy of production on Monday; they took 41 minutes end to end,
which fits inside the maintenance window we agreed with support. Last week's incident, where the
staging site was down for an hour, turned out to be an expired certificate on the load balancer, not
the new code. The postmortem is in the wiki if you want the details, and the renewal is now automated.

What's left: the mobile team still has to switch the SDK endpoint, the finance team needs to confirm
the reconciliation report matches, and legal wants one more look at the updated terms on the payment
page. None of this is blocking, but I'd like the finance confirmation by Friday so that we can pick a
cut-over date with some confidence. If anyone has concerns about the rollback plan, please add them as
comments in the doc rather than replying all; it is easier to keep track of them there.

Open questions: do we announce the switch to customers in advance, or only if something changes for
them? I lean towards a short note in the release notes and no email. Also, should support get a short
training session, or is the written guide enough? I wrote a step-by-step explanation with screenshots,
but a recorded walkthrough might be friendlier for the new folks on the team.

Risks: the main one is the webhook retries from the old provider during the overlap. We tested it, but
real traffic is always different. We will have two people on call during the cut-over and a runbook
that covers the three failure modes we know about.

No rush on replies, but please read this before the planning meeting so we can spend the time on the
cut-over date and not on the background. Thanks, and have a good week.
`)

func TestDraft2KIsRealistic(t *testing.T) {
	if n := len(draft2K); n < 1900 || n > 2300 {
		t.Fatalf("the benchmark draft is %d bytes; keep it near 2 KB", n)
	}
}

func BenchmarkAdvise(b *testing.B) {
	s := Situation{People: 6, Minutes: 30, Text: draft2K}
	lex() // the one-time compile is not part of a verdict
	b.SetBytes(int64(len(draft2K)))
	b.ReportAllocs()
	for b.Loop() {
		Advise(s)
	}
}

func BenchmarkAdviseShort(b *testing.B) {
	berlin := time.FixedZone("CET", 3600)
	s := Situation{People: 1, Text: "hey, the site is down, can you jump on a call?", TheirZone: berlin,
		Now: time.Date(2026, 11, 25, 22, 0, 0, 0, time.UTC)}
	lex()
	b.ReportAllocs()
	for b.Loop() {
		Advise(s)
	}
}
