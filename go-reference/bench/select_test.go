// Go twins of benches/benches/select.rs: select over two channels of capacity 100, next to
// a plain receive from one. One op is one message received.
package bench

import "testing"

func BenchmarkSelect(b *testing.B) {
	b.Run("seq/select", func(b *testing.B) {
		c1, c2 := make(chan int64, capacity), make(chan int64, capacity)
		for i := 0; i < b.N; i++ {
			if i%2 == 0 {
				c1 <- int64(i)
			} else {
				c2 <- int64(i)
			}
			select {
			case v := <-c1:
				sink = v
			case v := <-c2:
				sink = v
			}
		}
	})
	b.Run("seq/recv", func(b *testing.B) {
		c := make(chan int64, capacity)
		for i := 0; i < b.N; i++ {
			c <- int64(i)
			sink = <-c
		}
	})
	// 2p: two producers, each on its own channel, one consumer selecting over both; the
	// channels stay open, the consumer stops after b.N messages.
	b.Run("2p/select", func(b *testing.B) {
		c1, c2 := make(chan int64, capacity), make(chan int64, capacity)
		shares := split(b.N, 2)
		timeWorkers(b, []func(){
			func() { send(c1, shares[0]) },
			func() { send(c2, shares[1]) },
			func() {
				var seen int64
				for i := 0; i < b.N; i++ {
					select {
					case v := <-c1:
						seen += v
					case v := <-c2:
						seen += v
					}
				}
				sink = seen
			},
		})
	})
	b.Run("2p/recv_shared", func(b *testing.B) {
		c := make(chan int64, capacity)
		shares := split(b.N, 2)
		timeWorkers(b, []func(){
			func() { send(c, shares[0]) },
			func() { send(c, shares[1]) },
			func() {
				var seen int64
				for i := 0; i < b.N; i++ {
					seen += <-c
				}
				sink = seen
			},
		})
	})
}

func send(c chan<- int64, n int) {
	for i := 0; i < n; i++ {
		c <- int64(i)
	}
}
