// Non-blocking channel operations: a select with a default case tries a send or a receive
// and, when it cannot proceed at once, runs the default instead of waiting.
//
// Run it with `go run ./non-blocking-operations` in go-reference/. Its Rust counterparts
// print the same non-blocking-operations/expected.txt:
//   - cargo run --example non-blocking-operations: std's try_recv and try_send
//   - cargo run --example non-blocking-operations-crossbeam: try_recv, and select! with default
//   - cargo run --example non-blocking-operations-tokio: tokio's try_recv and try_send
package main

import "fmt"

func main() {
	// ## Try to receive
	// The default case runs when no other case is ready, so this select never blocks.
	// A select with one channel case and a default compiles to a single non-blocking
	// call into the runtime; there is no separate "try" operation in the language.
	messages := make(chan string, 1)
	tryReceive := func() {
		select {
		case msg := <-messages:
			fmt.Println("received:", msg)
		default:
			fmt.Println("no message waiting")
		}
	}
	tryReceive()
	messages <- "hi"
	tryReceive()

	// ## Try to send
	// The same shape works for a send: the buffer holds one value, so the first send
	// fits and the second would block, and the default drops it instead.
	buf := make(chan int, 1)
	for i := 1; i <= 2; i++ {
		select {
		case buf <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("buffer full, dropped", i)
		}
	}
}
