// Cancellation: a CancelFunc closes ctx.Done(), and a cancel flows down a tree of contexts.
//
// Run it with `go run ./context-cancellation` in go-reference/. The Rust translations print
// the same context-cancellation/expected.txt:
//   - cargo run --example context-cancellation: std only, a stop flag per context
//   - cargo run --example context-cancellation-crossbeam: a channel closed by dropping its Sender
//   - cargo run --example context-cancellation-tokio: tokio-util's CancellationToken
package main

import (
	"context"
	"errors"
	"fmt"
)

// state reads ctx.Err(): nil while the context runs, Canceled once a cancel has reached it.
func state(ctx context.Context) string {
	if errors.Is(ctx.Err(), context.Canceled) {
		return "canceled"
	}
	return "running"
}

// worker serves jobs until its context is done. Nobody sends a job here, so only a cancel can
// end it. Done() is closed, never sent on: the close wakes every goroutine waiting on it.
func worker(ctx context.Context, jobs <-chan int, stopped chan<- string) {
	for {
		select {
		case <-ctx.Done():
			stopped <- state(ctx)
			return
		case <-jobs:
		}
	}
}

func main() {
	// ## Derive a tree of contexts
	// WithCancel registers the child with its parent and returns the CancelFunc that cancels
	// it. go vet insists that every CancelFunc is called; calling one twice does nothing.
	parent, cancelParent := context.WithCancel(context.Background())
	defer cancelParent()
	left, cancelLeft := context.WithCancel(parent)
	defer cancelLeft()
	right, cancelRight := context.WithCancel(parent)
	defer cancelRight()

	// ## Start a worker under one child
	jobs := make(chan int) // nobody sends
	stopped := make(chan string, 1)
	go worker(right, jobs, stopped)

	// ## Cancelling a child leaves its parent and siblings running
	// Nothing flows up the tree: the parent only forgets the cancelled child.
	cancelLeft()
	fmt.Println("left:", state(left))
	fmt.Println("parent:", state(parent))
	fmt.Println("right:", state(right))

	// ## Cancelling the parent cancels every child
	// cancelParent() cancels each child, at any depth, before it returns, so right is
	// canceled at once; the worker wakes from its select and reports back.
	cancelParent()
	fmt.Println("right:", state(right))
	fmt.Println("worker under right stopped:", <-stopped)
}
