// Museum: a lock held while waiting for another goroutine that needs it.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run ./museum/guard-across-await` in go-reference/: "fatal error: all goroutines are
// asleep - deadlock!" (exit status 2), because here every goroutine is blocked; in a bigger
// program it just hangs. Go has no .await, but this is the same mistake as holding a std
// MutexGuard across one: keeping a lock over a point where the code waits. The Rust program,
// scripts/museum/guard-across-await.rs, is rejected by rustc ("future cannot be sent between
// threads safely", an error printed without a code): a tokio task must be Send, and a std
// MutexGuard held across .await is not. The fix is `cargo run --example mutex-across-await`.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cache := map[string]string{}
	reply := make(chan string)

	// Main takes the lock first, then starts a fetcher that needs the same lock to record
	// its result before it replies.
	mu.Lock()
	go func() {
		mu.Lock()
		cache["answer"] = "42"
		mu.Unlock()
		reply <- "42"
	}()
	value := <-reply // waits with the lock held: the fetcher can never take it
	mu.Unlock()
	fmt.Println("got", value)
}
