// Once: run an initialiser exactly once, however many goroutines ask at the same time.
//
// Run it with `go run ./once` in go-reference/. The Rust twins print the same
// once/expected.txt, and `cargo test` checks all three:
//   - cargo run --example once: std's Once, OnceLock and LazyLock
//   - cargo run --example once-tokio: tokio::sync::OnceCell with an async initialiser
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type service struct{ name string }

// The guide's shape: a Once, and beside it the variable it guards. Nothing ties the two
// together; any code in the package could read or write `instance` without the Once.
var (
	instanceOnce sync.Once
	instance     *service
	instanceRuns atomic.Int32
)

func getInstance() *service {
	instanceOnce.Do(func() {
		instanceRuns.Add(1)
		time.Sleep(10 * time.Millisecond) // Slow, so that the other callers pile up.
		instance = &service{name: "db"}
	})
	return instance
}

// callTen runs get from ten goroutines at once and returns what each one got, in order.
func callTen[T any](get func() T) []T {
	got := make([]T, 10)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = get()
		}()
	}
	wg.Wait()
	return got
}

func main() {
	// ## Run a side effect once
	// Do runs f in the first caller. Every other caller blocks until f has returned: Do
	// never returns early, so what f wrote is visible to all of them. Once is plain library
	// code: an atomic done flag checked on a fast path, and a mutex taken on the slow path. The count is read after wg.Wait, which orders it after the work.
	var setup sync.Once
	var setupRuns atomic.Int32
	callTen(func() bool {
		setup.Do(func() { setupRuns.Add(1) })
		return true
	})
	fmt.Println("side effect: initialiser ran", setupRuns.Load(), "time(s) for 10 callers")

	// ## Initialise a value once
	// Ten goroutines race into getInstance; one builds the service, the rest wait for it.
	got := callTen(getInstance)
	same := true
	for _, s := range got {
		same = same && s == got[0]
	}
	fmt.Println("instance: initialiser ran", instanceRuns.Load(),
		"time(s); all 10 callers saw the same one:", same)

	// ## A lazy value with its initialiser built in
	// Go 1.21's sync.OnceValue wraps f and returns a function that gives f's result, so
	// there is no separate variable to misuse: the value lives with the Once, as in Rust.
	var portRuns atomic.Int32
	port := sync.OnceValue(func() int {
		portRuns.Add(1)
		return 5432
	})
	ports := callTen(port)
	all := true
	for _, p := range ports {
		all = all && p == 5432
	}
	fmt.Println("lazy value: initialiser ran", portRuns.Load(),
		"time(s); all 10 callers got 5432:", all)

	// ## When the initialiser panics
	// If f panics, Do counts the call as done: the panic reaches the caller, and later calls
	// return without running anything, leaving the guarded value unset (OnceValue instead
	// panics again with the same value on every call). Rust's OnceLock and tokio's OnceCell do
	// the opposite: they stay empty and the next caller runs its initialiser; LazyLock, like
	// OnceValue, panics on every later access. We check Go's side here.
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
