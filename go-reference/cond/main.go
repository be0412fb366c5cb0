// Condition variables: goroutines sleep until a shared state, which they check under a lock,
// changes; Signal wakes one of them, Broadcast wakes them all.
//
// Run it with `go run ./cond` in go-reference/. Its Rust twin is `cargo run --example cond`
// (std::sync::Condvar with a Mutex that owns the state); both print cond/expected.txt.
package main

import (
	"fmt"
	"slices"
	"sync"
)

func main() {
	// ## Tie a Cond to the lock that guards the state
	// The state (items, closed) sits beside the mutex, and the Cond holds that mutex as L.
	// Nothing but discipline makes us hold mu whenever we touch the state.
	var mu sync.Mutex
	nonEmpty := sync.NewCond(&mu)
	var items []int
	closed := false

	// ## Wait in a loop
	// Wait unlocks mu, sleeps, and locks mu again before it returns. Between the wake-up and
	// the relock another consumer may have taken the item, and Broadcast wakes everyone, so
	// the condition is tested again in a loop. (Go's Wait never wakes spuriously.)
	taken := make([][]int, 3) // one slot per consumer: no lock needed to fill them
	var wg sync.WaitGroup
	for c := range taken {
		wg.Go(func() {
			for {
				mu.Lock()
				for len(items) == 0 && !closed {
					nonEmpty.Wait()
				}
				if len(items) == 0 { // closed and drained
					mu.Unlock()
					return
				}
				item := items[0]
				items = items[1:]
				mu.Unlock()
				taken[c] = append(taken[c], item)
			}
		})
	}

	// ## Signal one waiter per item
	// Change the state under the lock, then Signal. A Cond remembers nothing: a Signal with
	// no waiter is lost, and a consumer that comes later is saved by checking the state.
	for i := 1; i <= 6; i++ {
		mu.Lock()
		items = append(items, i)
		mu.Unlock()
		nonEmpty.Signal()
	}

	// ## Broadcast to every waiter
	// Every consumer must see `closed` to end, so all of them are woken.
	mu.Lock()
	closed = true
	mu.Unlock()
	nonEmpty.Broadcast()
	wg.Wait()

	// Who took what depends on scheduling; all items together, sorted, do not.
	all := slices.Concat(taken...)
	slices.Sort(all)
	fmt.Print("3 consumers took:")
	for _, item := range all {
		fmt.Print(" ", item)
	}
	fmt.Println()
}
