// A panic while holding the lock: Go's deferred Unlock frees the mutex during the panic and
// keeps no record of it, so the next holder may find the data half updated.
//
// Run it with `go run ./mutex-poison` in go-reference/. Its Rust twin is
// `cargo run --example mutex-poison` (std's Mutex, which a panic poisons); both print
// mutex-poison/expected.txt.
package main

import (
	"fmt"
	"sync"
)

// accounts keeps one invariant: alice + bob is always 100 whenever mu is free.
type accounts struct {
	mu         sync.Mutex // guards the fields below
	alice, bob int
}

func main() {
	a := &accounts{alice: 100}

	// ## Panic halfway through an update
	// The goroutine takes 30 from alice and panics before giving it to bob. Deferred calls
	// run last-in first-out as the panic unwinds: Unlock, then the recover (wg.Go requires
	// f not to panic, and an unrecovered panic ends the program). Without the deferred
	// Unlock, the panic would skip the unlock and the mutex would stay locked for good.
	var cause any
	var wg sync.WaitGroup
	wg.Go(func() {
		defer func() { cause = recover() }()
		a.mu.Lock()
		defer a.mu.Unlock()
		a.alice -= 30
		panic("disk full") // bob += 30 never happens
	})
	wg.Wait()
	fmt.Println("worker panicked while holding the lock:", cause)

	// ## The next holder takes the lock
	// TryLock is rarely the right tool; here it proves that the lock is free again. Nothing
	// warns the new holder that the data is half updated: it has to check for itself.
	released := a.mu.TryLock()
	fmt.Println("the lock was released during the panic:", released)
	fmt.Printf("the next holder sees alice=%d bob=%d, sum %d\n", a.alice, a.bob, a.alice+a.bob)

	// ## Repair the data, then carry on
	// Roll the half-done transfer back before anyone else can look.
	a.alice = 100 - a.bob
	a.mu.Unlock()

	a.mu.Lock()
	fmt.Printf("after repair: alice=%d bob=%d, sum %d\n", a.alice, a.bob, a.alice+a.bob)
	a.mu.Unlock()
}
