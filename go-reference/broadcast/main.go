// Broadcast: one event or value for every listener. Go has three ways: close(ch) wakes every
// receiver once, a channel per subscriber carries a stream, and Cond.Broadcast wakes watchers.
//
// Run it with `go run ./broadcast` in go-reference/. Its Rust counterparts print the same
// broadcast/expected.txt:
//   - cargo run --example broadcast: crossbeam channels, one per subscriber, and a Condvar
//   - cargo run --example broadcast-tokio: tokio::sync::broadcast and tokio::sync::watch
package main

import (
	"fmt"
	"sync"
)

func main() {
	// ## Wake every waiter at once
	// A receive from a closed channel returns at once, in every receiver, for ever: close
	// is a broadcast that carries no value and can be sent only once.
	start := make(chan struct{})
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { <-start })
	}
	close(start)
	wg.Wait()
	fmt.Println("one signal woke all 3 waiters")

	// ## Send each value to every subscriber
	// A channel hands each value to one receiver, so the publisher keeps one channel per
	// subscriber and sends every value on each. (Here the subscribers read afterwards.)
	subs := []chan int{make(chan int, 3), make(chan int, 3), make(chan int, 3)}
	for v := 1; v <= 3; v++ {
		for _, sub := range subs {
			sub <- v
		}
	}
	for i, sub := range subs {
		fmt.Println("subscriber", i+1, "got:", <-sub, <-sub, <-sub)
	}

	// ## Let a slow subscriber fall behind
	// A full channel blocks its sender: one slow subscriber would stall the publisher. Not
	// to wait, the publisher drops that subscriber's oldest value to make room.
	slow, missed := make(chan int, 2), 0
	for v := 1; v <= 5; v++ {
		select {
		case slow <- v:
		default:
			<-slow
			missed++
			slow <- v
		}
	}
	fmt.Printf("slow subscriber missed %d, then got: %d %d\n", missed, <-slow, <-slow)

	// ## Keep only the latest value
	// A value under a lock, with a version: Broadcast wakes every watcher, and each reads
	// what is latest when it runs, skipping the versions it never saw.
	var mu sync.Mutex
	changed := sync.NewCond(&mu)
	latest, version, seen := "", 0, 0
	publish := func(v string) {
		mu.Lock()
		latest, version = v, version+1
		mu.Unlock()
		changed.Broadcast()
	}
	next := func() string {
		mu.Lock()
		defer mu.Unlock()
		for version == seen {
			changed.Wait()
		}
		seen = version
		return latest
	}
	publish("v1")
	publish("v2")
	publish("v3")
	fmt.Println("watcher after three updates saw:", next())
	go publish("v4")
	fmt.Println("watcher woke up to:", next())
}
