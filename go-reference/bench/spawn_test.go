// Go twins of benches/benches/spawn.rs: one op is one goroutine started and finished, waited
// for with a sync.WaitGroup.
package bench

import (
	"sync"
	"testing"
)

func BenchmarkSpawn(b *testing.B) {
	// one: start a goroutine, wait for it, repeat.
	b.Run("one", func(b *testing.B) {
		var wg sync.WaitGroup
		for i := 0; i < b.N; i++ {
			wg.Add(1)
			go func() {
				sink = int64(i)
				wg.Done()
			}()
			wg.Wait()
		}
	})
	// batch: start spawnBatch goroutines, then wait for all of them.
	b.Run("batch", func(b *testing.B) {
		var wg sync.WaitGroup
		for left := b.N; left > 0; left -= spawnBatch {
			k := min(left, spawnBatch)
			wg.Add(k)
			for j := 0; j < k; j++ {
				go func() { wg.Done() }()
			}
			wg.Wait()
		}
	})
	// count: start n goroutines, then wait for all, for each n of spawnCounts. One iteration
	// of b.N is one whole batch, so that n goroutines are in flight together however small
	// b.N is, and ns/op is set to the time per goroutine (spawn_count in
	// benches/benches/spawn.rs does the same with criterion's iterations). -short leaves out
	// the counts above 10,000, whose one batch takes up to seconds (cargo xtask compare
	// --quick leaves them out on the Rust side too).
	for _, n := range spawnCounts {
		b.Run("count/"+nName(n), func(b *testing.B) {
			if testing.Short() && n > 10_000 {
				b.Skip("-short: a batch of more than 10,000 goroutines takes up to seconds")
			}
			var wg sync.WaitGroup
			for range b.N {
				wg.Add(n)
				for range n {
					go func() { wg.Done() }()
				}
				wg.Wait()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/op")
		})
	}
}
