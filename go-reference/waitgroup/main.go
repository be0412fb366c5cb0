// WaitGroup: count the goroutines of a group up front, have each one say Done, and Wait
// until the count is back to zero.
//
// Run it with `go run ./waitgroup` in go-reference/. Its Rust counterparts print the same
// waitgroup/expected.txt:
//   - cargo run --example waitgroup: a Vec of JoinHandles, joined one by one
//   - cargo run --example waitgroup-scoped: std::thread::scope, which joins them all
//   - cargo run --example waitgroup-crossbeam: crossbeam's WaitGroup, where a drop is Done
//   - cargo run --example waitgroup-tokio: tokio's JoinSet
package main

import (
	"fmt"
	"sync"
)

func main() {
	words := []string{"goroutine", "channel", "mutex", "waitgroup"}
	lengths := make([]int, len(words))

	// ## Add to the counter
	// A WaitGroup is a counter, and Add goes before the `go` statements: called inside a
	// goroutine, it could come after Wait had already seen zero and returned. Since Go
	// 1.25, wg.Go(f) does Add(1), go and Done in one call, leaving nothing to balance.
	var wg sync.WaitGroup
	wg.Add(len(words))

	// ## Start the workers
	// `defer wg.Done()` runs on every way out of the function. Each worker writes only its
	// own element of `lengths`, so no two goroutines touch the same memory.
	for i, word := range words {
		go func() {
			defer wg.Done()
			lengths[i] = len(word)
		}()
	}
	fmt.Println("started", len(words), "workers")

	// ## Wait for every one of them
	// Wait blocks until the counter is back to zero. One Done too few and it blocks for
	// ever, and no tool says so before the program runs; one too many panics with
	// "sync: negative WaitGroup counter".
	wg.Wait()
	fmt.Println("all", len(words), "workers are done")

	// ## Read the results in order
	// Every Done happens before the Wait it releases returns, so main reads each slot
	// without a lock, in slot order, however the workers were scheduled.
	fmt.Print("lengths:")
	for _, n := range lengths {
		fmt.Print(" ", n)
	}
	fmt.Println()
}
