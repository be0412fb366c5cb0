// Pipelines: channels join the stages, two workers share one input (fan-out), merge joins
// their outputs (fan-in), and closing done stops every stage early. Run it with
// `go run ./pipelines` in go-reference/; the Rust examples pipelines, pipelines-crossbeam and
// pipelines-tokio print the same pipelines/expected.txt.
package main

import (
	"fmt"
	"sync"
)

// send delivers v unless done closes first, so no stage waits for ever on a gone consumer.
func send(done <-chan struct{}, out chan<- int, v int) bool {
	select {
	case out <- v:
		return true
	case <-done:
		return false
	}
}

// gen sends 1..n, and sq squares what it receives until its input closes or done does. Each
// stage owns the channel it returns: it alone sends on it and closes it.
func gen(done <-chan struct{}, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n && send(done, out, i); i++ {
		}
	}()
	return out
}
func sq(done <-chan struct{}, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			if !send(done, out, n*n) {
				return
			}
		}
	}()
	return out
}

// merge forwards every input onto one output and closes it once every input is closed.
func merge(done <-chan struct{}, ins ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Go(func() {
			for n := range in {
				if !send(done, out, n) {
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	// ## Fan out to two workers, merge their outputs
	// Both workers receive from gen's one channel, so each number goes to one of them. The
	// squares come out of merge in either order; their sum does not depend on it.
	done := make(chan struct{})
	nums := gen(done, 4)
	sum := 0
	for s := range merge(done, sq(done, nums), sq(done, nums)) {
		sum += s
	}
	fmt.Println("sum of the squares of 1 to 4:", sum)

	// ## Stop every stage early
	// Closing done wakes every stage blocked in a send: each returns and closes its output.
	nums = gen(done, 1_000_000)
	squares := merge(done, sq(done, nums), sq(done, nums))
	<-squares
	close(done)
	fmt.Println("took one square of a million, then stopped the pipeline")
	for range squares { // what was in flight, then the close
	}
	fmt.Println("every worker has stopped")
}
