// Atomics: sync/atomic's functions and Go 1.19's typed atomics, all sequentially consistent.
//
// Run it with `go run ./atomics` in go-reference/. The Rust twin prints the same
// atomics/expected.txt, and `cargo test` checks both:
//   - cargo run --example atomics: AtomicI64/AtomicBool, each operation with a chosen Ordering
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	// ## A shared counter
	// The function API works on a plain int64: nothing marks `counter` as atomic, and a
	// `counter++` elsewhere would compile and race. (On 32-bit platforms a plain int64 is also
	// not guaranteed the 8-byte alignment 64-bit atomics need there; atomic.Int64 is.)
	// No ordering is chosen anywhere in Go: the memory model (revised for Go 1.19) says all
	// sync/atomic operations behave as if sequentially consistent.
	var counter int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				atomic.AddInt64(&counter, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("counter:", atomic.LoadInt64(&counter))

	// ## Load, store and swap
	// From here on, Go 1.19's typed atomics: the value can only be reached through its
	// methods, so no plain access can slip in, as with Rust's atomic types.
	var gauge atomic.Int64
	gauge.Store(42)
	old := gauge.Swap(7)
	fmt.Println("swap returned", old, "and left", gauge.Load())

	// ## Compare and swap
	// CompareAndSwap writes only if the value is still what we expected, and reports
	// whether it did: the first caller claims the flag, every later one is told it lost.
	var claimed atomic.Bool
	first := claimed.CompareAndSwap(false, true)
	second := claimed.CompareAndSwap(false, true)
	fmt.Printf("first claim: %v, second claim: %v\n", first, second)

	// A CAS loop builds any update the package lacks, here "store the maximum": read,
	// compute, and retry if another goroutine changed the value in between.
	var highest atomic.Int64
	for _, v := range []int64{17, 4, 97, 42, 63} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for cur := highest.Load(); v > cur; cur = highest.Load() {
				if highest.CompareAndSwap(cur, v) {
					break
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println("max:", highest.Load())

	// ## Publish data behind a ready flag
	// `data` is a plain variable. The writer sets it, then stores the flag; once the reader
	// loads true it may read `data`: in Go's memory model an atomic load that observes a
	// store is synchronized after it, so the write to `data` happens before the read.
	// Go gives every atomic this guarantee; Rust asks for it with Release and Acquire.
	var data int64
	var ready atomic.Bool
	go func() {
		data = 1234
		ready.Store(true)
	}()
	seen := make(chan int64)
	go func() {
		for !ready.Load() {
			runtime.Gosched() // let the writer run; real code would block on a channel
		}
		seen <- data
	}()
	fmt.Println("reader saw ready, then data =", <-seen)

	// ## When only sequential consistency will do
	// Two goroutines each raise their own flag, then enter only if the other's flag is still
	// down. With sequentially consistent atomics (Go's only kind) the four operations fall
	// into one total order, so at least one goroutine sees the other's flag: both entering
	// is impossible. Rust needs SeqCst for this; Release/Acquire would allow it. (A zero
	// printed below cannot prove the rule; the argument does.)
	const rounds = 100
	both := 0
	for range rounds {
		var flagA, flagB atomic.Bool
		var entered atomic.Int64
		enter := func(mine, theirs *atomic.Bool) {
			defer wg.Done()
			mine.Store(true)
			if !theirs.Load() {
				entered.Add(1)
			}
		}
		wg.Add(2)
		go enter(&flagA, &flagB)
		go enter(&flagB, &flagA)
		wg.Wait()
		if entered.Load() == 2 {
			both++
		}
	}
	fmt.Printf("rounds where both entered: %d of %d\n", both, rounds)
}
