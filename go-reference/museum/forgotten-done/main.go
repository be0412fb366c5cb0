// Museum: a forgotten wg.Done().
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run ./museum/forgotten-done` in go-reference/: "fatal error: all goroutines are asleep -
// deadlock!" (exit status 2). Go's runtime reports a deadlock only when every goroutine is
// blocked; in a server with other goroutines running, Wait just hangs. The Rust program,
// scripts/museum/forgotten-done.rs, compiles: Rust's version of this mistake is a Sender that
// is never dropped, and nothing reports it. The fixes are `cargo run --example waitgroup` and
// `cargo run --example waitgroup-scoped`, where there is no count to get wrong.
package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := []string{"a", "", "c"}
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			if job == "" {
				return // an early return that skips wg.Done()
			}
			fmt.Println("did", job)
			wg.Done()
		}()
	}
	wg.Wait() // the count never reaches zero
	fmt.Println("unreachable")
}
