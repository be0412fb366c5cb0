// Context: cancel work by hand or by deadline, and let cancellation flow down a tree.
//
// Run it with `go run ./context` in go-reference/. The Rust translations print the same
// context/expected.txt, and `cargo test` checks all four:
//   - cargo run --example context: std only, an AtomicBool stop flag and Instant deadlines
//   - cargo run --example context-crossbeam: a dropped Sender as Done(), after() as the deadline
//   - cargo run --example context-tokio: tokio-util's CancellationToken and tokio::time::timeout
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// step is one unit of a worker's job; a job of n steps takes n*step unless it is stopped.
const step = 10 * time.Millisecond

// work does `steps` units of work and returns nil, or ctx.Err() as soon as ctx is done.
// Between units it waits in a select on ctx.Done(), so a cancelled worker stops within one
// select, not at the end of its job. Done() is a channel that is closed, never sent on: a
// close wakes every receiver at once, however many goroutines share the context.
func work(ctx context.Context, steps int) error {
	for i := 0; i < steps; i++ {
		select {
		case <-ctx.Done():
			return ctx.Err() // never nil once Done() is closed
		case <-time.After(step): // stands in for one unit of real work
		}
	}
	return nil
}

// start runs work in a goroutine and returns where its result will arrive. The channel has
// room for that one result, so the worker can always send and exit even if nobody receives.
// (The guide's fragment reads `<-doWork()` in a select: if ctx wins and doWork's goroutine
// sends on an unbuffered channel, that goroutine blocks forever, a leak. Its fragment also
// never waits for its own goroutine, so main may exit before anything is printed.)
func start(ctx context.Context, steps int) <-chan error {
	result := make(chan error, 1)
	go func() { result <- work(ctx, steps) }()
	return result
}

// describe tells the two reasons apart. ctx.Err() returns the bare sentinel values, but
// errors.Is also recognises them after a caller has wrapped them with fmt.Errorf("%w").
func describe(err error) string {
	switch {
	case err == nil:
		return "finished"
	case errors.Is(err, context.DeadlineExceeded):
		return "deadline exceeded"
	case errors.Is(err, context.Canceled):
		return "canceled"
	}
	return err.Error()
}

func main() {
	// ## Give each worker a deadline
	// WithTimeout starts a runtime timer that cancels the context when it fires. The returned
	// cancel func releases that timer early; `go vet` complains if it is never called.
	fastCtx, cancelFast := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancelFast()
	slowCtx, cancelSlow := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancelSlow()
	fast := start(fastCtx, 1)   // 10 ms of work, 500 ms allowed
	slow := start(slowCtx, 200) // 2 s of work, 50 ms allowed

	// ## Cancelling a child leaves its parent running
	// Deriving a context registers the child with its parent. Cancelling the child removes it
	// from the parent and closes only the child's Done(): nothing flows up the tree.
	parent, cancelParent := context.WithCancel(context.Background())
	sibling, cancelSibling := context.WithCancel(parent)
	cancelSibling()
	fmt.Println("sibling:", describe(sibling.Err())+"; parent still running:", parent.Err() == nil)

	// ## Cancelling a parent cancels its children
	// The child has a deadline of its own (1 s), but its parent is cancelled after 20 ms, and
	// the parent's cancel walks down to every child, passing on its own reason: Canceled.
	child, cancelChild := context.WithTimeout(parent, time.Second)
	defer cancelChild()
	inTree := start(child, 200) // 2 s of work
	time.Sleep(20 * time.Millisecond)
	cancelParent()

	// ## Collect the results in a fixed order
	// Each receive waits for that worker, so every worker has exited by the last line, and
	// the order of the lines does not depend on which worker stopped first.
	fmt.Println("worker fast:", describe(<-fast))
	fmt.Println("worker slow:", describe(<-slow))
	fmt.Println("worker child:", describe(<-inTree))
}
