// Values: WithValue carries request-scoped values down a call chain, and WithoutCancel keeps
// them while dropping the parent's cancel.
//
// Run it with `go run ./context-values` in go-reference/. The Rust translations print the
// same context-values/expected.txt:
//   - cargo run --example context-values: std only, a Request struct passed as an argument
//   - cargo run --example context-values-tokio: tokio::task_local! and a fresh CancellationToken
package main

import (
	"context"
	"fmt"
)

// requestIDKey is an unexported type, so no other package can build a key equal to it.
type requestIDKey struct{}

// logLine sits deep in the call chain, and its signature says nothing of request IDs. Value
// returns an `any` that the caller must assert; a missing key fails the comma-ok assertion.
func logLine(ctx context.Context, msg string) {
	if id, ok := ctx.Value(requestIDKey{}).(string); ok {
		fmt.Println(id+":", msg)
	} else {
		fmt.Println("(no request):", msg)
	}
}

func handle(ctx context.Context) {
	logLine(ctx, "handling")
	query(ctx)
}

func query(ctx context.Context) {
	logLine(ctx, "querying the store")
}

func audit(ctx context.Context) {
	fmt.Println("detached still running:", ctx.Err() == nil)
	logLine(ctx, "audit after the request")
}

func main() {
	// ## Attach a value to the context
	// Each WithValue wraps its parent in one more node; Value walks up the nodes to the key.
	ctx := context.WithValue(context.Background(), requestIDKey{}, "req-7")

	// ## Read it deep in the call chain
	handle(ctx)

	// ## A context without the value
	logLine(context.Background(), "background job")

	// ## WithoutCancel keeps the values and drops the cancel
	// Work that must outlive the request, such as an audit record, still needs its values.
	reqCtx, cancel := context.WithCancel(ctx)
	detached := context.WithoutCancel(reqCtx)
	cancel()
	fmt.Println("request canceled:", reqCtx.Err() != nil)
	audit(detached)
}
