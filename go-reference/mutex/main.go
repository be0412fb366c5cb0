// Mutex: a sync.Mutex declared beside the data it guards, many goroutines updating it.
//
// Run it with `go run ./mutex` in go-reference/. The Rust twins print the same
// mutex/expected.txt, and `cargo test` checks all three:
//   - cargo run --example mutex: std::sync::Mutex<T> owning its data; guards; poisoning
//   - cargo run --example mutex-tokio: tokio::sync::Mutex, whose guard may cross an .await
package main

import (
	"fmt"
	"sync"
)

// counters pairs a lock with the fields it guards. The pairing is a convention: the compiler
// lets any code read or write total and hits without taking mu, and only `go run -race`
// notices, and only if the unlocked access races during that run.
type counters struct {
	mu    sync.Mutex // guards the fields below
	total int
	hits  map[string]int
}

// add takes the lock for the whole update. The deferred Unlock runs however add ends: by
// returning, from any return statement added later, or by a panic unwinding through it.
func (c *counters) add(word string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total++
	c.hits[word]++
}

func main() {
	// ## Many writers, then wait
	// The guide's fragment starts one goroutine and reads the counter straight away, with no
	// wait: the goroutine may not have run yet, and the unlocked read races with its write.
	// A WaitGroup fixes both: Wait returns only after every Done, and the memory model makes
	// everything a goroutine did before Done visible to the code after Wait.
	c := &counters{hits: map[string]int{}}
	words := []string{"apple", "banana", "cherry"}
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				c.add(words[i%3])
			}
		}()
	}
	wg.Wait()
	fmt.Println("total:", c.total)

	// ## Release the lock early
	// Hold a lock only while touching the data. Here the map is formatted under the lock (fmt
	// reads it, and fmt prints map keys in sorted order) and printed after Unlock, so slow IO
	// never runs inside the critical section.
	c.mu.Lock()
	snapshot := fmt.Sprint(c.hits)
	c.mu.Unlock()
	fmt.Println("hits:", snapshot)

	// ## A panic while holding the lock
	// A goroutine takes the lock, does half of an update, and panics. Deferred calls run
	// last-in first-out while the panic unwinds: first Unlock, then the recover below, which
	// reports the panic to main. Had the goroutine called c.mu.Unlock() at the end of its body
	// instead of deferring it, the panic would skip that call and the mutex would stay locked
	// forever: the next Lock would block for good. Go's Mutex keeps no record of the panic.
	panicked := make(chan any)
	go func() {
		defer func() { panicked <- recover() }()
		c.mu.Lock()
		defer c.mu.Unlock()
		c.total++          // the first half of the update...
		panic("disk full") // ...and the second half, c.hits, never happens
	}()
	fmt.Println("worker panicked while holding the lock:", <-panicked)

	// TryLock (Go 1.18) is rarely the right tool; here it proves the lock is free again.
	released := c.mu.TryLock()
	fmt.Println("the lock was released during the panic:", released)
	// Nothing warns the next holder that the data is half updated: it has to check for itself.
	fmt.Printf("the next holder sees a half-done update: total=%d, sum of hits=%d\n",
		c.total, sum(c.hits))
	c.total = sum(c.hits) // repair the invariant before anyone else can look
	c.mu.Unlock()

	c.mu.Lock()
	fmt.Printf("after repair: total=%d, sum of hits=%d\n", c.total, sum(c.hits))
	c.mu.Unlock()
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
