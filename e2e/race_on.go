//go:build race

package e2e

// raceBuild is true when these tests run with -race: the app under test is
// then built with -race too, so that its own goroutines are checked.
const raceBuild = true
