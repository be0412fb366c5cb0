// singleflight: callers that ask for the same key while a call for it is in flight wait
// for that call and share its result, instead of each making their own.
//
// Run it with `go run ./singleflight` in go-reference/. Its Rust counterparts print the
// same singleflight/expected.txt:
//   - cargo run --example singleflight: a Mutex<HashMap> of Arc<OnceLock> cells
//   - cargo run --example singleflight-tokio: one futures::future::Shared per key
package main

import (
	"fmt"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/singleflight"
)

func main() {
	var group singleflight.Group
	var loads atomic.Int64
	load := func() (any, error) {
		return fmt.Sprintf("config v%d", loads.Add(1)), nil
	}

	// ## Ask for one key from three callers at once
	// DoChan joins the call in flight for the key, or starts one, and returns at once, so
	// each caller can say it has arrived. The first call waits until all three have: the
	// callers certainly overlap, which Do alone could not promise.
	var arrived sync.WaitGroup
	arrived.Add(3)
	held := func() (any, error) {
		arrived.Wait()
		return load()
	}
	results := make([]singleflight.Result, 3)
	var callers sync.WaitGroup
	for i := range results {
		callers.Go(func() {
			call := group.DoChan("config", held)
			arrived.Done()
			results[i] = <-call
		})
	}
	callers.Wait()

	// ## Read the shared result
	// Every caller got the one call's value; Shared says that it went to more than one.
	for i, r := range results {
		fmt.Printf("caller %d: %v (shared: %t)\n", i+1, r.Val, r.Shared)
	}
	fmt.Println("loads:", loads.Load())

	// ## Call again once it has finished
	// The group forgets a key as soon as its call returns: it is no cache. The next Do for
	// it makes a new call, which nobody shares.
	value, err, shared := group.Do("config", load)
	if err != nil {
		panic(err)
	}
	fmt.Printf("later caller: %v (shared: %t)\n", value, shared)
	fmt.Println("loads:", loads.Load())
}
