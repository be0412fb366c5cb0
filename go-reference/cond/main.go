// Condition variables: goroutines sleep until a shared state they can see under a lock
// changes, woken one at a time (Signal) or all at once (Broadcast).
//
// Run it with `go run ./cond` in go-reference/. The Rust twin prints the same
// cond/expected.txt, and `cargo test` checks both:
//   - cargo run --example cond: std::sync::Condvar paired with a Mutex that owns the state
//
// sync.Cond's own docs advise channels for most uses: Signal is like a send, Broadcast like a
// close. A Cond earns its place when the condition is a predicate over shared state.
package main

import (
	"fmt"
	"slices"
	"sync"
)

func main() {
	// ## A queue that consumers wait on
	// The state (items, closed) sits beside the mutex, and the Cond is tied to that mutex.
	// Nothing but discipline makes us hold mu whenever we touch the state.
	var mu sync.Mutex
	nonEmpty := sync.NewCond(&mu)
	var items []int
	closed := false

	var wg sync.WaitGroup
	taken := make([][]int, 3) // One slot per consumer: no lock needed to fill them.
	for c := range taken {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				// Wait unlocks mu, sleeps, and locks mu again before it returns. Between the
				// wake-up and the relock another consumer may have taken the item, and
				// Broadcast wakes every waiter, so the condition is tested again in a loop.
				// (Go's Wait has no spurious wake-ups; the loop is for those two reasons.)
				for len(items) == 0 && !closed {
					nonEmpty.Wait()
				}
				if len(items) == 0 { // Closed and drained.
					mu.Unlock()
					return
				}
				item := items[0]
				items = items[1:]
				mu.Unlock()
				taken[c] = append(taken[c], item)
			}
		}()
	}

	for i := 1; i <= 6; i++ {
		mu.Lock()
		items = append(items, i)
		mu.Unlock()
		nonEmpty.Signal() // One item, one waiter woken (if any is waiting).
	}
	mu.Lock()
	closed = true
	mu.Unlock()
	nonEmpty.Broadcast() // Every consumer must see `closed` to end.

	// The guide's fragments stop here, with their goroutines still running. We wait.
	wg.Wait()
	// Who took what depends on scheduling; all items together, sorted, do not.
	all := slices.Concat(taken...)
	slices.Sort(all)
	fmt.Println("3 consumers took:", all)

	// ## A start gate for many workers
	// Four workers wait until main opens the gate; one Broadcast releases them all. A Cond
	// remembers nothing: a Broadcast with no waiters is lost. A worker that arrives late is
	// saved by the state, which it checks under the lock before it ever waits.
	gate := sync.NewCond(&sync.Mutex{})
	started := false
	passed := make([]bool, 4)
	for w := range passed {
		wg.Add(1)
		go func() {
			defer wg.Done()
			gate.L.Lock()
			for !started {
				gate.Wait()
			}
			gate.L.Unlock()
			passed[w] = true
		}()
	}
	gate.L.Lock()
	started = true
	gate.L.Unlock()
	gate.Broadcast()
	wg.Wait()
	fmt.Println("workers through the gate:", passed)
}
