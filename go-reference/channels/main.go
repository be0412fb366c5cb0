// Channels: unbuffered and buffered channels, several producers, close and range, and
// several consumers sharing one channel.
//
// Run it with `go run ./channels` in go-reference/. The Rust twins print the same
// channels/expected.txt, and `cargo test` checks all four:
//   - cargo run --example channels: std::sync::mpsc (channel, sync_channel)
//   - cargo run --example channels-crossbeam: crossbeam's bounded/unbounded, Receivers that clone
//   - cargo run --example channels-tokio: tokio::sync::mpsc and oneshot between tasks
package main

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	// ## Unbuffered: the send waits for a receiver
	// make(chan T) has no buffer: a send completes only when a receiver takes the value, so
	// the two goroutines meet. While main sleeps, the sender is parked inside `ch <- ...`
	// and cannot have set the flag; the false below does not depend on timing. The value is
	// copied into the channel; had we sent a pointer, slice or map, both sides would now
	// share what it points to, and nothing but the race detector would stop both writing it.
	ch := make(chan string)
	var delivered atomic.Bool
	senderDone := make(chan struct{})
	go func() {
		ch <- "ping"
		delivered.Store(true)
		close(senderDone)
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("unbuffered: send finished before anyone received?", delivered.Load())
	fmt.Println("unbuffered: received", <-ch)
	<-senderDone
	fmt.Println("unbuffered: send finished after the receive?", delivered.Load())

	// ## Buffered: sends return until the buffer is full
	// With room for 3, three sends return at once with nobody receiving. A fourth would
	// park this goroutine; the select with a default case tries it without blocking.
	buf := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		buf <- i * 10
	}
	fmt.Println("buffered: 3 sends returned with nobody receiving")
	select {
	case buf <- 40:
		fmt.Println("buffered: a 4th send went through")
	default:
		fmt.Println("buffered: a 4th send would block, the buffer is full")
	}
	fmt.Println("buffered: received", []int{<-buf, <-buf, <-buf})

	// ## Several producers, then close and range
	// Any number of goroutines may send on one channel. close(ch) must happen exactly once
	// and after the last send (a second close, or a send after it, panics), so the usual
	// shape is a WaitGroup for the producers and one goroutine that closes after Wait.
	// `range` receives until the channel is closed and drained.
	results := make(chan int)
	var producers sync.WaitGroup
	for p := 1; p <= 3; p++ {
		producers.Add(1)
		go func() {
			defer producers.Done()
			results <- p*10 + 1
			results <- p*10 + 2
		}()
	}
	go func() {
		producers.Wait()
		close(results)
	}()
	var got []int
	for v := range results {
		got = append(got, v)
	}
	slices.Sort(got) // The producers interleave in any order; sorting makes it printable.
	fmt.Println("producers: received", got, "until the channel closed")
	_, ok := <-results // A closed channel yields the zero value at once, with ok == false.
	fmt.Println("producers: a receive after close reports ok =", ok)

	// ## A send nobody can receive
	// Sending on a closed channel panics ("send on closed channel"); we recover to print
	// it. Go has no way to close the receiving side: a goroutine that sends to a channel
	// nobody reads any more just blocks forever, and leaks.
	fmt.Println("late send: failed =", sendAfterClose() != nil)

	// ## Several consumers
	// Two goroutines ranging over one channel is ordinary, safe fan-out: each value goes to
	// exactly one of them. How the values split between them is up to the scheduler, so
	// each consumer reports a count and a sum, and we print only the totals.
	jobs := make(chan int)
	type tally struct{ count, sum int }
	tallies := make(chan tally)
	for range 2 {
		go func() {
			var t tally
			for v := range jobs {
				t.count++
				t.sum += v
			}
			tallies <- t
		}()
	}
	for v := 1; v <= 10; v++ {
		jobs <- v
	}
	close(jobs) // Every consumer's range ends: close is seen by all receivers.
	a, b := <-tallies, <-tallies
	fmt.Println("consumers: 2 consumers shared", a.count+b.count, "values, sum", a.sum+b.sum)
}

func sendAfterClose() (err error) {
	ch := make(chan int, 1)
	close(ch)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	ch <- 7
	return nil
}
