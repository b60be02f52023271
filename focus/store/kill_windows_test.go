package store_test

import "os"

// killedHard says whether the writer died of Process.Kill: on Windows that
// is TerminateProcess with exit code 1, the code a failing writer exits
// with too, so a writer that wrote nothing to stderr counts as killed.
func killedHard(ps *os.ProcessState, stderrLen int) bool {
	return ps.ExitCode() == 1 && stderrLen == 0
}
