// Museum: a counter incremented by many goroutines without synchronisation.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run -race ./museum/counter-race` in go-reference/: "WARNING: DATA RACE", and exit
// status 66. Without -race it compiles, runs and usually prints a total below 4000, silently.
// The same mistake in Rust is scripts/museum/counter-race.rs, which rustc rejects (E0499);
// the fixes are `cargo run --example mutex` and `cargo run --example atomic-counters`.
package main

import (
	"fmt"
	"sync"
)

func main() {
	// `count++` is a load, an add and a store. Four goroutines run it on one variable with
	// no lock and no atomic, so two of them can load the same value and one increment is
	// lost. Nothing orders any goroutine's accesses before another's, so the race detector
	// reports them whether or not an increment happens to be lost in this run.
	count := 0
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				count++
			}
		}()
	}
	wg.Wait()
	fmt.Println("count:", count)
}
