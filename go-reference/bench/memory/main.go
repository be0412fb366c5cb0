// Command memory is the Go side of benches/src/bin/memory.rs: the peak resident memory of a
// process that holds N goroutines at once, each waiting on a timer (time.Sleep), the method of
// Kołaczkowski's "How Much Memory Do You Need to Run 1 Million Concurrent Tasks?" (2023).
//
// With -n it runs once and prints one line, "peak_kib=K early=E seconds=S": the peak (VmHWM in
// /proc/self/status, Linux only) after every goroutine is done, and how many had finished
// before the last one was started (more than 0 means -wait was too short). Without -n it runs
// itself for N = 0, 1k, 10k, 100k and 1M, each in a fresh process, and prints bytes per
// goroutine: (peak at N - peak at N = 0) / N. A run whose predicted peak is over -max-mib or
// half of MemAvailable is skipped.
//
//	cd go-reference && go run ./bench/memory
//
// cargo run --release -p benches --bin memory runs it next to the Rust units.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	n := flag.Int("n", -1, "hold this many goroutines and print the peak (default: sweep)")
	wait := flag.Duration("wait", 0, "how long each goroutine sleeps (default: 2s, 10s at 1M)")
	maxMiB := flag.Int("max-mib", 4096, "skip a sweep run predicted to need more than this")
	flag.Parse()
	if *n >= 0 {
		once(*n, waitFor(*n, *wait))
		return
	}
	sweep(*wait, *maxMiB)
}

func waitFor(n int, wait time.Duration) time.Duration {
	switch {
	case wait > 0:
		return wait
	case n >= 1_000_000:
		return 10 * time.Second
	default:
		return 2 * time.Second
	}
}

func once(n int, wait time.Duration) {
	start := time.Now()
	var finished atomic.Int64
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer wg.Done()
			time.Sleep(wait)
			finished.Add(1)
		}()
	}
	early := finished.Load()
	wg.Wait()
	peak, err := statusKiB("/proc/self/status", "VmHWM:")
	if err != nil {
		fmt.Fprintln(os.Stderr, "no VmHWM in /proc/self/status: this tool needs Linux:", err)
		os.Exit(2)
	}
	fmt.Printf("peak_kib=%d early=%d seconds=%.2f\n", peak, early, time.Since(start).Seconds())
}

// statusKiB reads a "Name:   1234 kB" field of a /proc status-like file.
func statusKiB(path, name string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), name); ok {
			fields := strings.Fields(rest)
			if len(fields) > 0 {
				return strconv.ParseInt(fields[0], 10, 64)
			}
		}
	}
	return 0, fmt.Errorf("%s not in %s", name, path)
}

func sweep(wait time.Duration, maxMiB int) {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "memory:", err)
		os.Exit(1)
	}
	var base, lastN, lastPeak int64 = -1, 0, 0
	fmt.Println("| goroutines | peak RSS | bytes per goroutine |")
	fmt.Println("|---:|---:|---:|")
	for _, n := range []int64{0, 1_000, 10_000, 100_000, 1_000_000} {
		if base >= 0 && lastN > 0 {
			perUnit := float64(lastPeak-base) / float64(lastN)
			predicted := (float64(base) + 1.25*perUnit*float64(n)) / 1024
			available, _ := statusKiB("/proc/meminfo", "MemAvailable:")
			limit := min(float64(maxMiB), float64(available)/1024/2)
			if predicted > limit {
				fmt.Printf("| %d | not run: predicted %.0f MiB, over %.0f MiB | |\n", n, predicted, limit)
				continue
			}
		}
		args := []string{"-n", strconv.FormatInt(n, 10)}
		if wait > 0 {
			args = append(args, "-wait", wait.String())
		}
		out, err := exec.Command(exe, args...).Output()
		if err != nil {
			fmt.Printf("| %d | failed: %v | |\n", n, err)
			return
		}
		var peak, early int64
		var seconds float64
		if _, err := fmt.Sscanf(strings.TrimSpace(string(out)), "peak_kib=%d early=%d seconds=%f", &peak, &early, &seconds); err != nil {
			fmt.Printf("| %d | unreadable output %q | |\n", n, out)
			return
		}
		note := ""
		if early > 0 {
			note = fmt.Sprintf(" (%d finished before the last started: low)", early)
		}
		if n == 0 {
			base = peak
			fmt.Printf("| 0 | %d KiB | baseline |\n", peak)
			continue
		}
		lastN, lastPeak = n, peak
		fmt.Printf("| %d | %d KiB | %.0f B%s |\n", n, peak, float64(peak-base)*1024/float64(n), note)
	}
}
