// Borrowing the parent's data: a goroutine's closure may use any variable of the function
// that starts it, and a WaitGroup waits until every goroutine is done with them.
//
// Run it with `go run ./scoped-threads` in go-reference/. Its Rust counterpart,
// `cargo run --example scoped-threads` (std::thread::scope, whose threads may borrow
// locals), prints the same scoped-threads/expected.txt.
package main

import (
	"fmt"
	"sync"
)

func main() {
	numbers := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	sums := make([]int, 3)

	// ## Start workers that borrow main's data
	// Each closure refers to main's own `numbers` and `sums`; nothing is copied, and the
	// garbage collector keeps both alive as long as anyone refers to them. Each worker
	// writes only its own element of `sums`: Go trusts us on that, and -race checks it only
	// while the program runs. wg.Go (Go 1.25) starts f and counts it in the WaitGroup.
	var wg sync.WaitGroup
	for i := range sums {
		chunk := numbers[i*4 : (i+1)*4]
		wg.Go(func() {
			for _, n := range chunk {
				sums[i] += n
			}
		})
	}

	// ## Wait for all of them
	// Nothing requires this call: leave it out and main reads `sums` while the
	// workers may still be writing it, a data race that compiles without a warning.
	wg.Wait()

	// ## Use the data again
	fmt.Print("chunk sums:")
	for _, s := range sums {
		fmt.Print(" ", s)
	}
	fmt.Println()
	fmt.Println("main still has its", len(numbers), "numbers")
}
