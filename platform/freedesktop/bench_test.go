package freedesktop

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// burstSize is the flood the issue names: 5,000 notifications in a few
// seconds.
const burstSize = 5000

// TestMain doubles as the flood's sender: BenchmarkBurst runs this test
// binary again with QUIET_BURST_BUS set, so that the sender's and the fake
// server's memory and CPU are not counted as the monitor's.
func TestMain(m *testing.M) {
	if addr := os.Getenv("QUIET_BURST_BUS"); addr != "" {
		if err := burstSender(addr); err != nil {
			fmt.Fprintln(os.Stderr, "burst sender:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// burstSender serves a fake notification server and, for each number read
// on stdin, sends that many Notify calls to it, then says "sent".
func burstSender(addr string) error {
	srv, err := dbus.Connect(addr)
	if err != nil {
		return err
	}
	if err := srv.Export(&fakeServer{name: "burst"}, notifyPath, notifyIface); err != nil {
		return err
	}
	if reply, err := srv.RequestName(notifyName, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		return fmt.Errorf("take %s: %v (reply %d)", notifyName, err, reply)
	}
	cli, err := dbus.Connect(addr)
	if err != nil {
		return err
	}
	fmt.Println("ready")
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		n, err := strconv.Atoi(in.Text())
		if err != nil {
			return err
		}
		start := time.Now()
		if err := notifyBurst(cli, n); err != nil {
			return err
		}
		fmt.Println("sent", time.Since(start).Microseconds())
	}
	return nil
}

// BenchmarkBurst floods a private session bus with 5,000 Notify calls from
// another process while Monitor and a Coalescer count them, as the app
// would. Reported per burst: the time from the first call sent to the last
// one coalesced (and, for scale, how long the sender waited for its
// replies), the peak heap in use above the idle baseline, drops, the
// interruptions the burst became, and the worst delay of a 1 ms ticker (a
// stand-in for the tray's event loop; ReadMemStats's own pauses included).
func BenchmarkBurst(b *testing.B) {
	need(b, "dbus-daemon")
	d := newDesk(b, deskOpts{})
	sender := exec.Command(os.Args[0], "-test.run=^$")
	sender.Env = append(os.Environ(), "QUIET_BURST_BUS="+d.addr)
	sender.Stderr = os.Stderr
	stdin, err := sender.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := sender.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := sender.Start(); err != nil {
		b.Fatal(err)
	}
	d.procs = append(d.procs, sender)
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() || lines.Text() != "ready" {
		b.Fatalf("the sender did not start: %q", lines.Text())
	}

	var handled, target atomic.Int64
	var fresh atomic.Bool // start each burst with no open groups
	reached := make(chan struct{}, 1)
	co := NewCoalescer(0, 0, false)
	interruptions := 0 // touched only by the callback goroutine
	w, err := Monitor(d.addr, []string{"Pingwise"}, func(n Notification) {
		if fresh.Swap(false) {
			co.Reset()
		}
		if _, isNew := co.Add(n, time.Now()); isNew {
			interruptions++
		}
		if handled.Add(1) == target.Load() {
			reached <- struct{}{}
		}
	})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Stop()

	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	baseline := ms.HeapInuse
	var peak atomic.Uint64
	var worstLag atomic.Int64
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		const every = time.Millisecond
		tick := time.NewTicker(every)
		defer tick.Stop()
		last := time.Now()
		var ms runtime.MemStats
		for i := 0; ; i++ {
			select {
			case <-stopSampling:
				return
			case now := <-tick.C:
				if lag := now.Sub(last) - every; int64(lag) > worstLag.Load() {
					worstLag.Store(int64(lag))
				}
				last = now
				if i%5 == 0 { // ReadMemStats stops the world: every 5 ms is enough
					runtime.ReadMemStats(&ms)
					if ms.HeapInuse > peak.Load() {
						peak.Store(ms.HeapInuse)
					}
				}
			}
		}
	}()

	var total, sending time.Duration
	b.ResetTimer()
	for range b.N {
		fresh.Store(true)
		target.Store(handled.Load() + burstSize)
		start := time.Now()
		fmt.Fprintln(stdin, burstSize)
		select {
		case <-reached:
		case <-time.After(60 * time.Second):
			b.Fatalf("after 60s the monitor had handled %d of %d; stats %+v", handled.Load(), target.Load(), w.Stats())
		}
		total += time.Since(start)
		var us int64
		if !lines.Scan() || func() bool { _, err := fmt.Sscanf(lines.Text(), "sent %d", &us); return err != nil }() {
			b.Fatalf("the sender failed: %q", lines.Text())
		}
		sending += time.Duration(us) * time.Microsecond
	}
	b.StopTimer()
	close(stopSampling)
	<-sampled
	s := w.Stats()
	if s.Dropped != 0 || s.Seen != uint64(b.N*burstSize) {
		b.Fatalf("stats %+v after %d bursts of %d", s, b.N, burstSize)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-to-last/burst")
	b.ReportMetric(float64(sending.Milliseconds())/float64(b.N), "ms-sender/burst")
	b.ReportMetric(float64(peak.Load()-min(peak.Load(), baseline))/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(s.Dropped), "dropped")
	b.ReportMetric(float64(time.Duration(worstLag.Load()).Milliseconds()), "worst-tick-lag-ms")
	b.ReportMetric(float64(interruptions)/float64(b.N), "interruptions/burst")
}
