// Generators: a function that returns a channel fed by a goroutine, which must be told to
// stop; and Go 1.23's iter.Seq, a range-over-func iterator that needs no goroutine at all.
//
// Run it with `go run ./generators` in go-reference/. Its Rust counterparts print the same
// generators/expected.txt:
//   - cargo run --example generators: std's Iterator, the generator Rust reaches for
//   - cargo run --example generators-thread: a thread feeding a channel, as Go does
//   - cargo run --example generators-tokio: a task feeding a channel, and an async stream
package main

import (
	"fmt"
	"iter"
)

// fibChan sends Fibonacci numbers until done is closed, then closes its channel. Without
// done, a consumer that stops reading would leave the goroutine blocked in a send for ever.
func fibChan(done <-chan struct{}) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for a, b := 0, 1; ; a, b = b, a+b {
			select {
			case out <- a:
			case <-done:
				return
			}
		}
	}()
	return out
}

// fibSeq yields Fibonacci numbers for as long as yield returns true. A break in the caller's
// loop makes yield return false; the loop body runs inside yield, on the caller's goroutine.
func fibSeq() iter.Seq[int] {
	return func(yield func(int) bool) {
		for a, b := 0, 1; ; a, b = b, a+b {
			if !yield(a) {
				return
			}
		}
	}
}

func main() {
	// ## Feed a channel from a goroutine
	// Every value is handed from one goroutine to another through the channel.
	done := make(chan struct{})
	fibs := fibChan(done)
	fmt.Print("first 8:")
	for range 8 {
		fmt.Print(" ", <-fibs)
	}
	fmt.Println()

	// ## Stop the goroutine
	// The goroutine may be about to send one more value: receive until it closes the channel.
	close(done)
	for range fibs {
	}
	fmt.Println("the generator has stopped")

	// ## Range over an iterator function
	// No goroutine and no channel: the loop calls fibSeq's function, which calls the body.
	// Go has no adapters such as take or find over an iter.Seq: the loop breaks by hand.
	for n := range fibSeq() {
		if n > 100 {
			fmt.Println("first above 100:", n)
			break
		}
	}
}
