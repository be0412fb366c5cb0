// Testing concurrent code: `go test -race` beside Rust's loom and Miri, on a WaitGroup
// built by hand from a mutex and a condition variable.
//
// Run it with `go run ./testing` in go-reference/, and its test with `go test -race ./testing`
// (main_test.go). Its Rust twin prints the same testing/expected.txt:
//   - cargo run --example testing: the same WaitGroup; its model test under loom is
//     examples-std/tests/loom.rs, and Miri runs the example itself.
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
		g.zero.Wait()
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
// `go test -race ./testing` runs main_test.go with the race detector, which reports two
// accesses to one variable that nothing orders whenever both happen during the test (within
// the detector's bounded access history): the timing need not be unlucky. Drop the lock from
// Done and it reports WARNING: DATA RACE on count. What it cannot see is a schedule the run
// did not take. The same edit lets a Broadcast fall between Wait's check and its sleep, a
// lost wake-up that hangs the test only when that timing occurs. Under `go test` the runtime
// never calls it a deadlock, because the -timeout alarm is a pending timer: the test waits
// out -timeout (10 minutes by default) and then panics with "test timed out".
func main() {
	results := runWorkers(3)
	fmt.Println("3 workers done:", results)
}
