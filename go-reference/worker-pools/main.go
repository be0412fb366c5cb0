// Worker pools: a fixed number of goroutines take jobs from one shared channel.
//
// Run it with `go run ./worker-pools` in go-reference/. The Rust translations print the same
// worker-pools/expected.txt:
//   - cargo run --example worker-pools: std, one Receiver shared behind Arc<Mutex<..>>
//   - cargo run --example worker-pools-crossbeam: cloned crossbeam Receivers, Go's model
//   - cargo run --example worker-pools-threadpool: the threadpool crate's fixed pool
//   - cargo run --example worker-pools-rayon: a parallel iterator on a pool of three threads
//   - cargo run --example worker-pools-tokio: a task per job, three at a time (Semaphore)
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

const (
	numJobs    = 9
	numWorkers = 3
)

type result struct{ job, value int }

// process stands in for real work: it takes 10 ms and returns the job's square.
func process(job int) int {
	time.Sleep(10 * time.Millisecond)
	return job * job
}

func main() {
	// ## Start a fixed number of workers
	// Every worker ranges over the same channel, and each receive hands a job to exactly one
	// of them: the channel is both the queue and its lock. The number of workers, not the
	// number of jobs, bounds how many jobs run at once.
	jobs := make(chan int, numJobs)
	results := make(chan result)
	var wg sync.WaitGroup
	for range numWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range jobs { // ends once jobs is closed and drained
				results <- result{job, process(job)}
			}
		}()
	}

	// ## Send the jobs and close the queue
	// The buffer holds every job, so these sends never block. close() tells the workers that
	// no more jobs will come; the jobs already buffered are still delivered.
	for job := 1; job <= numJobs; job++ {
		jobs <- job
	}
	close(jobs)

	// ## Wait for the workers, then close the results
	// results is unbuffered: each worker blocks on its send until main receives, so main must
	// be receiving while it waits, and the wait gets a goroutine of its own. Only after the
	// last worker is done is it safe to close results (a send on a closed channel panics).
	go func() {
		wg.Wait()
		close(results)
	}()

	// ## Collect the results in job order
	// Results arrive in whatever order the workers finish; sorting by job makes the output
	// independent of scheduling.
	var collected []result
	for r := range results {
		collected = append(collected, r)
	}
	sort.Slice(collected, func(i, j int) bool { return collected[i].job < collected[j].job })
	sum := 0
	for _, r := range collected {
		fmt.Printf("job %d -> %d\n", r.job, r.value)
		sum += r.value
	}
	fmt.Printf("%d jobs, %d workers, sum of results = %d\n", len(collected), numWorkers, sum)
}
