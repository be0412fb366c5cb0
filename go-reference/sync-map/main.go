// sync.Map: a map that goroutines can share without a lock of their own, built for keys
// that are written once and read many times, or for goroutines that touch disjoint keys.
//
// Run it with `go run ./sync-map` in go-reference/. Its Rust counterparts print the same
// sync-map/expected.txt:
//   - cargo run --example sync-map: a HashMap inside a std RwLock
//   - cargo run --example sync-map-dashmap: dashmap's DashMap, a map of locked shards
package main

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

func main() {
	// ## Store from several goroutines
	// Each goroutine writes its own key: the disjoint keys sync.Map is built for. Keys and
	// values are `any`, so nothing checks that every value is an int.
	var lengths sync.Map
	words := []string{"goroutine", "channel", "mutex", "select"}
	var wg sync.WaitGroup
	for _, word := range words {
		wg.Go(func() { lengths.Store(word, len(word)) })
	}
	wg.Wait()

	// ## Load a key
	// Load returns the value as `any`, and whether the key was there; the value needs a
	// type assertion before it can be used as an int.
	if v, ok := lengths.Load("mutex"); ok {
		fmt.Println("mutex:", v.(int))
	}
	if _, ok := lengths.Load("atomic"); !ok {
		fmt.Println("atomic: absent")
	}

	// ## Load or store, from racing goroutines
	// Four goroutines try to store a value for the same new key. LoadOrStore lets exactly
	// one of them in; the others load what it stored. Which one wins is left to chance.
	var storedBy, loadedBy atomic.Int64
	for range 4 {
		wg.Go(func() {
			if _, loaded := lengths.LoadOrStore("atomic", len("atomic")); loaded {
				loadedBy.Add(1)
			} else {
				storedBy.Add(1)
			}
		})
	}
	wg.Wait()
	fmt.Printf("atomic: stored by %d, loaded by %d\n", storedBy.Load(), loadedBy.Load())

	// ## Range over the entries
	// Range visits the entries in no fixed order, so they are sorted before printing.
	var entries []string
	lengths.Range(func(key, value any) bool {
		entries = append(entries, fmt.Sprintf("%s=%d", key, value))
		return true // Returning false would stop the visit here.
	})
	slices.Sort(entries)
	fmt.Print("entries:")
	for _, entry := range entries {
		fmt.Print(" ", entry)
	}
	fmt.Println()
}
