package control

import (
	"testing"

	"golang.org/x/sys/windows"
)

// The pipe admits its user alone: one ACE, allowing the user's SID, and
// none inherited that might let others in.
func TestPipeIsPrivate(t *testing.T) {
	if windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil {
		t.Skip("Wine 8 keeps no security descriptor on pipes")
	}
	_, sock := listen(t, &fakeHandler{})
	name, sid, err := pipeName(sock)
	if err != nil {
		t.Fatal(err)
	}
	sd, err := windows.GetNamedSecurityInfo(name, windows.SE_KERNEL_OBJECT, windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sd.String(), "D:P(A;;FA;;;"+sid+")"; got != want {
		t.Errorf("pipe security %s, want %s", got, want)
	}
}
