// errgroup: goroutines that return errors, where the first error cancels the others'
// context and is what Wait returns; SetLimit bounds how many run at once.
//
// Run it with `go run ./errgroup` in go-reference/. Its Rust counterparts print the same
// errgroup/expected.txt:
//   - cargo run --example errgroup: std::thread::scope, each thread returning a Result
//   - cargo run --example errgroup-tokio: tokio's JoinSet with tokio-util's CancellationToken
package main

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// fetch stands for a call that watches its context. "users" fails at once; the others
// return only when their context is cancelled, so "users" is certain to fail first.
func fetch(ctx context.Context, name string) error {
	if name == "users" {
		return fmt.Errorf("%s: not found", name)
	}
	<-ctx.Done()
	return ctx.Err()
}

func main() {
	// ## Start a group with a context
	// WithContext derives a context that the group cancels when a task first returns an
	// error (or when Wait returns). A plain errgroup.Group has no context and cancels
	// nothing: its other tasks would run to their end.
	g, ctx := errgroup.WithContext(context.Background())

	// ## Run the tasks
	// g.Go runs each function in a goroutine of its own. Each task writes only its own
	// slot of outcomes, and Wait makes those writes visible to main.
	names := []string{"orders", "users", "stock"}
	outcomes := make([]string, len(names))
	for i, name := range names {
		g.Go(func() error {
			err := fetch(ctx, name)
			switch {
			case err == nil:
				outcomes[i] = "done"
			case errors.Is(err, context.Canceled):
				outcomes[i] = "stopped early"
			default:
				outcomes[i] = "failed"
			}
			return err
		})
	}

	// ## Wait for all of them
	// Wait returns once every task has returned, with the first error; the errors that
	// came after it (here, the cancelled tasks') are dropped.
	err := g.Wait()
	fmt.Println("first error:", err)
	for i, name := range names {
		fmt.Printf("%s: %s\n", name, outcomes[i])
	}

	// ## Bound how many run at once
	// With SetLimit(2), g.Go blocks its caller while two tasks are running, and starts
	// the next one when a slot is free: a worker pool with no pool to write.
	var limited errgroup.Group
	limited.SetLimit(2)
	squares := make([]int, 6)
	for i := range squares {
		limited.Go(func() error {
			squares[i] = (i + 1) * (i + 1)
			return nil
		})
	}
	if err := limited.Wait(); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Print("squares, two at a time:")
	for _, n := range squares {
		fmt.Print(" ", n)
	}
	fmt.Println()
}
