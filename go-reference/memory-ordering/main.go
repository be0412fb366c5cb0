// Memory ordering: an atomic flag publishes a plain variable written before it. Go's
// atomics are all sequentially consistent, so the flag needs no ordering named.
//
// Run it with `go run ./memory-ordering` in go-reference/. Its Rust counterpart prints the
// same memory-ordering/expected.txt:
//   - cargo run --example memory-ordering: a Release store and an Acquire load
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

func main() {
	// ## Write the data, then raise the flag
	// `data` is a plain variable; only `ready` is atomic. The writer sets the data
	// first and stores the flag last: whoever sees the flag up may read the data.
	var data int64
	var ready atomic.Bool
	go func() {
		data = 1234
		ready.Store(true)
	}()

	// ## Wait for the flag, then read the data
	// In Go's memory model an atomic load that observes an atomic store is synchronized
	// after it, so the write to `data` happens before this read: no race, and no 0.
	// Every sync/atomic operation gives this; there is no weaker kind to choose.
	for !ready.Load() {
		runtime.Gosched() // let the writer run; real code would block on a channel
	}
	fmt.Println("the flag was up, and data was", data)
}
