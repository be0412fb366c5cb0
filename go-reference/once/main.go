// Once: run an initialiser exactly once, however many goroutines ask at the same time.
//
// Run it with `go run ./once` in go-reference/. Its Rust twins print the same
// once/expected.txt:
//   - cargo run --example once: std's Once and OnceLock
//   - cargo run --example once-tokio: tokio::sync::OnceCell with an async initialiser
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type service struct{ name string }

// The classic shape: a Once, and beside it the variable it guards. Nothing ties the two
// together; any code in the package could read or write `instance` without the Once.
var (
	instanceOnce sync.Once
	instance     *service
	instanceRuns atomic.Int64
)

func getInstance() *service {
	instanceOnce.Do(func() {
		instanceRuns.Add(1)
		time.Sleep(10 * time.Millisecond) // slow, so that the other callers pile up
		instance = &service{name: "db"}
	})
	return instance
}

func main() {
	// ## Run a side effect once
	// OnceFunc (Go 1.21) wraps f in a Once: the first call runs f, and every other caller
	// blocks until f has returned, so what f did is visible to all of them.
	var setupRuns atomic.Int64
	setup := sync.OnceFunc(func() { setupRuns.Add(1) })
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(setup)
	}
	wg.Wait()
	fmt.Println("side effect: initialiser ran", setupRuns.Load(), "time(s) for 10 callers")

	// ## Initialise a value once
	// Ten goroutines race into getInstance; one builds the service, the rest wait for it.
	got := make([]*service, 10)
	for i := range got {
		wg.Go(func() { got[i] = getInstance() })
	}
	wg.Wait()
	same := true
	for _, s := range got {
		same = same && s == got[0]
	}
	fmt.Println("instance: initialiser ran", instanceRuns.Load(),
		"time(s); all 10 callers saw the same one:", same)

	// ## When the initialiser panics
	// Do counts a call that panicked as done: the panic reaches the caller, and later calls
	// return without running anything, leaving the guarded value unset. Rust's OnceLock does
	// the opposite: it stays empty, and the next caller runs its own initialiser.
	var fragile sync.Once
	func() {
		defer func() { fmt.Println("first call panicked:", recover()) }()
		fragile.Do(func() { panic("boom") })
	}()
	retried := false
	fragile.Do(func() { retried = true })
	if retried {
		panic("sync.Once ran a second initialiser after a panic")
	}
}
