// Museum: a reference to guarded data kept after the lock is released.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run -race ./museum/guard-escape` in go-reference/: "WARNING: DATA RACE". The same
// mistake in Rust is scripts/museum/guard-escape.rs, which rustc rejects (E0505): the
// reference borrows from the guard, so the guard cannot be dropped (unlocked) while the
// reference lives. The fix is `cargo run --example mutex`.
package main

import (
	"fmt"
	"sync"
)

type Scores struct {
	mu    sync.Mutex
	items []int // guarded by mu
}

func (s *Scores) Bump(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[i]++
}

func main() {
	scores := &Scores{items: []int{0, 0, 0}}

	// The pointer is taken under the lock and used after it: the lock protected the
	// moment of taking it, not the memory it points to.
	scores.mu.Lock()
	first := &scores.items[0]
	scores.mu.Unlock()

	done := make(chan struct{})
	go func() {
		scores.Bump(0)
		close(done)
	}()
	*first = 100 // races with Bump, which holds the lock this write no longer does
	<-done
	fmt.Println("first:", scores.items[0])
}
