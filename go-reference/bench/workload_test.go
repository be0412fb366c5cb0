// Package bench holds the Go twins of the Rust criterion benchmarks in benches/: the same
// workloads, with the same capacities, thread counts and unit (one op is one atomic operation,
// one message, one round trip or one goroutine), so that `cargo xtask compare` can put the two
// side by side. Run them with
//
//	cd go-reference && go test -run '^$' -bench . -benchmem ./bench
//
// GOMAXPROCS is Go's default (the number of CPUs) unless the environment sets it; the suffix
// -N on every result name is the GOMAXPROCS it ran with.
//
// The constants and the thread-count rule in this file mirror benches/src/lib.rs; change both.
package bench

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
)

// capacity is N in "bounded(N)": Rust's sync_channel(N), crossbeam's bounded(N), tokio's
// mpsc::channel(N), and make(chan int64, N) here (benches/src/lib.rs CAPACITY).
const capacity = 100

// spawnBatch is how many goroutines BenchmarkSpawn/batch starts before it waits for them
// (benches/src/lib.rs SPAWN_BATCH).
const spawnBatch = 100

// spawnCounts are how many goroutines BenchmarkSpawn/count starts before it waits for them
// (benches/src/lib.rs SPAWN_COUNTS).
var spawnCounts = []int{1, 10, 100, 1_000, 10_000, 100_000, 1_000_000}

// mapKeys is how many keys the read-mostly map benchmarks hold (benches/src/lib.rs MAP_KEYS).
const mapKeys = 1024

// mapWriteEvery: one op in this many is a write in the map benchmarks (MAP_WRITE_EVERY).
const mapWriteEvery = 16

// mapKey is the key op j of worker w touches (map_key() in benches/src/lib.rs).
func mapKey(w, j int) int64 { return int64((w*257 + j*31) % mapKeys) }

// mapReduceJob is how many elements one map-reduce job maps and sums (MAP_REDUCE_JOB).
const mapReduceJob = 1 << 20

// mapReduceChunk is what a pool worker takes from its channel at a time (MAP_REDUCE_CHUNK).
const mapReduceChunk = 1 << 14

// mix is splitmix64's finaliser, the map of the map-reduce benchmarks (mix() in
// benches/src/lib.rs).
func mix(x uint64) uint64 {
	z := x + 0x9E3779B97F4A7C15
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// sink keeps the compiler from dropping a result, as Rust's black_box does.
var sink int64

// threadCounts mirrors thread_counts() in benches/src/lib.rs: the powers of two below the
// number of CPUs, the number of CPUs, and twice it (oversubscribed).
func threadCounts() []int {
	return threadCountsFor(runtime.NumCPU())
}

func threadCountsFor(cores int) []int {
	if cores < 1 {
		cores = 1
	}
	var counts []int
	for n := 1; n < cores; n *= 2 {
		counts = append(counts, n)
	}
	return append(counts, cores, 2*cores)
}

// threadCountsFromTwo is threadCounts without 1.
func threadCountsFromTwo() []int {
	var counts []int
	for _, t := range threadCounts() {
		if t >= 2 {
			counts = append(counts, t)
		}
	}
	return counts
}

// tName is the sub-benchmark name for a thread count: "t=4".
func tName(t int) string { return fmt.Sprintf("t=%d", t) }

// nName is the sub-benchmark name for a number of goroutines: "n=1000" (n() in
// benches/src/lib.rs).
func nName(n int) string { return fmt.Sprintf("n=%d", n) }

// bName is the sub-benchmark name for a message size in bytes: "b=64" (bytes() in
// benches/src/lib.rs).
func bName(size int) string { return fmt.Sprintf("b=%d", size) }

// split shares total ops among parts workers; the first total%parts get one more
// (split() in benches/src/lib.rs).
func split(total, parts int) []int {
	shares := make([]int, parts)
	for i := range shares {
		shares[i] = total / parts
		if i < total%parts {
			shares[i]++
		}
	}
	return shares
}

// timeWorkers runs every worker on its own goroutine and times them: the goroutines are
// started first and wait for a signal, the timer is reset just before it, and stopped once
// all have finished (time_workers() in benches/src/lib.rs).
func timeWorkers(b *testing.B, workers []func()) {
	start := make(chan struct{})
	var ready, done sync.WaitGroup
	ready.Add(len(workers))
	done.Add(len(workers))
	for _, w := range workers {
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			w()
		}()
	}
	ready.Wait()
	b.ResetTimer()
	close(start)
	done.Wait()
	b.StopTimer()
}

func TestThreadCounts(t *testing.T) {
	for cores, want := range map[int][]int{1: {1, 2}, 2: {1, 2, 4}, 6: {1, 2, 4, 6, 12}, 16: {1, 2, 4, 8, 16, 32}} {
		if got := fmt.Sprint(threadCountsFor(cores)); got != fmt.Sprint(want) {
			t.Errorf("threadCountsFor(%d) = %s, want %v", cores, got, want)
		}
	}
	if got := fmt.Sprint(split(10, 3)); got != "[4 3 3]" {
		t.Errorf("split(10, 3) = %s", got)
	}
}
