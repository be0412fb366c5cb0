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
}
