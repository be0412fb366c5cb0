// Stateful goroutines: one goroutine owns the state, and the others send it requests that
// carry their own reply channels.
//
// Run it with `go run ./stateful-goroutines` in go-reference/. Its Rust counterparts print the
// same stateful-goroutines/expected.txt:
//   - cargo run --example stateful-goroutines: a thread, an mpsc channel of an enum, reply channels
//   - cargo run --example stateful-goroutines-tokio: an actor task with mpsc and oneshot
package main

import (
	"fmt"
	"slices"
	"sync"
)

// Go has no sum types, so each kind of request is a struct with a channel of its own.
type addRequest struct {
	key   string
	delta int
	reply chan int // the new total
}

type readRequest struct {
	key   string
	reply chan int
}

func main() {
	// ## Start the owner
	// Only this goroutine touches totals, so it needs no lock: requests wait on the
	// channels and it serves them one at a time.
	adds := make(chan addRequest)
	reads := make(chan readRequest)
	quit := make(chan struct{})
	go func() {
		totals := map[string]int{}
		for {
			select {
			case req := <-adds:
				totals[req.key] += req.delta
				req.reply <- totals[req.key]
			case req := <-reads:
				req.reply <- totals[req.key]
			case <-quit:
				return
			}
		}
	}()

	// ## Send requests from several goroutines
	// Three goroutines add 1 ten times each and keep the totals they are told.
	var wg sync.WaitGroup
	told := make([][]int, 3)
	for w := range told {
		wg.Go(func() {
			for range 10 {
				reply := make(chan int)
				adds <- addRequest{"hits", 1, reply}
				told[w] = append(told[w], <-reply)
			}
		})
	}
	wg.Wait()
	// The adds were served one at a time, so no two of them were told the same total.
	all := slices.Sorted(slices.Values(slices.Concat(told...)))
	fmt.Println("30 adds, each told a different total:", len(slices.Compact(all)) == 30)

	// ## Read through the owner
	reply := make(chan int)
	reads <- readRequest{"hits", reply}
	fmt.Println("hits:", <-reply)

	// ## Stop the owner
	close(quit)
}
