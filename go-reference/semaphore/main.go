// Semaphores: a buffered channel counts slots, and golang.org/x/sync/semaphore's Weighted
// hands out several at once, can be tried without waiting, and gives up with its context.
//
// Run it with `go run ./semaphore` in go-reference/. Its Rust counterparts print the same
// semaphore/expected.txt:
//   - cargo run --example semaphore: a counter in a std Mutex, with a Condvar to wait on
//   - cargo run --example semaphore-tokio: tokio::sync::Semaphore and its permits
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

func main() {
	// ## A buffered channel as a semaphore
	// Sending takes a slot and receiving frees one: with a capacity of two, a third
	// goroutine's send waits until one of the first two has received.
	slots := make(chan struct{}, 2)
	words := []string{"goroutine", "channel", "mutex", "select", "semaphore"}
	lengths := make([]int, len(words))
	var wg sync.WaitGroup
	for i, word := range words {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			lengths[i] = len(word)
		})
	}
	wg.Wait()
	fmt.Print("lengths, two at a time:")
	for _, n := range lengths {
		fmt.Print(" ", n)
	}
	fmt.Println()

	// ## Acquire a weight
	// A Weighted semaphore hands out several units in one call; Acquire waits for them,
	// or until its context is done, and fails only then.
	sem := semaphore.NewWeighted(4)
	if err := sem.Acquire(context.Background(), 3); err != nil {
		panic(err)
	}
	fmt.Println("acquired 3 of 4")

	// ## Try without waiting
	// TryAcquire takes the units only if they are free right now.
	fmt.Println("try 2 more:", verdict(sem.TryAcquire(2)))
	fmt.Println("try 1 more:", verdict(sem.TryAcquire(1)))

	// ## Give up at a deadline
	// All four units are taken and nobody releases any, so the deadline is certain to win.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := sem.Acquire(ctx, 1); errors.Is(err, context.DeadlineExceeded) {
		fmt.Println("wait for 1 more: gave up at the deadline")
	}

	// ## Release to a waiter
	// Release is a plain call, checked only against releasing more than is held (a panic).
	// The waiter for all four units gets them once main gives its four back.
	got := make(chan error)
	go func() { got <- sem.Acquire(context.Background(), 4) }()
	sem.Release(4)
	if err := <-got; err == nil {
		fmt.Println("released 4: a waiter took all 4")
	}
	sem.Release(4)
}

func verdict(granted bool) string {
	if granted {
		return "granted"
	}
	return "refused"
}
