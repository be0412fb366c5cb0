// WaitGroup: start a group of goroutines, wait until every one has finished, then read
// what they produced.
//
// Run it with `go run ./waitgroup` in go-reference/. The Rust twins print the same
// waitgroup/expected.txt, and `cargo test` checks all five:
//   - cargo run --example waitgroup: a Vec of JoinHandles, joined in order
//   - cargo run --example waitgroup-scoped: std::thread::scope joins every thread at its end
//   - cargo run --example waitgroup-crossbeam: crossbeam's WaitGroup, where a drop is Done
//   - cargo run --example waitgroup-tokio: tokio's JoinSet, which yields in completion order
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	words := []string{"goroutine", "channel", "mutex", "waitgroup"}

	// ## Start a group of workers
	// A WaitGroup is a counter. Add(1) goes before the `go` statement: inside the goroutine
	// it could run after Wait had already seen 0 and returned. (Go 1.25's vet reports that
	// mistake, and its WaitGroup.Go does Add, go and Done in one call; we target Go 1.22.)
	// `defer wg.Done()` runs Done on every way out of the function. Each worker writes only
	// its own element of `lengths`, so no two goroutines touch the same memory. Later
	// workers sleep less and finish first; indexing by slot hides that from the output.
	var wg sync.WaitGroup
	lengths := make([]int, len(words))
	for i, word := range words {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(len(words)-i) * 10 * time.Millisecond)
			lengths[i] = len(word)
		}()
	}
	fmt.Println("started", len(words), "workers")

	// ## Wait for every one of them
	// Wait blocks until the counter is back to 0. Forget one Done and it never is: Wait
	// blocks forever, and neither the compiler nor vet says a word. If every goroutine is
	// then blocked, the runtime ends the process with "fatal error: all goroutines are
	// asleep - deadlock!"; if anything else is still alive (a server, a ticker) it just
	// hangs. One Done too many panics with "sync: negative WaitGroup counter".
	wg.Wait()
	fmt.Println("all", len(words), "workers are done")

	// ## Read the results in order
	// Each Done "synchronizes before" the return of the Wait it unblocks (the memory model's
	// words), so main may read every slot without a lock, and -race agrees. The guide's
	// version prints from inside the goroutines instead, in whatever order they run.
	fmt.Println("lengths:", lengths)
}
