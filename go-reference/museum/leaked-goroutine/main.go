// Museum: a leaked goroutine. Rust does not catch this one either.
//
// This program has the bug on purpose: it exists to show the report Go gives, which is none:
// neither the compiler, go vet, -race nor the runtime reports a goroutine blocked forever.
// See it with `go run ./museum/leaked-goroutine` in go-reference/: the only sign is
// runtime.NumGoroutine(), which the program prints. The Rust program,
// scripts/museum/leaked-goroutine.rs, compiles and leaks a thread the same way. Rust programs
// avoid it with thread::scope, which joins every thread it started before it returns
// (`cargo run --example scoped-threads`), or by closing what the thread waits on
// (`cargo run --example context-cancellation`).
package main

import (
	"fmt"
	"runtime"
	"time"
)

// firstReply asks two replicas and returns the first answer. The loser's send has no
// receiver left, so that goroutine blocks forever: an unbuffered channel leaks it.
func firstReply() string {
	replies := make(chan string)
	for _, name := range []string{"fast", "slow"} {
		go func() {
			if name == "slow" {
				time.Sleep(10 * time.Millisecond)
			}
			replies <- name
		}()
	}
	return <-replies
}

func main() {
	fmt.Println("first reply:", firstReply())
	// The winner's goroutine ends once its reply is taken, the loser's never does. Wait (up
	// to a second, on a busy machine) until only main and the loser are left.
	deadline := time.Now().Add(time.Second)
	for runtime.NumGoroutine() > 2 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("goroutines still running:", runtime.NumGoroutine())
}
