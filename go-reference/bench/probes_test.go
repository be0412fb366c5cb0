// One small function per sync/atomic operation that atomics_test.go measures, kept out of
// line so that `cargo xtask asm` can show what each compiles to with `go tool objdump`
// (the twins of benches/src/probes.rs).
package bench

import (
	"sync/atomic"
	"testing"
)

//go:noinline
func probeLoad(p *int64) int64 { return atomic.LoadInt64(p) }

//go:noinline
func probeStore(p *int64) { atomic.StoreInt64(p, 1) }

//go:noinline
func probeAdd(p *int64) int64 { return atomic.AddInt64(p, 1) }

//go:noinline
func probeSwap(p *int64) int64 { return atomic.SwapInt64(p, 1) }

//go:noinline
func probeCAS(p *int64) bool { return atomic.CompareAndSwapInt64(p, 0, 1) }

//go:noinline
func probeStoreLoad(mine, theirs *int64) int64 {
	atomic.StoreInt64(mine, 1)
	return atomic.LoadInt64(theirs)
}

// TestProbes calls every probe, so they are linked into the test binary that
// `cargo xtask asm` disassembles, and checks what they return.
func TestProbes(t *testing.T) {
	var x, y int64
	probeStore(&x)
	if probeLoad(&x) != 1 || probeAdd(&x) != 2 || probeSwap(&x) != 2 || probeCAS(&y) != true || probeStoreLoad(&y, &x) != 1 {
		t.Fatal("a probe returned the wrong value")
	}
}
