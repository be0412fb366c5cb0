// Select: wait on several channels at once, with a timeout, a non-blocking try and fairness.
//
// Run it with `go run ./select` in go-reference/. The Rust twins print the same
// select/expected.txt, and `cargo test` checks all three:
//   - cargo run --example select: crossbeam's select!, after(), default, Select
//   - cargo run --example select-tokio: tokio::select! over futures, biased; and else
package main

import (
	"fmt"
	"time"
)

func main() {
	// ## One case ready
	// Without a default case, select blocks until at least one case can proceed, then runs
	// exactly one. Nothing ever sends on `a`, so the goroutine's send on `b` decides it.
	// `select` is syntax, but not free: with two or more channel cases the compiler emits a
	// call to runtime.selectgo, which shuffles the cases, locks every channel involved and,
	// if none is ready, queues the goroutine on all of them.
	a := make(chan string)
	b := make(chan string)
	go func() { b <- "hello" }()
	select {
	case msg := <-a:
		fmt.Println("a:", msg)
	case msg := <-b:
		fmt.Println("b:", msg)
	}

	// ## Time out
	// time.After returns a channel that the runtime's timer sends on once, 20ms from now.
	// A timeout is just one more case. (This module says `go 1.22`, so a timer that never
	// fires stays alive until it would have fired; Go 1.23+ modules let the GC collect it.)
	select {
	case msg := <-a:
		fmt.Println("a:", msg)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timeout: nothing on a after 20ms")
	}

	// ## Try without blocking
	// A default case runs when no other case is ready, so the select never blocks. The
	// compiler turns a select of one channel case plus default into a single non-blocking
	// runtime call (selectnbrecv or selectnbsend), with no shuffling or multi-locking.
	select {
	case msg := <-a:
		fmt.Println("a:", msg)
	default:
		fmt.Println("a is empty: default ran")
	}
	buf := make(chan int, 1)
	for i := 1; i <= 2; i++ {
		select {
		case buf <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("buffer full, dropped", i)
		}
	}

	// ## Receive until both channels are closed
	// A closed channel is always ready (it yields the zero value and ok == false), so a loop
	// that kept selecting on it would spin. Setting the variable to nil disables the case:
	// a nil channel is never ready. Each producer closes its own channel when done.
	odds := make(chan int)
	evens := make(chan int)
	send := func(ch chan<- int, values ...int) {
		for _, n := range values {
			ch <- n
		}
		close(ch)
	}
	go send(odds, 1, 3, 5)
	go send(evens, 2, 4)
	var gotOdds, gotEvens []int
	for odds != nil || evens != nil {
		select {
		case n, ok := <-odds:
			if !ok {
				odds = nil
				continue
			}
			gotOdds = append(gotOdds, n)
		case n, ok := <-evens:
			if !ok {
				evens = nil
				continue
			}
			gotEvens = append(gotEvens, n)
		}
	}
	// The two streams interleave differently on every run; each one keeps its own order.
	fmt.Println("odds:", gotOdds, "evens:", gotEvens)

	// ## Fairness among ready cases
	// When several cases are ready, select picks one uniformly at random, never the first
	// listed. Both channels hold 1000 values, so both cases are ready on every round.
	left := make(chan int, 1000)
	right := make(chan int, 1000)
	for i := range 1000 {
		left <- i
		right <- i
	}
	counts := [2]int{}
	for range 1000 {
		select {
		case <-left:
			counts[0]++
		case <-right:
			counts[1]++
		}
	}
	both := counts[0] >= 100 && counts[1] >= 100
	fmt.Println("1000 selects, both cases chosen at least 100 times:", both)

	// ## Give one case priority
	// Go's select has no priority. The idiom is a nested select: try the urgent channel
	// alone with a default, and only when it is empty wait on both.
	urgent := make(chan string, 1)
	normal := make(chan string, 2)
	normal <- "tick1"
	normal <- "tick2"
	urgent <- "alarm"
	var order []string
	for range 3 {
		select {
		case m := <-urgent:
			order = append(order, m)
		default:
			select {
			case m := <-urgent:
				order = append(order, m)
			case m := <-normal:
				order = append(order, m)
			}
		}
	}
	fmt.Println("priority order:", order)
}
