// RWMutex: many goroutines may hold the read lock at once; a writer holds it alone.
//
// Run it with `go run ./rwmutex` in go-reference/. Its Rust twin is
// `cargo run --example rwmutex` (std::sync::RwLock<T>, which owns its data as Mutex<T>
// does); both print rwmutex/expected.txt.
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// store pairs the lock with the map it guards; as with Mutex, only convention links them.
type store struct {
	mu sync.RWMutex // guards m
	m  map[string]string
}

func main() {
	keys := []string{"lang", "mascot", "year"}

	// ## Fill the map under the write lock
	s := &store{m: map[string]string{}}
	s.mu.Lock()
	s.m["lang"], s.m["mascot"], s.m["year"] = "go", "gopher", "2009"
	s.mu.Unlock()

	// ## Readers share the lock
	// Each reader takes the read lock and then waits at a one-shot barrier (a WaitGroup)
	// until all of them have arrived. Nobody passes it unless every reader holds the read
	// lock at the same moment: with an exclusive lock this would deadlock instead.
	lines := make([]string, len(keys))
	var allIn, wg sync.WaitGroup
	allIn.Add(len(keys))
	for i, key := range keys {
		wg.Go(func() {
			s.mu.RLock()
			defer s.mu.RUnlock()
			allIn.Done()
			allIn.Wait()
			lines[i] = key + "=" + s.m[key]
		})
	}
	wg.Wait()
	fmt.Println("readers holding the read lock at once:", len(keys))
	for i, line := range lines {
		fmt.Printf("reader %d: %s\n", i, line)
	}

	// ## One writer at a time
	// Main holds the read lock while a writer asks for the write lock: Lock blocks until
	// every reader is gone, so main, still reading, sees the old value. The sleep only gives
	// the writer time to reach Lock; the printed value does not depend on it.
	s.mu.RLock()
	wg.Go(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.m["lang"], s.m["mascot"], s.m["year"] = "rust", "ferris", "2015"
	})
	time.Sleep(20 * time.Millisecond)
	lang := s.m["lang"]
	s.mu.RUnlock()
	wg.Wait()
	fmt.Println("while a reader holds the lock, the writer waits: lang=" + lang)

	// ## Read after the write
	s.mu.RLock()
	pairs := make([]string, len(keys))
	for i, k := range keys {
		pairs[i] = k + "=" + s.m[k]
	}
	s.mu.RUnlock()
	fmt.Println("after the write:", strings.Join(pairs, " "))
}
