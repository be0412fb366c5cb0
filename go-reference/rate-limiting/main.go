// Rate limiting: admit requests no faster than a ticker allows, with room for a burst.
//
// Run it with `go run ./rate-limiting` in go-reference/. Its Rust counterparts print the same
// rate-limiting/expected.txt:
//   - cargo run --example rate-limiting-crossbeam: tick() and a bounded channel of tokens
//   - cargo run --example rate-limiting-tokio: interval and a Semaphore as the token bucket
package main

import (
	"fmt"
	"time"
)

func main() {
	// ## Admit one request per tick
	// time.Tick is NewTicker without the Ticker, so it cannot be stopped. Since Go 1.23
	// the garbage collector reclaims an unreferenced ticker, so it no longer leaks.
	const period = 10 * time.Millisecond
	start := time.Now()
	limiter := time.Tick(period)
	for req := 1; req <= 3; req++ {
		<-limiter
		fmt.Println("request", req, "admitted by a tick")
	}
	fmt.Println("no faster than one per period:", time.Since(start) >= 3*period)

	// ## Fill a bucket for a burst
	// A buffered channel of three tokens, filled up front, lets three requests through at
	// once. Each token says where it came from.
	bucket := make(chan string, 3)
	for range 3 {
		bucket <- "the burst allowance"
	}

	// ## Refill it every tick
	// A full bucket drops the new token, so an idle spell saves up a burst of three at most.
	done := make(chan struct{})
	go func() {
		refill := time.NewTicker(period)
		defer refill.Stop()
		for {
			select {
			case <-done:
				return
			case <-refill.C:
				select {
				case bucket <- "a tick":
				default: // The bucket is full.
				}
			}
		}
	}()

	// ## Admit requests from the bucket
	for req := 1; req <= 5; req++ {
		fmt.Println("request", req, "admitted by", <-bucket)
	}

	// ## Stop the refill
	close(done)
}
