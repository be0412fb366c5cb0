// Timers: one event in the future, which you can wait for, stop, move, or have run a function.
//
// Run it with `go run ./timers` in go-reference/. Its Rust counterparts print the same
// timers/expected.txt:
//   - cargo run --example timers: a thread per timer, waiting on a control channel
//   - cargo run --example timers-crossbeam: crossbeam's after() and at() channels
//   - cargo run --example timers-tokio: tokio's sleep, Sleep::reset and a task to abort
package main

import (
	"fmt"
	"time"
)

func main() {
	// ## Wait for a timer
	// A Timer's channel C receives the time once, when the duration has passed. No goroutine
	// sleeps behind it: the scheduler keeps the timer and fires it.
	timer := time.NewTimer(10 * time.Millisecond)
	<-timer.C
	fmt.Println("timer 1 fired")

	// ## Stop it before it fires
	// Stop reports whether it stopped the timer in time. Since Go 1.23, once Stop returns
	// nothing arrives on C, not even a value that fell due just before the call.
	timer = time.NewTimer(time.Hour)
	fmt.Println("timer 2 stopped before it fired:", timer.Stop())

	// ## Move its deadline
	// Reset starts the duration again from now and reports whether the timer was pending.
	// Since Go 1.23 it needs no Stop and drain of C first.
	timer = time.NewTimer(time.Hour)
	fmt.Println("timer 3 reset while still pending:", timer.Reset(10*time.Millisecond))
	<-timer.C
	fmt.Println("timer 3 fired at its new deadline")

	// ## Run a function when it fires
	// AfterFunc has no channel: the runtime starts f in a goroutine of its own when the
	// time comes. Stop cancels f if it has not started; it never waits for a running f.
	done := make(chan string)
	time.AfterFunc(10*time.Millisecond, func() { done <- "ran its function" })
	fmt.Println("AfterFunc 1", <-done)
	never := time.AfterFunc(time.Hour, func() { fmt.Println("never printed") })
	fmt.Println("AfterFunc 2 stopped before its function ran:", never.Stop())
}
