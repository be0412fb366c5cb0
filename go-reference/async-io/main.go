// Async IO: many HTTP requests in flight at once, each written as a plain blocking call.
//
// Run it with `go run ./async-io` in go-reference/. It starts its own server on
// 127.0.0.1 (an ephemeral port), so it needs no network. The Rust twin prints the same
// async-io/expected.txt:
//   - cargo run --example async-io: tokio tasks, reqwest as client, axum as server
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

const requests = 5

func main() {
	// ## Start a local server
	// httptest.NewServer listens on 127.0.0.1:0 and serves every connection in a goroutine of
	// its own. The handler holds each request until all five have arrived (a barrier built
	// from a counter and a closed channel), so the peak it records is 5 only if the client
	// really had them all in flight at once; the one-second fallback keeps a serial client
	// from hanging, it would just print a smaller peak. Then it sleeps 30 ms for /item/1 down
	// to 10 ms for /item/5, so the answers come back in the reverse of request order.
	var inFlight, peak atomic.Int32
	allIn := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /item/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(r.PathValue("id")) // Go 1.22 path patterns
		if err != nil || id < 1 || id > requests {
			http.NotFound(w, r)
			return
		}
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for { // sync/atomic has no Max, so a compare-and-swap loop raises the peak.
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		if n == requests {
			close(allIn)
		}
		select {
		case <-allIn:
		case <-time.After(time.Second):
		}
		time.Sleep(time.Duration(10+5*(requests-id)) * time.Millisecond)
		fmt.Fprintf(w, "item %d", id)
	})
	srv := httptest.NewServer(mux)

	// ## Send every request at once
	// Each client.Get looks like an ordinary blocking call, and that is Go's whole trick.
	// Underneath, the runtime opened the socket non-blocking and registered it with its
	// netpoller (epoll on Linux, kqueue on macOS). When a read or write would block, it parks
	// the goroutine; the OS thread goes on running other goroutines, and the poller makes the
	// parked one runnable again once the socket is ready. (Regular files cannot be polled: a
	// file read really blocks its thread, and the runtime hands that thread's other work to
	// another thread meanwhile.) No function is "async", so there is nothing to forget to
	// await: concurrency comes only from `go`. Called without `go`, the same calls would run
	// one after another (and the barrier would time out).
	client := srv.Client() // its Transport sets no Proxy, so HTTP_PROXY cannot interfere
	client.Timeout = 5 * time.Second
	answers := make([]string, requests)
	var wg sync.WaitGroup
	for i := range requests { // Go 1.22: range over an int
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i] = get(client, fmt.Sprintf("%s/item/%d", srv.URL, i+1))
		}()
	}
	wg.Wait()

	// ## Print the answers in request order
	// Each goroutine wrote only its own slot, and wg.Wait() orders those writes before
	// these reads; the completion order (5 first, 1 last) leaves no trace in the output.
	for i, answer := range answers {
		fmt.Printf("GET /item/%d -> %s\n", i+1, answer)
	}

	// ## Stop the server and read its peak
	// Close blocks until every handler has returned, so the counter is final when we load it.
	srv.Close()
	fmt.Println("max requests in flight:", peak.Load())
}

// get does one GET and describes the outcome. A 404 or 500 is not an error in net/http:
// err reports only a failure to get any response (refused, reset, timed out).
func get(client *http.Client, url string) string {
	resp, err := client.Get(url)
	if err != nil {
		return "error: " + err.Error()
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "error reading body: " + err.Error()
	}
	return resp.Status + ": " + string(body)
}
