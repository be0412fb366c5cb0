// Testing concurrent code: `go test -race` beside Rust's loom and Miri, on a WaitGroup
// built by hand from a mutex and a condition variable.
//
// Run it with `go run ./testing` in go-reference/, and its test with `go test -race ./testing`
// (main_test.go). Its Rust twin prints the same testing/expected.txt:
//   - cargo run --example testing: the same WaitGroup, which examples-std/tests/loom.rs
//     model-checks under loom, and which Miri runs (`cargo +nightly miri test --example testing`).
package main

import (
	"fmt"
	"sync"
)

// ## A WaitGroup built by hand
// A count guarded by a mutex, and a condition variable to sleep on until it reaches zero.
// (sync.WaitGroup does this for real; the point is a handoff whose tests we can discuss.)
type Group struct {
	mu    sync.Mutex
	zero  *sync.Cond
	count int
}

func NewGroup(n int) *Group {
	g := &Group{count: n}
	g.zero = sync.NewCond(&g.mu)
	return g
}

func (g *Group) Done() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.count--
	if g.count == 0 {
		g.zero.Broadcast()
	}
}

func (g *Group) Wait() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for g.count > 0 {
		g.zero.Wait() // unlocks mu while asleep, locks it again before returning
	}
}

// ## Use it
// Each worker writes its own slot, then calls Done. Wait returns after the last Done, and the
// mutex orders every worker's write before it: main may read the slots without a lock.
func runWorkers(n int) []int {
	results := make([]int, n)
	g := NewGroup(n)
	for i := range n {
		go func() {
			results[i] = i * 10
			g.Done()
		}()
	}
	g.Wait()
	return results
}

// ## What each tool finds
// `go test -race ./testing` reports two unordered accesses to one variable whenever both
// happen in the run, however lucky the timing. Drop the lock from Done and it reports the race
// on count; the run may also hang, because two `count--` can lose a decrement, and because a
// Broadcast can fall between Wait's check and its sleep (a lost wake-up). See README.md.
func main() {
	results := runWorkers(3)
	fmt.Print("3 workers done:")
	for _, r := range results {
		fmt.Printf(" %d", r)
	}
	fmt.Println()
}
