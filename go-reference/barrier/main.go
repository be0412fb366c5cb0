// Barriers: every worker finishes phase one before any starts phase two, because phase two
// reads what all of them wrote. Go has no barrier type; a WaitGroup does it once.
//
// Run it with `go run ./barrier` in go-reference/. Its Rust counterparts print the same
// barrier/expected.txt:
//   - cargo run --example barrier: std::sync::Barrier, which names one leader
//   - cargo run --example barrier-tokio: tokio::sync::Barrier, awaited by tasks
package main

import (
	"fmt"
	"sync"
)

func main() {
	inputs := []int{1, 2, 3, 4}
	squares := make([]int, len(inputs))
	shares := make([]int, len(inputs))

	// ## Count the workers the boundary waits for
	// Go has no barrier type. A WaitGroup that every worker both Dones and Waits on is one,
	// good for a single boundary: a second phase boundary needs a second WaitGroup.
	var arrived, finished sync.WaitGroup
	arrived.Add(len(inputs))

	for i, n := range inputs {
		finished.Go(func() {
			// ## Phase one: each worker fills its own slot
			squares[i] = n * n

			// ## Wait for everyone at the boundary
			// Done says "I have arrived", Wait returns once all have. Every Done happens
			// before those Waits return, so phase two may read the other slots.
			arrived.Done()
			arrived.Wait()

			// ## Phase two: read what the others wrote
			total := 0
			for _, sq := range squares {
				total += sq
			}
			shares[i] = squares[i] * 100 / total
		})
	}

	// ## Act once when everyone has arrived
	// Go elects no leader; main waits on the same WaitGroup and speaks for the group.
	arrived.Wait()
	fmt.Println("all", len(inputs), "workers reached the barrier")

	// ## Collect the results
	finished.Wait()
	fmt.Print("phase one, squares:")
	for _, sq := range squares {
		fmt.Print(" ", sq)
	}
	fmt.Print("\nphase two, shares of the total:")
	for _, s := range shares {
		fmt.Printf(" %d%%", s)
	}
	fmt.Println()
}
