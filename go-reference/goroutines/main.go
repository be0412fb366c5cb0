// Goroutines: the `go` statement starts a function running concurrently, and hands back
// nothing to wait on.
//
// Run it with `go run ./goroutines` in go-reference/. Its Rust counterparts print the same
// goroutines/expected.txt:
//   - cargo run --example goroutines: std::thread::spawn, which returns a JoinHandle
//   - cargo run --example goroutines-tokio: tokio::spawn, tasks scheduled M:N like goroutines
package main

import (
	"fmt"
	"strings"
)

func main() {
	// ## Start a worker
	// The runtime runs goroutines on OS threads of its own, which the program never sees.
	// `go` returns no handle and no result: to learn when the goroutine ends, and what it
	// computed, we build the link ourselves, here a channel it sends its answer on.
	sum := make(chan int)
	go func() {
		total := 0
		for i := 1; i <= 10; i++ {
			total += i
		}
		sum <- total
	}()

	// ## Wait for its result
	// Any goroutine holding the channel could receive this. Without the receive, main could
	// return first, and the program would exit with the goroutine unfinished.
	fmt.Println("the worker returned", <-sum)

	// ## Give the worker its data
	// The closure captures `names` itself, not a copy: main and the goroutine share one
	// slice. Go compiles this whatever either side does with it next; a write on both sides
	// would be a data race that only the race detector (go run -race) might report.
	names := []string{"ada", "grace", "barbara"}
	joined := make(chan string)
	go func() {
		joined <- strings.Join(names, ", ")
	}()
	fmt.Println("the worker read:", <-joined)
	fmt.Println("main still has", len(names), "names")
}
