package store_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
	_ "time/tzdata" // the DST cases must not depend on the machine's zoneinfo

	"github.com/pingwise/pingwise/focus"
	"github.com/pingwise/pingwise/focus/store"
)

// The test binary doubles as the writer process of the multi-process and
// kill -9 tests: run with these variables set, it logs interruptions into
// the database instead of running tests.
const (
	writerDB    = "PINGWISE_TEST_WRITER_DB"
	writerCount = "PINGWISE_TEST_WRITER_COUNT" // 0: until killed
)

func TestMain(m *testing.M) {
	if path := os.Getenv(writerDB); path != "" {
		n, _ := strconv.Atoi(os.Getenv(writerCount))
		os.Exit(writer(path, n))
	}
	if path := os.Getenv(mergeDB); path != "" {
		os.Exit(merger(path, os.Getenv(mergeFolder)))
	}
	code := m.Run()
	dropHistories()
	os.Exit(code)
}

// writer logs n interruptions, or until killed when n is 0, and prints each
// one's id only once AddInterruption has returned: a printed id is an
// acknowledged write.
func writer(path string, n int) int {
	db, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer db.Close()
	base := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	for k := 0; n == 0 || k < n; k++ {
		i := focus.Interruption{ID: focus.NewID(), At: base.Add(time.Duration(k) * time.Millisecond),
			Direction: focus.Incoming, Channel: focus.Chat, Outcome: focus.Taken, People: 1,
			Note: fmt.Sprintf("writer %d, #%d", os.Getpid(), k)}
		if err := db.AddInterruption(&i); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println(i.ID) // one write of 33 bytes: a pipe never splits it
	}
	return 0
}

// startWriter runs the test binary as a writer of n interruptions into path.
func startWriter(t *testing.T, path string, n int) (*exec.Cmd, *bufio.Scanner, *bytes.Buffer) {
	t.Helper()
	return startChild(t, writerDB+"="+path, writerCount+"="+strconv.Itoa(n))
}

// startChild runs the test binary with env added, as a child the test
// controls.
func startChild(t *testing.T, env ...string) (*exec.Cmd, *bufio.Scanner, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out), &stderr
}

type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) advance(d time.Duration) { c.now = c.now.Add(d) }

func dbPath(t testing.TB) string { return filepath.Join(t.TempDir(), "pingwise.db") }

func open(t testing.TB, path string) *store.DB {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// pragma reads a one-value PRAGMA on a connection of its own, as another
// program inspecting the file would.
func pragma(t testing.TB, path, name string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v string
	if err := db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

func fileHash(t testing.TB, path string) [sha256.Size]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatal(err)
	}
	return [sha256.Size]byte(h.Sum(nil))
}
