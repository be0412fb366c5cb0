// sync.Pool: a cache of scratch objects that goroutines take and give back, so that hot
// paths reuse buffers instead of making garbage for the collector.
//
// Run it with `go run ./sync-pool` in go-reference/. Its Rust counterparts print the same
// sync-pool/expected.txt:
//   - cargo run --example sync-pool: a buffer per thread in a thread_local!
//   - cargo run --example sync-pool-freelist: a Mutex<Vec<String>> of spare buffers
package main

import (
	"bytes"
	"fmt"
	"sync"
)

// ## Give the pool a New function
// Get calls New when the pool has nothing to hand out. The pool holds `any`, so every
// Get needs a type assertion; a pointer keeps Put from allocating a copy.
var buffers = sync.Pool{
	New: func() any { return new(bytes.Buffer) },
}

// render writes one line into a pooled buffer and returns it as a string.
func render(word string) string {
	// ## Get a buffer and reset it
	// Get returns any buffer: a fresh one, or one that a goroutine put back with its old
	// contents. Resetting it keeps its memory and drops its bytes.
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()

	// ## Use it, then put it back
	// String copies the bytes out, so the buffer can go back to the pool. Put is a hint,
	// not a promise: the garbage collector empties the pool, over two collections.
	fmt.Fprintf(buf, "%s has %d letters", word, len(word))
	line := buf.String()
	buffers.Put(buf)
	return line
}

func main() {
	// ## Render from several goroutines
	// Goroutines that run at the same time get different buffers; one that runs later
	// may get a buffer that an earlier one put back. The output is the same either way.
	words := []string{"goroutine", "channel", "mutex", "select"}
	lines := make([]string, len(words))
	var wg sync.WaitGroup
	for i, word := range words {
		wg.Go(func() { lines[i] = render(word) })
	}
	wg.Wait()
	for _, line := range lines {
		fmt.Println(line)
	}
}
