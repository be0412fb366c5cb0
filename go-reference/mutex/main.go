// Mutex: the lock owns the data. Go's sync.Mutex sits beside the fields it guards, and only
// convention ties the two together.
//
// Run it with `go run ./mutex` in go-reference/. Its Rust twin is
// `cargo run --example mutex` (std::sync::Mutex<T>, which owns its data); both print
// mutex/expected.txt. See also the chapters mutex-poison and mutex-across-await.
package main

import (
	"fmt"
	"maps"
	"sync"
)

// ## Declare the guarded data
// The comment on mu is the whole contract. The compiler lets any code read or write total
// and hits without taking mu; only `go run -race` notices, and only when such an access
// races during that run.
type counters struct {
	mu    sync.Mutex // guards the fields below
	total int
	hits  map[string]int
}

// ## Lock, update, unlock
// The deferred Unlock runs however add ends: by returning, from any return added later, or
// by a panic unwinding through it.
func (c *counters) add(word string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total++
	c.hits[word]++
}

func main() {
	// ## Many writers, then wait
	// Ten goroutines share one *counters. wg.Wait returns after every goroutine has ended,
	// and makes what they did visible to the code after it.
	c := &counters{hits: map[string]int{}}
	words := []string{"apple", "banana", "cherry"}
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			for range 100 {
				c.add(words[i%3])
			}
		})
	}
	wg.Wait()

	// ## Copy out under the lock, print after
	// Hold the lock only while touching the data: copy what you need, unlock, then do the
	// slow part (here, printing) with nothing held.
	c.mu.Lock()
	total, hits := c.total, maps.Clone(c.hits)
	c.mu.Unlock()
	fmt.Println("total:", total)
	for _, word := range words {
		fmt.Printf("%s=%d\n", word, hits[word])
	}
}
