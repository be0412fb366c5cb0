// Museum: a deadlock from lock order. Rust does not catch this one either.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run ./museum/lock-order-deadlock` in go-reference/: "fatal error: all goroutines are
// asleep - deadlock!" (exit status 2), only because every goroutine is blocked; with one
// more goroutine alive it would hang silently. The Rust program,
// scripts/museum/lock-order-deadlock.rs, compiles and hangs the same way, and std reports
// nothing. Both languages avoid it the same way: one lock order everywhere, or one lock over
// both values (in Rust, one Mutex that owns both).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var from, to sync.Mutex
	// Each goroutine takes one lock, waits until the other holds its own, then reaches for
	// the other's: the WaitGroup makes the deadly interleaving certain, not just possible.
	var holding, done sync.WaitGroup
	holding.Add(2)
	done.Add(2)
	transfer := func(first, second *sync.Mutex) {
		defer done.Done()
		first.Lock()
		holding.Done()
		holding.Wait()
		second.Lock()
		second.Unlock()
		first.Unlock()
	}
	go transfer(&from, &to)
	go transfer(&to, &from)
	done.Wait()
	fmt.Println("unreachable")
}
