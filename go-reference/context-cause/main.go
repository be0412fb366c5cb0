// Causes: WithCancelCause records why a context was cancelled, and AfterFunc runs a function
// once it is done.
//
// Run it with `go run ./context-cause` in go-reference/. The Rust translations print the same
// context-cause/expected.txt:
//   - cargo run --example context-cause: std only, a OnceLock beside a channel, and a thread
//   - cargo run --example context-cause-tokio: a OnceLock beside a CancellationToken, and a task
package main

import (
	"context"
	"errors"
	"fmt"
)

var (
	errShutdown   = errors.New("server shutting down")
	errClientGone = errors.New("client went away")
)

func main() {
	// ## Derive a context that records a cause
	// Its CancelCauseFunc takes the reason. go vet wants it called on every path, as any
	// CancelFunc; cancel(nil) records Canceled itself as the cause.
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)

	// ## Run a function once the context is done
	// AfterFunc registers f with ctx and, once ctx is done, starts it in a goroutine of its
	// own. It returns a stop func (unused here) that unregisters f if it has not started.
	cleanup := make(chan string, 1)
	context.AfterFunc(ctx, func() {
		cleanup <- "cleanup saw: " + context.Cause(ctx).Error()
	})

	// ## Cancel with a cause
	// ctx.Err() stays Canceled for code that only asks whether to stop; Cause says why.
	cancel(errShutdown)
	fmt.Println(<-cleanup)
	fmt.Println("canceled:", errors.Is(ctx.Err(), context.Canceled))
	fmt.Println("cause:", context.Cause(ctx))

	// ## The first cause wins
	cancel(errClientGone)
	fmt.Println("cause after a second cancel:", context.Cause(ctx))
}
