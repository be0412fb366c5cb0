// Closing channels: close(ch) tells receivers that no more values are coming.
//
// Run it with `go run ./closing-channels` in go-reference/. The Rust translations print
// the same closing-channels/expected.txt:
//   - cargo run --example closing-channels: std::sync::mpsc, dropping the last Sender
//   - cargo run --example closing-channels-crossbeam: crossbeam, the same rule
//   - cargo run --example closing-channels-tokio: tokio's mpsc, recv() returning None
package main

import "fmt"

func main() {
	// ## Send, then close
	// close is a message to receivers, not a cleanup: a channel nobody closes is collected
	// like any other value. Close at most once, from the sending side, and only when a
	// receiver must learn that no more values are coming: here, to end its range.
	ch := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
		}
		close(ch)
	}()

	// ## Range until closed
	// range receives until the channel is closed and empty. Without the close above, it
	// would wait forever for a fourth value.
	fmt.Print("received:")
	for v := range ch {
		fmt.Print(" ", v)
	}
	fmt.Println()

	// ## Receive after close
	// A receive on a closed, empty channel returns at once, with the zero value; the
	// second result, false here, is what tells it apart from a real 0 that was sent.
	if _, ok := <-ch; !ok {
		fmt.Println("a receive after close returns at once: the channel is closed and empty")
	}

	// ## A send nobody can receive
	// A send on a closed channel panics; sendRecovered turns the panic into an error. Go
	// has no way for a receiver to say that it has gone: a send on an open channel that
	// nobody will ever receive from just waits forever, and its goroutine leaks.
	if err := sendRecovered(ch, 4); err != nil {
		fmt.Println("a send nobody can receive: failed")
	}
}

// sendRecovered sends v on ch and reports the panic of a send on a closed channel.
func sendRecovered(ch chan int, v int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	ch <- v
	return nil
}
