// Graceful shutdown: signal.NotifyContext turns SIGINT or SIGTERM into a cancelled context;
// workers start no new job after it, and main waits for the jobs in flight, up to a deadline.
//
// Run it with `go run ./graceful-shutdown` in go-reference/; it sends itself SIGINT once both
// workers are busy. Its Rust counterparts print the same graceful-shutdown/expected.txt:
//   - cargo run --example graceful-shutdown: signal-hook and std threads
//   - cargo run --example graceful-shutdown-tokio: tokio::signal, CancellationToken, TaskTracker
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

func main() {
	// ## Turn SIGINT and SIGTERM into a cancelled context
	// From here on these signals cancel ctx instead of ending the process, until stop() is
	// called: then a second Ctrl-C ends a shutdown that hangs, as the default would.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// ## Start the workers
	// Worker w owns jobs w and w+2. It checks ctx before each, not in a select beside other
	// work: a select picks at random among ready cases. Each job waits for finish to close,
	// standing in for work that takes a while: the program, not a clock, decides when it ends.
	started := make(chan int)
	finish := make(chan struct{})
	var outcome [4]string // each worker writes only its own jobs' entries
	var wg sync.WaitGroup
	for w := 1; w <= 2; w++ {
		wg.Go(func() {
			for _, job := range []int{w, w + 2} {
				if ctx.Err() != nil {
					outcome[job-1] = "cancelled"
					continue
				}
				started <- job
				<-finish
				outcome[job-1] = "finished"
			}
		})
	}

	// ## Interrupt ourselves once both workers are busy
	<-started
	<-started
	fmt.Println("2 jobs in flight")
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		panic(err)
	}
	<-ctx.Done()
	stop()
	fmt.Println("signal received: no new job starts")

	// ## Drain the jobs in flight, up to a deadline
	close(finish)
	drained := make(chan struct{})
	go func() { wg.Wait(); close(drained) }()
	select {
	case <-drained:
		fmt.Println("drained before the deadline")
	case <-time.After(time.Second):
		fmt.Println("deadline passed: exiting with jobs unfinished")
		return
	}

	// ## Report what was decided
	for i, o := range outcome {
		fmt.Printf("job %d: %s\n", i+1, o)
	}
}
