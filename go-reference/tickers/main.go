// Tickers: a channel that receives the time every period, dropping the ticks a slow reader misses.
//
// Run it with `go run ./tickers` in go-reference/. Its Rust counterparts print the same
// tickers/expected.txt (std has no ticker: a thread that sleeps in a loop is the nearest):
//   - cargo run --example tickers-crossbeam: crossbeam's tick() channel
//   - cargo run --example tickers-tokio: tokio's interval and its MissedTickBehavior
package main

import (
	"fmt"
	"time"
)

func main() {
	// ## Receive a few ticks
	// The first tick comes one period after NewTicker, then one every period.
	ticker := time.NewTicker(10 * time.Millisecond)
	for i := 1; i <= 3; i++ {
		<-ticker.C
		fmt.Println("tick", i)
	}

	// ## Fall behind
	// For ten periods nobody receives. C never holds more than one tick: the runtime drops
	// every tick that finds the one before it still unread.
	time.Sleep(100 * time.Millisecond)
	stallEnd := time.Now()

	// ## Receive after the stall
	// A tick carries the time it fell due. The first is the one stale tick that was kept; the
	// next is due after the stall: the missed ticks are gone, not delivered in a burst.
	fmt.Println("first tick after the stall:", age(<-ticker.C, stallEnd))
	fmt.Println("second tick after the stall:", age(<-ticker.C, stallEnd))

	// ## Stop it
	// Stop ends the ticks. It does not close C, so a goroutine still ranging over C would
	// wait forever.
	ticker.Stop()
}

func age(tick, stallEnd time.Time) string {
	if tick.Before(stallEnd) {
		return "stale, due during the stall"
	}
	return "fresh, due after the stall"
}
