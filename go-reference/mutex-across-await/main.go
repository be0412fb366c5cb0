// Holding a lock across a wait: a goroutine may keep a mutex while it blocks, and the
// callers behind it queue on Lock. Keep the wait outside the lock when the data allows.
//
// Run it with `go run ./mutex-across-await` in go-reference/. Its Rust twin is
// `cargo run --example mutex-across-await` (tokio::sync::Mutex, whose guard may be held
// across .await, and std's Mutex where it is not); both print mutex-across-await/expected.txt.
package main

import (
	"fmt"
	"sync"
	"time"
)

type tokenCache struct {
	mu      sync.Mutex // guards the fields below
	token   string
	fetches int
}

// fetch stands for a network call: slow, and the caller blocks until it returns.
func fetch(n int) string {
	time.Sleep(10 * time.Millisecond)
	return fmt.Sprintf("token-%d", n)
}

// send stands for a request made with the token: slow as well.
func send(token string) { time.Sleep(10 * time.Millisecond) }

// ## Hold the lock across a wait
// The first caller fetches with the lock held; the others block on Lock meanwhile, then
// find the token there. Releasing the lock during the fetch would let each of them start a
// fetch of its own. Go's runtime parks a goroutine blocked on Lock, so waiting costs little.
func (c *tokenCache) get() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token == "" {
		c.fetches++
		c.token = fetch(c.fetches) // blocks with the lock held
	}
	return c.token
}

func main() {
	cache := &tokenCache{}
	tokens := make([]string, 5)
	var wg sync.WaitGroup
	for i := range tokens {
		wg.Go(func() { tokens[i] = cache.get() })
	}
	wg.Wait() // every goroutine has ended: main may read the fields without the lock
	same := true
	for _, t := range tokens {
		same = same && t == tokens[0]
	}
	fmt.Printf("%d callers, %d fetch, all got %s: %t\n", len(tokens), cache.fetches, tokens[0], same)

	// ## Keep the wait outside the lock
	// get hands back a copy of the token, so the lock is free again before the slow send;
	// the count of sent requests takes the lock for one line afterwards.
	var sent struct {
		mu sync.Mutex // guards n
		n  int
	}
	for range 5 {
		wg.Go(func() {
			send(cache.get()) // no lock held while sending
			sent.mu.Lock()
			sent.n++
			sent.mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Printf("requests sent with %s: %d\n", tokens[0], sent.n)
}
