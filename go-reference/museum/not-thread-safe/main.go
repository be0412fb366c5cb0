// Museum: a value that is not safe for concurrent use, shared between goroutines.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run -race ./museum/not-thread-safe` in go-reference/: "WARNING: DATA RACE". The same
// mistake in Rust is scripts/museum/not-thread-safe.rs, which rustc rejects (E0277): Rc and
// RefCell are not Send/Sync, and thread::spawn requires Send. The fix is Arc<Mutex<T>>,
// `cargo run --example mutex`.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	// strings.Builder, like most Go types, is not safe for concurrent use. Only its
	// documentation says so; its type does not, and the compiler cannot tell. (The text is
	// formatted first: fmt's internal buffer pool would otherwise order the two writes for
	// the race detector, which would then miss the race in some runs.)
	var log strings.Builder
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log.WriteString(fmt.Sprint("worker ", w, "\n"))
		}()
	}
	wg.Wait()
	fmt.Print(log.String())
}
