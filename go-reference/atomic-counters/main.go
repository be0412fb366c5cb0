// Atomic counters: many goroutines add to one integer without a lock, with atomic.Int64 or
// the older functions over a plain int64, and a compare-and-swap loop keeps a maximum.
//
// Run it with `go run ./atomic-counters` in go-reference/. Its Rust counterpart prints the
// same atomic-counters/expected.txt:
//   - cargo run --example atomic-counters: AtomicU64::fetch_add and fetch_max
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	// ## Count with atomic.Int64
	// The typed atomic (Go 1.19) can be reached only through its methods, so no plain
	// `ops++` can slip in. No ordering is chosen: every sync/atomic operation is
	// sequentially consistent. Load after Wait sees all 8000 increments.
	var ops atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				ops.Add(1)
			}
		})
	}
	wg.Wait()
	fmt.Println("ops:", ops.Load())

	// ## Count with the atomic functions
	// The older API works on a plain int64: nothing marks `hits` as atomic, and a `hits++`
	// elsewhere would compile and race. On 32-bit platforms the functions need the word
	// 64-bit aligned: certain for a local variable like this one, not for an int64 field
	// that follows a smaller one in a struct. atomic.Int64 is aligned wherever it is.
	var hits int64
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				atomic.AddInt64(&hits, 1)
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", atomic.LoadInt64(&hits))

	// ## Keep a maximum with compare-and-swap
	// sync/atomic has no "store the maximum", so a loop builds it: read, and replace
	// the value only if it is still what was read; if another goroutine changed it in
	// between, read again.
	var highest atomic.Int64
	for _, v := range []int64{17, 4, 97, 42, 63} {
		wg.Go(func() {
			for cur := highest.Load(); v > cur; cur = highest.Load() {
				if highest.CompareAndSwap(cur, v) {
					break
				}
			}
		})
	}
	wg.Wait()
	fmt.Println("max:", highest.Load())
}
