// Blocking calls: a goroutine may block its thread in a system call, or compute for a long
// time, and the other goroutines run on. The runtime moves their work to other threads.
//
// Run it with `go run ./blocking` in go-reference/. Its Rust counterpart prints the same
// blocking/expected.txt:
//   - cargo run --example blocking-tokio: spawn_blocking, a thread with a oneshot back, and
//     what a blocking call does to a tokio worker
package main

import (
	"fmt"
	"sync"
	"syscall"
)

func main() {
	// ## Block in a system call
	// read(2) on an empty pipe blocks the OS thread under this goroutine. The runtime
	// notices the system call and, once it lasts, hands the thread's other goroutines to
	// another thread, which it starts if need be. (os.Pipe's files would park the goroutine
	// on the netpoller instead; the raw syscall shows a thread that really blocks.)
	var pipe [2]int
	if err := syscall.Pipe(pipe[:]); err != nil {
		panic(err)
	}
	got := make(chan string)
	go func() {
		buf := make([]byte, 16)
		n, err := syscall.Read(pipe[0], buf)
		if err != nil {
			panic(err)
		}
		got <- string(buf[:n])
	}()

	// ## Keep the other work going
	// Nothing is written until these goroutines are done, so the read cannot return
	// before them, even with GOMAXPROCS=1.
	squares := make([]int, 3)
	var wg sync.WaitGroup
	for i := range squares {
		wg.Go(func() { squares[i] = (i + 1) * (i + 1) })
	}
	wg.Wait()
	fmt.Print("other work done before the read returned:")
	for _, sq := range squares {
		fmt.Print(" ", sq)
	}
	fmt.Println()

	// ## Unblock the call
	if _, err := syscall.Write(pipe[1], []byte("hello")); err != nil {
		panic(err)
	}
	fmt.Println("the read returned:", <-got)

	// ## Compute for a long time
	// A goroutine that computes without a pause cannot hold its thread for ever either:
	// since Go 1.14 the runtime preempts it with a signal after about 10ms.
	count := make(chan int)
	go func() { count <- primesBelow(100_000) }()
	fmt.Println("primes below 100000:", <-count)
}

// primesBelow counts the primes below n by trial division: slow on purpose.
func primesBelow(n int) int {
	count := 0
	for i := 2; i < n; i++ {
		prime := true
		for d := 2; d*d <= i && prime; d++ {
			prime = i%d != 0
		}
		if prime {
			count++
		}
	}
	return count
}
