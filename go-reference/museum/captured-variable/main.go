// Museum: a goroutine capturing a variable the parent keeps writing.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run -race ./museum/captured-variable` in go-reference/: "WARNING: DATA RACE". The same
// mistake in Rust is scripts/museum/captured-variable.rs, which rustc rejects (E0373); the
// fixes are `cargo run --example goroutines` (move a copy in) and
// `cargo run --example scoped-threads` (borrow, with the borrow checker watching).
package main

import "fmt"

func main() {
	// A Go closure captures variables by reference. The goroutine reads `status` while main
	// goes on writing it; which value it prints depends on the scheduler.
	status := "starting"
	done := make(chan struct{})
	go func() {
		fmt.Println("the reporter saw:", status)
		close(done)
	}()
	status = "running"
	<-done
	fmt.Println("main ends with:", status)
}
