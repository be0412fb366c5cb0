// Museum: sending on a channel that another goroutine has closed.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run ./museum/send-on-closed` in go-reference/: "panic: send on closed channel" (exit
// status 2). The same mistake in Rust is scripts/museum/send-on-closed.rs, which rustc
// rejects (E0382): the worker owns its Sender, so nobody else can close the channel under
// it. The fixes are `cargo run --example closing-channels` and `cargo run --example worker-pools`.
package main

import "fmt"

func main() {
	// Main closes `results` believing the worker is done; the worker still has a value to
	// send. The start channel only makes the order certain, so the panic happens every run.
	results := make(chan int, 1)
	start := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		<-start
		results <- 42
	}()
	close(results)
	close(start)
	<-finished
	fmt.Println("unreachable: the worker's send panics first")
}
