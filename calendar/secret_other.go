//go:build !linux

package calendar

// isNoService: elsewhere the library says ErrUnsupportedPlatform itself.
func isNoService(error) bool { return false }
