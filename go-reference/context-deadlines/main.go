// Deadlines: WithTimeout and WithDeadline cancel a context by the clock, with their own error.
//
// Run it with `go run ./context-deadlines` in go-reference/. The Rust translations print the
// same context-deadlines/expected.txt:
//   - cargo run --example context-deadlines: std only, an Instant and recv_timeout
//   - cargo run --example context-deadlines-crossbeam: after() and at() in select!
//   - cargo run --example context-deadlines-tokio: tokio::time::timeout and timeout_at
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// fetch waits for a reply until ctx is done. Each call below decides the race before it
// starts: either the reply is already there, or nobody will ever send one.
func fetch(ctx context.Context, reply <-chan string) (string, error) {
	select {
	case r := <-reply:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// describe tells a deadline from a cancel; errors.Is sees through wrapping with %w.
func describe(err error) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return "deadline exceeded"
	}
	return "canceled"
}

func main() {
	// ## Give a call a timeout
	// WithTimeout(ctx, d) is WithDeadline(ctx, time.Now().Add(d)): a runtime timer cancels
	// the context when it fires, and the CancelFunc stops that timer if the work ends first.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := fetch(ctx, make(chan string)) // nobody ever replies
	fmt.Println("no reply:", describe(err))

	// ## A reply that is ready wins
	// The reply is waiting before fetch is called, and the deadline is a second away.
	reply := make(chan string, 1)
	reply <- "42"
	ctx, cancelSoon := context.WithTimeout(context.Background(), time.Second)
	defer cancelSoon()
	if got, err := fetch(ctx, reply); err == nil {
		fmt.Println("ready reply:", got)
	}

	// ## A child cannot outlive its parent's deadline
	// WithTimeout on a parent whose deadline comes sooner keeps the parent's deadline.
	deadline := time.Now().Add(50 * time.Millisecond)
	parent, cancelParent := context.WithDeadline(context.Background(), deadline)
	defer cancelParent()
	child, cancelChild := context.WithTimeout(parent, time.Hour)
	defer cancelChild()
	childDeadline, _ := child.Deadline()
	fmt.Println("child's deadline is its parent's:", childDeadline.Equal(deadline))
	_, err = fetch(child, make(chan string))
	fmt.Println("child:", describe(err))
}
