// Go twins of benches/benches/channels.rs: one op is one message (for pingpong, one round
// trip). chan0 is unbuffered (Rust's sync_channel(0), crossbeam's bounded(0)), chan1 and
// chan100 are buffered. Go has no unbounded channel, so Rust's unbounded flavours have no
// twin here. Messages are int64, but in the size sweep (size/b=B), whose are [B]byte.
package bench

import (
	"fmt"
	"sync"
	"testing"
)

var capacities = []int{0, 1, capacity}

func chanName(c int) string { return fmt.Sprintf("chan%d", c) }

// seq: one goroutine sends and receives back (buffered channels only).
func chanSeq(b *testing.B, c int) {
	ch := make(chan int64, c)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ch <- int64(i)
		sink = <-ch
	}
}

// producersConsumers: producers goroutines share b.N messages; consumers goroutines receive
// until the channel is closed, which happens once every producer is done (Rust's channels
// close when the last Sender is dropped).
func producersConsumers(b *testing.B, c, producers, consumers int) {
	ch := make(chan int64, c)
	var sending sync.WaitGroup
	sending.Add(producers)
	var workers []func()
	for _, n := range split(b.N, producers) {
		workers = append(workers, func() {
			for i := 0; i < n; i++ {
				ch <- int64(i)
			}
			sending.Done()
		})
	}
	go func() { sending.Wait(); close(ch) }()
	for i := 0; i < consumers; i++ {
		workers = append(workers, func() {
			var seen int64
			for v := range ch {
				seen += v
			}
			if seen < 0 {
				sink = seen
			}
		})
	}
	timeWorkers(b, workers)
}

// pingpong: a message goes to an echo goroutine and comes back on a second channel.
func chanPingPong(b *testing.B, c int) {
	ping := make(chan int64, c)
	pong := make(chan int64, c)
	echo := func() {
		for v := range ping {
			pong <- v
		}
	}
	pinger := func() {
		for i := 0; i < b.N; i++ {
			ping <- int64(i)
			<-pong
		}
		close(ping)
	}
	timeWorkers(b, []func(){pinger, echo})
}

// sizedMessage is a message of the size sweep: an array of bytes, copied whole into the
// channel and out of it (Rust's [u8; B]).
type sizedMessage interface {
	[8]byte | [64]byte | [256]byte | [1024]byte
}

// spscSized: one goroutine sends b.N messages of type M, each with its first byte stamped
// with the op's index and the rest zero (stamped() in benches/src/flavours.rs), one
// receives them all and reads each one's first byte.
func spscSized[M sizedMessage](b *testing.B) {
	ch := make(chan M, capacity)
	producer := func() {
		var m M
		for i := 0; i < b.N; i++ {
			m[0] = byte(i)
			ch <- m
		}
		close(ch)
	}
	consumer := func() {
		var seen int64
		for m := range ch {
			seen += int64(m[0])
		}
		if seen < 0 {
			sink = seen
		}
	}
	timeWorkers(b, []func(){producer, consumer})
}

// sizeBench runs the size sweep at one message type: Channels/size/b=<its size in bytes>.
func sizeBench[M sizedMessage](b *testing.B) {
	var m M
	b.Run("size/"+bName(len(m)), spscSized[M])
}

func BenchmarkChannels(b *testing.B) {
	for _, c := range capacities {
		if c > 0 {
			b.Run("seq/"+chanName(c), func(b *testing.B) { chanSeq(b, c) })
		}
	}
	for _, c := range capacities {
		b.Run("spsc/"+chanName(c), func(b *testing.B) { producersConsumers(b, c, 1, 1) })
	}
	for _, c := range capacities {
		for _, t := range threadCountsFromTwo() {
			b.Run("mpsc/"+chanName(c)+"/"+tName(t), func(b *testing.B) { producersConsumers(b, c, t, 1) })
		}
	}
	for _, c := range capacities {
		for _, t := range threadCountsFromTwo() {
			b.Run("mpmc/"+chanName(c)+"/"+tName(t), func(b *testing.B) { producersConsumers(b, c, t, t) })
		}
	}
	for _, c := range capacities {
		b.Run("pingpong/"+chanName(c), func(b *testing.B) { chanPingPong(b, c) })
	}
	// The twin of channels-bridge (a std thread sending to a tokio task). Go has one kind of
	// goroutine, so there is no seam between blocking code and async code to bridge: the twin
	// is a plain channel between two goroutines, the same work as spsc/chan100.
	b.Run("bridge/"+chanName(capacity), func(b *testing.B) { producersConsumers(b, capacity, 1, 1) })
	// The message-size sweep: spsc over make(chan [B]byte, 100), from a word to a kilobyte.
	sizeBench[[8]byte](b)
	sizeBench[[64]byte](b)
	sizeBench[[256]byte](b)
	sizeBench[[1024]byte](b)
}
