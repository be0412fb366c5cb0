// Select waits on several channel operations and runs exactly one of them: the one that can
// proceed, or a random one when several can.
//
// Run it with `go run ./select` in go-reference/. Its Rust counterparts print the same
// select/expected.txt (std's channels have no select):
//   - cargo run --example select: crossbeam's select! over channels
//   - cargo run --example select-tokio: tokio::select! over futures
package main

import "fmt"

func main() {
	// ## Wait until one case is ready
	// Without a default case, select blocks until some case can proceed, then runs that
	// case alone. Nothing ever sends on `a`, so the goroutine's send on `b` decides it;
	// the receive from `a` is abandoned, not half done.
	a := make(chan string)
	b := make(chan string)
	go func() { b <- "hello" }()
	select {
	case msg := <-a:
		fmt.Println("a:", msg)
	case msg := <-b:
		fmt.Println("b:", msg)
	}

	// ## Choose at random among ready cases
	// When several cases are ready, select picks one uniformly at random: the first case
	// listed is not always the one that runs. Both channels hold 1000 values, so both
	// cases are ready on every round, and each should win about half of them.
	left := make(chan int, 1000)
	right := make(chan int, 1000)
	for i := range 1000 {
		left <- i
		right <- i
	}
	var leftWins, rightWins int
	for range 1000 {
		select {
		case <-left:
			leftWins++
		case <-right:
			rightWins++
		}
	}
	// Only what is certain is printed: neither case starved.
	fmt.Println("both ready cases won at least once in 1000 tries:", leftWins > 0 && rightWins > 0)
}
