// Go twins of benches/benches/atomics.rs. Go's sync/atomic has one ordering, sequentially
// consistent, so each of these is the twin of every Rust ordering of the same operation.
package bench

import (
	"sync"
	"sync/atomic"
	"testing"
)

func BenchmarkAtomicsUncontended(b *testing.B) {
	b.Run("load", func(b *testing.B) {
		var x int64
		for i := 0; i < b.N; i++ {
			sink = atomic.LoadInt64(&x)
		}
	})
	b.Run("store", func(b *testing.B) {
		var x int64
		for i := 0; i < b.N; i++ {
			atomic.StoreInt64(&x, 1)
		}
	})
	b.Run("add", func(b *testing.B) {
		var x int64
		for i := 0; i < b.N; i++ {
			sink = atomic.AddInt64(&x, 1)
		}
	})
	b.Run("swap", func(b *testing.B) {
		var x int64
		for i := 0; i < b.N; i++ {
			sink = atomic.SwapInt64(&x, 1)
		}
	})
	// A counting CAS that always succeeds, as in the Rust twin: load, then compare-and-swap.
	b.Run("cas", func(b *testing.B) {
		var x int64
		for i := 0; i < b.N; i++ {
			old := atomic.LoadInt64(&x)
			if atomic.CompareAndSwapInt64(&x, old, old+1) {
				sink++
			}
		}
	})
}

// padded is one counter alone on its cache-line pair: 128 bytes, as crossbeam's CachePadded
// on x86-64.
type padded struct {
	v int64
	_ [120]byte
}

// loop makes the worker that runs n ops on one counter. Each op has its own, so the op is
// inlined into the loop as in Rust (no call through a func value per op).
type loop func(cell *int64, n int) func()

func addLoop(cell *int64, n int) func() {
	return func() {
		for j := 0; j < n; j++ {
			atomic.AddInt64(cell, 1)
		}
	}
}

func casLoop(cell *int64, n int) func() {
	return func() {
		for j := 0; j < n; j++ {
			for {
				old := atomic.LoadInt64(cell)
				if atomic.CompareAndSwapInt64(cell, old, old+1) {
					break
				}
			}
		}
	}
}

// shared runs t goroutines sharing b.N ops, goroutine i on the counter layout gives it.
func shared(b *testing.B, layout string, mk loop) {
	for _, t := range threadCounts() {
		if layout != "contended" && t < 2 {
			continue
		}
		b.Run(tName(t), func(b *testing.B) {
			var one padded
			pads := make([]padded, t)
			words := make([]int64, t)
			var workers []func()
			for i, n := range split(b.N, t) {
				cell := &one.v
				switch layout {
				case "padded":
					cell = &pads[i].v
				case "false-shared":
					cell = &words[i]
				}
				workers = append(workers, mk(cell, n))
			}
			timeWorkers(b, workers)
		})
	}
}

func BenchmarkAtomicsContended(b *testing.B) {
	b.Run("add", func(b *testing.B) { shared(b, "contended", addLoop) })
	b.Run("cas_loop", func(b *testing.B) { shared(b, "contended", casLoop) })
}

func BenchmarkAtomicsPadded(b *testing.B) {
	b.Run("add", func(b *testing.B) { shared(b, "padded", addLoop) })
	b.Run("cas_loop", func(b *testing.B) { shared(b, "padded", casLoop) })
}

func BenchmarkAtomicsFalseShared(b *testing.B) {
	b.Run("add", func(b *testing.B) { shared(b, "false-shared", addLoop) })
	b.Run("cas_loop", func(b *testing.B) { shared(b, "false-shared", casLoop) })
}

// BenchmarkAtomicsDekker is the store-then-load pair: Go's Store is an XCHG on amd64, which
// already orders the later load, so this is the twin of Rust's SeqCst pair.
func BenchmarkAtomicsDekker(b *testing.B) {
	b.Run("store_load", func(b *testing.B) {
		var mine, theirs int64
		for i := 0; i < b.N; i++ {
			atomic.StoreInt64(&mine, 1)
			sink = atomic.LoadInt64(&theirs)
		}
	})
}

// BenchmarkLocks counts with sync.Mutex and sync.RWMutex, as Rust's Mutex<i64> and
// RwLock<i64> do; each loop is written out so the lock calls inline into it.
func BenchmarkLocks(b *testing.B) {
	for _, t := range threadCounts() {
		b.Run("mutex/"+tName(t), func(b *testing.B) {
			var mu sync.Mutex
			var count int64
			var workers []func()
			for _, n := range split(b.N, t) {
				workers = append(workers, func() {
					for j := 0; j < n; j++ {
						mu.Lock()
						count++
						mu.Unlock()
					}
				})
			}
			timeWorkers(b, workers)
		})
		b.Run("rwmutex_write/"+tName(t), func(b *testing.B) {
			var mu sync.RWMutex
			var count int64
			var workers []func()
			for _, n := range split(b.N, t) {
				workers = append(workers, func() {
					for j := 0; j < n; j++ {
						mu.Lock()
						count++
						mu.Unlock()
					}
				})
			}
			timeWorkers(b, workers)
		})
		b.Run("rwmutex_read/"+tName(t), func(b *testing.B) {
			var mu sync.RWMutex
			var count int64 = 1
			var workers []func()
			for _, n := range split(b.N, t) {
				workers = append(workers, func() {
					var seen int64
					for j := 0; j < n; j++ {
						mu.RLock()
						seen += count
						mu.RUnlock()
					}
					atomic.AddInt64(&sink, seen)
				})
			}
			timeWorkers(b, workers)
		})
	}
	// The read-mostly map (Rust: locks/map-*): mapKeys keys filled before the clock starts; op
	// j of worker w writes mapKey(w, j) when j%mapWriteEvery == 0 and reads it otherwise.
	for _, t := range threadCounts() {
		b.Run("map_rwmutex/"+tName(t), func(b *testing.B) {
			var mu sync.RWMutex
			m := make(map[int64]int64, mapKeys)
			for k := int64(0); k < mapKeys; k++ {
				m[k] = k
			}
			var workers []func()
			for w, n := range split(b.N, t) {
				workers = append(workers, func() {
					var seen int64
					for j := 0; j < n; j++ {
						key := mapKey(w, j)
						if j%mapWriteEvery == 0 {
							mu.Lock()
							m[key] = int64(j)
							mu.Unlock()
						} else {
							mu.RLock()
							seen += m[key]
							mu.RUnlock()
						}
					}
					atomic.AddInt64(&sink, seen)
				})
			}
			timeWorkers(b, workers)
		})
		b.Run("sync_map/"+tName(t), func(b *testing.B) {
			var m sync.Map
			for k := int64(0); k < mapKeys; k++ {
				m.Store(k, k)
			}
			var workers []func()
			for w, n := range split(b.N, t) {
				workers = append(workers, func() {
					var seen int64
					for j := 0; j < n; j++ {
						key := mapKey(w, j)
						if j%mapWriteEvery == 0 {
							m.Store(key, int64(j))
						} else if v, ok := m.Load(key); ok {
							seen += v.(int64)
						}
					}
					atomic.AddInt64(&sink, seen)
				})
			}
			timeWorkers(b, workers)
		})
	}
}
