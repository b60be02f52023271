// Package wine runs Pingwise's Windows build under Wine 8 on Xvfb: the
// tests of the packages that build without cgo, cross-compiled with
// GOOS=windows; the command line; the app's window; the hotkey.
//
// Go 1.22+ Windows programs need ProcessPrng from system32's
// bcryptprimitives.dll, which Wine 8 lacks. The harness (never the product)
// builds a shim DLL with mingw-w64 whose ProcessPrng calls advapi32's
// SystemFunction036, and copies it into the Wine prefix's system32. The
// prefix is made once and kept in the user's cache folder.
//
// The app's own test runs it on explorer's desktop with a notification
// area (explorer /desktop=shell), in a prefix of the test's own (the
// registry copied, drive_c linked), so its wineserver serves that test
// alone and ends with it.
//
// Wine 8 gaps known and accounted for, never hidden: os.RemoveAll fails
// with "Invalid function" (Wine lacks FileDispositionInformationEx), so a
// test whose only failure is t.TempDir's cleanup counts as passed and is
// listed; RegisterHotKey fires only while a Wine window has the keyboard
// focus, so the hotkey tests focus one first; and keys pressed on the Wine
// desktop window go through explorer's thread, whose Ctrl and Shift
// releases reach the app's thread late, so the hotkey is pressed in the
// app's own window.
//
// The tests run when PINGWISE_E2E=1 and then fail, rather than skip, when
// wine, mingw-w64, Xvfb, xdotool or ImageMagick is missing.
package wine
