// Museum: an errgroup without WithContext keeps working after the first error. Rust does
// not catch this one either.
//
// This program has the bug on purpose: it exists to show the report Go gives, which is none:
// neither the compiler, go vet, -race nor the runtime sees work that nobody will use. See it
// with `go run ./museum/errgroup-without-context` in go-reference/: the program's own count
// of steps done after the error is the only sign. The Rust program,
// scripts/museum/errgroup-without-context.rs, compiles and wastes the same work. The fixes
// are `go run ./errgroup` and `cargo run --example errgroup-tokio`, where the first error
// cancels what the others watch.
package main

import (
	"errors"
	"fmt"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group // The bug: a zero Group has no context, so no task can be told to stop.
	var wasted atomic.Int64

	// The failing task closes `failed` as it fails, and the others start only then: that
	// makes "after the first error" certain here. Nothing else tells them anything.
	failed := make(chan struct{})
	g.Go(func() error {
		close(failed)
		return errors.New("users: not found")
	})
	for range 2 {
		g.Go(func() error {
			<-failed
			for range 5 {
				wasted.Add(1) // A step of work whose result Wait will throw away.
			}
			return nil
		})
	}

	err := g.Wait() // Returns only once every task has run to its end.
	fmt.Println("first error:", err)
	fmt.Println("steps done after the first error:", wasted.Load())
}
