// Buffered channels: sends on make(chan T, n) return at once until the buffer is full.
//
// Run it with `go run ./buffered-channels` in go-reference/. The Rust translations print
// the same buffered-channels/expected.txt:
//   - cargo run --example buffered-channels: std's sync_channel(3)
//   - cargo run --example buffered-channels-crossbeam: crossbeam's bounded(3)
//   - cargo run --example buffered-channels-tokio: tokio's mpsc::channel(3)
package main

import "fmt"

func main() {
	// ## Fill the buffer
	// make(chan int, 3) holds up to three values. Each send copies its value into the
	// buffer and returns at once, with nobody receiving.
	ch := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		ch <- i * 10
	}
	fmt.Println("3 sends returned with nobody receiving")

	// ## A fourth send would wait
	// With the buffer full, a plain `ch <- 40` would park main until a receive made room;
	// here nobody else could receive, so it would never return. A select with a default
	// case tries the send without waiting.
	select {
	case ch <- 40:
		fmt.Println("the 4th send went in")
	default:
		fmt.Println("the buffer is full: a 4th send would wait")
	}

	// ## A receive makes room
	// A goroutine makes the 4th send and waits; the first receive frees a slot and lets
	// it in. Values come out in the order they went in.
	go func() { ch <- 40 }()
	fmt.Print("received:")
	for range 4 {
		fmt.Print(" ", <-ch)
	}
	fmt.Println()
}
