// Museum: a map written by two goroutines.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run ./museum/map-writes` in go-reference/: the runtime stops the process with
// "fatal error: concurrent map writes" (exit status 2), no -race needed. The check is
// best-effort (the runtime notices a write that overlaps another one), so the goroutines
// write many times to make it certain. The same mistake in Rust is
// scripts/museum/map-writes.rs, which rustc rejects (E0596); the fix is a map inside a lock,
// `cargo run --example mutex` or `cargo run --example rwmutex`.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	// Go's map is not safe for concurrent use, and the type does not say so: nothing stops
	// two goroutines from holding it. A closed channel starts both writers at once, and two
	// Ps let them run in parallel even on a machine with one CPU.
	runtime.GOMAXPROCS(2)
	owner := map[int]int{}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range 50_000_000 {
				owner[i%1024] = w
			}
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println("no crash this time:", len(owner), "keys")
}
