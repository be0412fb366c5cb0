// Atomic pointers: read-mostly configuration that readers load without a lock and a writer
// replaces whole, with atomic.Pointer's Load, Store and CompareAndSwap.
//
// Run it with `go run ./atomic-pointer` in go-reference/. Its Rust counterparts print the
// same atomic-pointer/expected.txt:
//   - cargo run --example atomic-pointer: RwLock<Arc<Config>>, std only
//   - cargo run --example atomic-pointer-arcswap: arc-swap's ArcSwap, a lock-free swap
package main

import (
	"fmt"
	"sync/atomic"
)

// Config is never changed once published: a new version is a new Config.
type Config struct {
	Version, Limit int
}

func main() {
	// ## Publish the first config
	// atomic.Pointer[T] (Go 1.19) is the typed form of atomic.Value, which holds an `any`,
	// needs a type assertion on every Load and panics when a Store changes the type.
	var current atomic.Pointer[Config]
	current.Store(&Config{Version: 1, Limit: 10})

	// ## Read without a lock
	// Each reader Loads the pointer once and keeps that snapshot for its whole request.
	snapshots := make(chan *Config, 3)
	for range 3 {
		go func() { snapshots <- current.Load() }()
	}
	held := []*Config{<-snapshots, <-snapshots, <-snapshots}

	// ## Swap in a new config
	// The writer Stores a new pointer and never writes through the old one. The garbage
	// collector keeps the old Config alive for as long as a reader still points at it.
	current.Store(&Config{Version: 2, Limit: 20})
	fmt.Print("readers still hold limit:")
	for _, cfg := range held {
		fmt.Print(" ", cfg.Limit)
	}
	fmt.Println()
	now := current.Load()
	fmt.Printf("new readers see: version %d, limit %d\n", now.Version, now.Limit)

	// ## Update with compare-and-swap
	// A writer that derives the next config from the current one swaps only if nobody
	// swapped in between; otherwise it must load again and retry.
	base := current.Load()
	next := &Config{Version: base.Version + 1, Limit: base.Limit * 2}
	if current.CompareAndSwap(base, next) {
		fmt.Println("update from version 2: applied")
	}
	stale := &Config{Version: base.Version + 1, Limit: base.Limit + 1}
	if !current.CompareAndSwap(base, stale) {
		fmt.Println("second update from version 2: rejected, it must reload and retry")
	}
	now = current.Load()
	fmt.Printf("current: version %d, limit %d\n", now.Version, now.Limit)
}
