// Timeouts: a select with time.After gives up on a wait, and context.WithTimeout bounds a
// whole call, which sees the deadline through ctx.Done().
//
// Run it with `go run ./timeouts` in go-reference/. Its Rust counterparts print the same
// timeouts/expected.txt:
//   - cargo run --example timeouts: std's recv_timeout
//   - cargo run --example timeouts-crossbeam: recv_timeout, select! with after(), recv_deadline
//   - cargo run --example timeouts-tokio: tokio::time::timeout around a future
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	// ## Give up on a receive
	// time.After returns a channel on which a timer sends once the duration has passed,
	// so a timeout is one more case of the select. Nothing ever sends on `never`: the
	// timer case is certain to win.
	never := make(chan string)
	select {
	case reply := <-never:
		fmt.Println("reply:", reply)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("no reply in time: gave up")
	}

	// ## Receive in time
	// The reply is already in the buffer before the select starts, so it wins long
	// before the second is up. The unused timer needs no Stop: since Go 1.23 the garbage
	// collector takes it once nothing refers to it, fired or not.
	replies := make(chan string, 1)
	replies <- "pong"
	select {
	case reply := <-replies:
		fmt.Println("reply:", reply)
	case <-time.After(time.Second):
		fmt.Println("no reply in time: gave up")
	}

	// ## Bound a call with a deadline
	// context.WithTimeout gives the call a deadline that it, and anything it calls,
	// can watch on ctx.Done(). cancel releases the timer early if the call returns first.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := lookup(ctx, never); errors.Is(err, context.DeadlineExceeded) {
		fmt.Println("lookup: deadline exceeded")
	}
}

// lookup waits for a reply or for its context to end, whichever comes first.
func lookup(ctx context.Context, replies <-chan string) (string, error) {
	select {
	case reply := <-replies:
		return reply, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
