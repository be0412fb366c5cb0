// Museum: closing a channel that is already closed.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run ./museum/close-twice` in go-reference/: "panic: close of closed channel" (exit
// status 2). The same mistake in Rust is scripts/museum/close-twice.rs, which rustc rejects
// (E0382): closing is dropping the Sender, and a value dropped once is gone. The fix is
// `cargo run --example closing-channels`.
package main

import "fmt"

// produce sends three values and closes its output, as producers do.
func produce(out chan<- int) {
	for i := range 3 {
		out <- i
	}
	close(out)
}

func main() {
	// Who closes a channel is a convention ("the sender closes"). Here the caller also
	// thinks the channel is its own to close.
	out := make(chan int, 3)
	produce(out)
	for v := range out {
		fmt.Println("got", v)
	}
	close(out)
}
