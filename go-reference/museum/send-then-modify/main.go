// Museum: a value changed by the sender after it was sent.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run -race ./museum/send-then-modify` in go-reference/: "WARNING: DATA RACE". The same
// mistake in Rust is scripts/museum/send-then-modify.rs, which rustc rejects (E0382): send
// moves the value, so the sender has nothing left to change. The fix is
// `cargo run --example unbuffered-channels`.
package main

import "fmt"

func main() {
	// A slice is a header pointing at a shared array: sending it copies the header, not
	// the array, so after the send both goroutines hold the same memory.
	batches := make(chan []int, 1)
	done := make(chan struct{})
	go func() {
		batch := <-batches
		sum := 0
		for _, v := range batch {
			sum += v
		}
		fmt.Println("receiver's sum:", sum)
		close(done)
	}()

	batch := []int{1, 2, 3}
	batches <- batch
	batch[0] = 99 // the receiver may be reading this very element
	<-done
}
