// Go twins of benches/benches/mapreduce.rs: one op is one job, mix() mapped over the indices
// 0..mapReduceJob and summed. seq is one goroutine; pool is the Go developer's worker pool: t
// goroutines, started for each job, take chunks of mapReduceChunk indices from a channel and
// send their partial sums back on another.
package bench

import (
	"sync"
	"testing"
)

func chunkSum(from, to uint64) uint64 {
	var acc uint64
	for i := from; i < to; i++ {
		acc += mix(i)
	}
	return acc
}

func mapReducePool(workers int) uint64 {
	chunks := make(chan uint64, mapReduceJob/mapReduceChunk)
	sums := make(chan uint64, workers)
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			var acc uint64
			for from := range chunks {
				acc += chunkSum(from, min(from+mapReduceChunk, mapReduceJob))
			}
			sums <- acc
		}()
	}
	for from := uint64(0); from < mapReduceJob; from += mapReduceChunk {
		chunks <- from
	}
	close(chunks)
	wg.Wait()
	close(sums)
	var total uint64
	for s := range sums {
		total += s
	}
	return total
}

func BenchmarkMapReduce(b *testing.B) {
	b.Run("seq", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink = int64(chunkSum(0, mapReduceJob))
		}
	})
	for _, t := range threadCountsFromTwo() {
		b.Run("pool/"+tName(t), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				sink = int64(mapReducePool(t))
			}
		})
	}
}
