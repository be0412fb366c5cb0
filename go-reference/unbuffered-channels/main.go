// Unbuffered channels: a send on make(chan T) returns only once a receiver has the value.
//
// Run it with `go run ./unbuffered-channels` in go-reference/. The Rust translations print
// the same unbuffered-channels/expected.txt:
//   - cargo run --example unbuffered-channels: std's sync_channel(0)
//   - cargo run --example unbuffered-channels-crossbeam: crossbeam's bounded(0)
//   - cargo run --example unbuffered-channels-tokio: tokio has no zero-capacity channel,
//     so the sender awaits a oneshot acknowledgement instead
package main

import (
	"fmt"
	"time"
)

func main() {
	// ## Send with nobody receiving
	// make(chan string) has no buffer: the goroutine's send cannot complete until main
	// receives. The sleep gives it time to reach the send, where it parks. The order of
	// the printed lines is the evidence: "the send returned" cannot come first.
	ch := make(chan string)
	done := make(chan struct{})
	go func() {
		ch <- "ping"
		fmt.Println("sender: the send returned")
		close(done)
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main: nothing received yet, the sender is waiting")

	// ## Receive, and the send completes
	// The receive takes the value from the parked sender and wakes it. We wait for the
	// sender to finish before printing, so the three lines come in one order.
	msg := <-ch
	<-done
	fmt.Println("main: received", msg)
}
