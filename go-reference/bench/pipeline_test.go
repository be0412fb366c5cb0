// Go twin of benches/benches/pipeline.rs: the pipelines chapter's three stages (generate
// numbers, square them, add the squares up), each its own goroutine, joined by two channels of
// capacity 100. One op is one item through all three stages.
package bench

import "testing"

// sumOfSquares is what the last stage adds up for items items: i*i over 0..items, wrapping at
// 2^64 as uint64 does (sum_of_squares() in benches/src/flavours.rs).
func sumOfSquares(items int) uint64 {
	var sum uint64
	for i := range uint64(items) {
		sum += i * i
	}
	return sum
}

func BenchmarkPipeline(b *testing.B) {
	b.Run(chanName(capacity), func(b *testing.B) {
		numbers := make(chan uint64, capacity)
		squares := make(chan uint64, capacity)
		var sum uint64
		generate := func() {
			for i := range uint64(b.N) {
				numbers <- i
			}
			close(numbers)
		}
		square := func() {
			for n := range numbers {
				squares <- n * n
			}
			close(squares)
		}
		add := func() {
			for s := range squares {
				sum += s
			}
		}
		timeWorkers(b, []func(){generate, square, add})
		if want := sumOfSquares(b.N); sum != want {
			b.Fatalf("the pipeline added up %d, want %d: an item was lost or doubled", sum, want)
		}
	})
}
