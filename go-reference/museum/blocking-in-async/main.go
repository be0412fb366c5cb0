// Museum: a blocking call in the middle of concurrent work. In Go it stalls nothing.
//
// This program has the bug on purpose, Rust's bug, to show that in Go it is none: a goroutine
// that sleeps (or blocks in a system call) parks, or gives up its thread, and the others run.
// See it with `go run ./museum/blocking-in-async` in go-reference/: with one thread for Go
// code, as a current_thread tokio runtime has one worker, the other goroutine still runs
// while main sleeps, so no tool has anything to report. The Rust program,
// scripts/museum/blocking-in-async.rs, compiles and stalls every other task on its worker.
// Rust programs avoid it with spawn_blocking or a thread of its own
// (`cargo run --example blocking-tokio`).
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	ran := make(chan struct{})
	go func() { close(ran) }()

	// time.Sleep parks main's goroutine, and the scheduler runs the other one on the same
	// thread at once; a blocking system call would hand the thread's queue to a new thread.
	time.Sleep(100 * time.Millisecond)
	select {
	case <-ran:
		fmt.Println("the other goroutine ran while main slept")
	default:
		fmt.Println("the other goroutine was stalled")
	}
}
