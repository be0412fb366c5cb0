// Goroutine panics: an unrecovered panic in any goroutine ends the whole program, so a
// goroutine that may panic has to recover by itself and report what happened.
//
// Run it with `go run ./goroutine-panics` in go-reference/. Its Rust counterparts print the
// same goroutine-panics/expected.txt:
//   - cargo run --example goroutine-panics: join() returns the thread's panic as an Err
//   - cargo run --example goroutine-panics-tokio: a JoinError for which is_panic() is true
package main

import "fmt"

func main() {
	// ## Recover inside the goroutine
	// recover() stops a panic only when a function deferred by the panicking goroutine
	// calls it; it returns the panic's value, or nil when there was none. main cannot
	// catch a panic in another goroutine, so the goroutine must send what it caught.
	caught := make(chan any, 1)
	report := func() { caught <- recover() }

	// ## Start a worker that panics
	// The panic is deliberate. Without the deferred report, it would end the program with
	// exit status 2 and a stack trace, whatever main was doing.
	go func() {
		defer report()
		panic("the worker gave up")
	}()

	// ## Learn how it ended
	if r := <-caught; r != nil {
		fmt.Println("the worker panicked:", r)
	} else {
		fmt.Println("the worker finished")
	}
	fmt.Println("main is still running")
}
