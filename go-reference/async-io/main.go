// Async IO: many HTTP requests in flight at once, each written as a plain blocking call.
//
// Run it with `go run ./async-io` in go-reference/ (it serves itself on 127.0.0.1); a client's
// flags and errors are the next chapter, http-client. Its Rust twin prints the same expected.txt:
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
	// httptest.NewServer serves each connection in a goroutine of its own. The handler holds a
	// request at a gate that opens once five are in flight at once (after a second alone it
	// answers 503), then sleeps 30 ms for /item/1 down to 10 ms for /item/5.
	var inFlight atomic.Int64
	allIn := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /item/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(r.PathValue("id"))
		if err != nil || id < 1 || id > requests {
			http.Error(w, "no such item", http.StatusNotFound)
			return
		}
		if inFlight.Add(1) == requests {
			close(allIn) // from now on every receive on allIn succeeds at once
		}
		select {
		case <-allIn:
		case <-time.After(time.Second):
			inFlight.Add(-1)
			http.Error(w, "gave up waiting", http.StatusServiceUnavailable)
			return
		}
		time.Sleep(time.Duration(10+5*(requests-id)) * time.Millisecond)
		fmt.Fprintf(w, "item %d", id)
	})
	srv := httptest.NewServer(mux)

	// ## Send every request at once
	// client.Get is a plain blocking call: the runtime parks the goroutine while its socket is
	// not ready and runs others. Concurrency comes only from `go`; without it these calls would
	// still run, one after another, and each would be answered 503 after a second.
	client := srv.Client() // its Transport has no Proxy, so HTTP_PROXY cannot interfere
	answers := make([]string, requests)
	var wg sync.WaitGroup
	for i := range requests {
		wg.Go(func() { answers[i] = get(client, fmt.Sprintf("%s/item/%d", srv.URL, i+1)) })
	}
	wg.Wait()

	// ## Print the answers in request order
	// Each goroutine wrote only its own slot, and wg.Wait() orders those writes before these
	// reads; the completion order (5 first, 1 last) leaves no trace in the output.
	for i, answer := range answers {
		fmt.Printf("GET /item/%d -> %s\n", i+1, answer)
	}

	// ## Stop the server
	srv.Close() // blocks until every handler has returned
}

// get does one GET and describes the outcome. A 404 or a 503 is a response, not an error.
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
