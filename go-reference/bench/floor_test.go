// Go twin of benches/benches/floor.rs: two goroutines hand a token back and forth through
// atomics, spinning; one op is one round trip. It needs GOMAXPROCS >= 2 and two free cores.
// The twin of same_line is Rust's same-line-no-pause (Rust's same-line adds a pause hint).
package bench

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// floorSpins is how many times a waiter checks before it yields (SPINS in
// benches/benches/floor.rs): never reached when both goroutines have a core.
const floorSpins = 1 << 10

// waitFor spins until *p == want, yielding every floorSpins checks. Go has no pause hint for
// user code, so the loop is bare (Rust's same-line-no-pause).
func waitFor(p *int64, want int64) {
	for spins := 0; atomic.LoadInt64(p) != want; spins++ {
		if spins == floorSpins {
			spins = 0
			runtime.Gosched()
		}
	}
}

func BenchmarkFloor(b *testing.B) {
	b.Run("same_line", func(b *testing.B) {
		var turn padded
		n := int64(b.N)
		timeWorkers(b, []func(){
			func() {
				for i := int64(0); i < n; i++ {
					atomic.StoreInt64(&turn.v, 2*i+1)
					waitFor(&turn.v, 2*i+2)
				}
			},
			func() {
				for i := int64(0); i < n; i++ {
					waitFor(&turn.v, 2*i+1)
					atomic.StoreInt64(&turn.v, 2*i+2)
				}
			},
		})
	})
	b.Run("two_lines", func(b *testing.B) {
		var ping, pong padded
		n := int64(b.N)
		timeWorkers(b, []func(){
			func() {
				for i := int64(1); i <= n; i++ {
					atomic.StoreInt64(&ping.v, i)
					waitFor(&pong.v, i)
				}
			},
			func() {
				for i := int64(1); i <= n; i++ {
					waitFor(&ping.v, i)
					atomic.StoreInt64(&pong.v, i)
				}
			},
		})
	})
}
