// RWMutex: many goroutines may hold the read lock at once; a writer holds it alone.
//
// Run it with `go run ./rwmutex` in go-reference/. The Rust twin prints the same
// rwmutex/expected.txt, and `cargo test` checks both:
//   - cargo run --example rwmutex: std::sync::RwLock<HashMap<..>> owning its map
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// store pairs the lock with the map it guards; as with Mutex, only convention links them.
type store struct {
	mu sync.RWMutex // guards m
	m  map[string]string
}

func main() {
	// ## Fill the map under the write lock
	// The map must be made before the first write. The guide's fragment declares
	// `var data map[string]string` and assigns to it: that map is nil, and the assignment
	// panics with "assignment to entry in nil map" (reading a nil map is fine).
	s := &store{m: map[string]string{}}
	s.mu.Lock()
	s.m["lang"], s.m["mascot"], s.m["year"] = "go", "gopher", "2009"
	s.mu.Unlock()

	// ## Readers share the lock
	// Each reader takes the read lock, counts itself in, and then waits at a one-shot
	// barrier (a WaitGroup) until all three have arrived. Nobody can pass it unless all
	// three hold the read lock at the same moment, so the count reaches 3 every run; with an
	// exclusive lock the program would deadlock here instead.
	keys := []string{"lang", "mascot", "year"}
	lines := make([]string, len(keys))
	peaks := make([]int64, len(keys))
	var inside atomic.Int64
	var allIn, wg sync.WaitGroup
	allIn.Add(len(keys))
	for i, key := range keys {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.mu.RLock()
			defer s.mu.RUnlock()
			peaks[i] = inside.Add(1) // how many readers are inside, this one included
			allIn.Done()
			allIn.Wait()
			lines[i] = key + "=" + s.m[key]
			inside.Add(-1)
		}()
	}
	wg.Wait()
	most := peaks[0]
	for _, p := range peaks {
		most = max(most, p)
	}
	fmt.Println("readers holding the read lock at once:", most)
	for i, line := range lines {
		fmt.Printf("reader %d: %s\n", i, line)
	}

	// ## One writer at a time
	// Main holds the read lock while a writer asks for the write lock: Lock blocks until
	// every reader is gone, so `wrote` is still false when main looks, however long it
	// waited (the sleep only gives the writer time to reach Lock; the printed value does not
	// depend on it). Once a writer is
	// waiting, Go blocks every new RLock too, so writers are not starved; the price is that a
	// goroutine taking RLock again while it already holds one deadlocks (the writer waits for
	// the first read lock, the second RLock waits for the writer).
	var wrote atomic.Bool
	done := make(chan struct{})
	s.mu.RLock()
	go func() {
		defer close(done)
		s.mu.Lock()
		defer s.mu.Unlock()
		s.m["lang"], s.m["mascot"], s.m["year"] = "rust", "ferris", "2015"
		wrote.Store(true)
	}()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("the writer waited for the reader:", !wrote.Load())
	// s.mu.RLock() here would deadlock, as described above.
	s.mu.RUnlock()
	<-done

	// ## Read the map in sorted order
	// Ranging over a Go map visits keys in a deliberately random order, so sort them.
	s.mu.RLock()
	names := make([]string, 0, len(s.m))
	for k := range s.m {
		names = append(names, k)
	}
	sort.Strings(names)
	pairs := make([]string, len(names))
	for i, k := range names {
		pairs[i] = k + "=" + s.m[k]
	}
	s.mu.RUnlock()
	fmt.Println("after the write:", strings.Join(pairs, " "))
}
