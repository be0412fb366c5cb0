// Spawning: start concurrent work with `go`, and get its result back.
//
// Run it with `go run ./spawn` in go-reference/. The Rust twins print the same
// spawn/expected.txt, and `cargo test` checks all four:
//   - cargo run --example spawn: std::thread::spawn and its JoinHandle
//   - cargo run --example spawn-scoped: std::thread::scope, borrowing instead of moving
//   - cargo run --example spawn-tokio: tokio tasks, M:N scheduled like goroutines
package main

import (
	"fmt"
	"strings"
)

func main() {
	// ## Start one and wait for it
	// `go` returns nothing: no handle, no result, no way to wait. The runtime gives the
	// goroutine a small stack that grows on demand and runs it on one of its OS threads, of
	// which at most GOMAXPROCS execute Go code at once (threads blocked in system calls do
	// not count). To learn when it ends (or what it computed) we build the link ourselves,
	// here a channel. Without it, main could return first and the process would exit with
	// the goroutine unfinished.
	sum := make(chan int)
	go func() {
		total := 0
		for i := 1; i <= 10; i++ {
			total += i
		}
		sum <- total
	}()
	fmt.Println("the worker returned", <-sum)

	// ## Give the worker its data
	// The closure captures `names` by reference: the goroutine and main share one slice
	// header and one backing array. Go compiles this whatever either side does next; if
	// both wrote to it, only the race detector (go run -race) would tell, and only if the
	// race happened during that run.
	names := []string{"ada", "grace", "barbara"}
	joined := make(chan string)
	go func() {
		joined <- strings.Join(names, ", ")
	}()
	fmt.Println("the worker read:", <-joined)

	// ## A panic in a worker
	// A goroutine's panic cannot be caught by the goroutine that started it. Unrecovered,
	// it ends the whole process (exit status 2, "panic: boom" and the panicking goroutine's
	// stack; GOTRACEBACK=all prints every goroutine's).
	// The only defence is a recover() inside the goroutine itself, which we then have to
	// report back by hand.
	failed := make(chan error)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				failed <- fmt.Errorf("%v", r)
			}
		}()
		panic("boom")
	}()
	fmt.Println("the worker panicked:", <-failed)
	fmt.Println("main is still running")

	// ## Start several and collect in order
	// Goroutines finish in any order. Giving each one its own slot in a slice and waiting
	// for all of them makes the printed result independent of scheduling.
	squares := make([]int, 4)
	done := make(chan struct{})
	for i := range squares {
		go func() { // Go 1.22+: each iteration has its own `i`.
			squares[i] = i * i
			done <- struct{}{}
		}()
	}
	for range squares {
		<-done
	}
	fmt.Println("squares:", squares)
}
