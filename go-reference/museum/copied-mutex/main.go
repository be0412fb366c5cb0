// Museum: a copied mutex.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go vet ./museum/copied-mutex` in go-reference/: vet's copylocks check says Record "passes
// lock by value". The program compiles and runs without a race; it prints "hits: 0", because
// every call locks and bumps a copy. The same mistake in Rust is scripts/museum/copied-mutex.rs,
// which rustc rejects (E0382): a by-value receiver moves the value, Mutex included, and a Mutex
// is never Copy. The fix is `cargo run --example mutex`.
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu   sync.Mutex
	hits int // guarded by mu
}

// Record has a value receiver, so each call gets its own copy of Stats, mutex and all.
func (s Stats) Record() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits++
}

func main() {
	var stats Stats
	stats.Record()
	stats.Record()
	stats.Record()
	fmt.Println("hits:", stats.hits)
}
