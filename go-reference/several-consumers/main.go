// Several consumers: goroutines receiving from one channel share its values, each value
// going to exactly one of them.
//
// Run it with `go run ./several-consumers` in go-reference/. The Rust translations print
// the same several-consumers/expected.txt:
//   - cargo run --example several-consumers: std's single-consumer Receiver behind a Mutex
//   - cargo run --example several-consumers-crossbeam: crossbeam's Receiver, which clones
//   - cargo run --example several-consumers-tokio: tokio's Receiver behind its own Mutex
package main

import (
	"fmt"
	"slices"
)

func main() {
	// ## Start the consumers
	// Any number of goroutines may receive from one channel: each value goes to one of
	// those waiting, never to two. This is Go's ordinary fan-out, safe without a lock.
	// Each consumer keeps what it got and hands its list back when the channel closes.
	jobs := make(chan int)
	lists := make(chan []int)
	for range 3 {
		go func() {
			var got []int
			for v := range jobs {
				got = append(got, v)
			}
			lists <- got
		}()
	}

	// ## Send, then close
	// close is seen by every receiver: it ends the range of all three consumers.
	for v := 1; v <= 9; v++ {
		jobs <- v
	}
	close(jobs)

	// ## Gather what they received
	// How the values split between the consumers is up to the scheduler, so we merge the
	// three lists and sort them: every value appears exactly once.
	var all []int
	for range 3 {
		all = append(all, <-lists...)
	}
	slices.Sort(all)
	fmt.Print("3 consumers received between them:")
	for _, v := range all {
		fmt.Print(" ", v)
	}
	fmt.Println()
}
