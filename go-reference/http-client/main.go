// An HTTP client's outcomes: a 404 is an answer, a refused connection an error, each with its
// exit code. Run it with `go run ./http-client` in go-reference/ (it serves itself on 127.0.0.1),
// or `go run ./http-client --url http://127.0.0.1:8080/`. Its Rust twin, with the same flags and
// exit codes, prints the same http-client/expected.txt: `cargo run --example http-client`.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"time"
)

func main() {
	// ## Read the command line
	// flag's own messages go to io.Discard: a usage error prints one line and exits 2, as clap's.
	var target *url.URL
	flags := flag.NewFlagSet("http-client", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.Func("url", "GET this `URL` once and print the response status", func(s string) (err error) {
		target, err = url.ParseRequestURI(s) // a malformed URL is a usage error
		return err
	})
	err := flags.Parse(os.Args[1:])
	if err == nil && flags.NArg() > 0 {
		err = fmt.Errorf("unexpected argument '%s' found", flags.Arg(0))
	}
	switch {
	case errors.Is(err, flag.ErrHelp):
		flags.SetOutput(os.Stdout)
		fmt.Println("Usage: http-client [--url URL]")
		flags.PrintDefaults()
		return
	case err != nil:
		fmt.Fprintf(os.Stderr, "error: %v\n\nFor more information, try '--help'.\n", err)
		os.Exit(2)
	}
	client := &http.Client{Transport: &http.Transport{}, Timeout: 10 * time.Second} // no proxy

	// ## GET one address
	// Any answer, a 404 included, is a success: err means no answer (refused, reset, timed out).
	if target != nil {
		resp, err := client.Get(target.String())
		if err != nil {
			fmt.Fprintf(os.Stderr, "error: could not reach %s: %v\n", target, rootCause(err))
			os.Exit(1)
		}
		resp.Body.Close()
		fmt.Printf("GET %s -> %s\n", target, resp.Status)
		return
	}

	// ## Without --url, show each outcome
	// Port 1 of the loopback address has no listener, so that connection is refused at once.
	mux := http.NewServeMux() // answers 404 for any path it was not given
	mux.HandleFunc("GET /hello", func(http.ResponseWriter, *http.Request) {})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, t := range [][2]string{
		{"/hello", srv.URL + "/hello"},
		{"/missing", srv.URL + "/missing"},
		{"port 1", "http://127.0.0.1:1/"},
	} {
		resp, err := client.Get(t[1])
		if err != nil {
			fmt.Printf("GET %s -> error: %v\n", t[0], rootCause(err))
			continue
		}
		resp.Body.Close()
		fmt.Printf("GET %s -> %s\n", t[0], resp.Status)
	}
}

// rootCause is the innermost error of a chain: "connection refused", not the whole story.
func rootCause(err error) error {
	for next := errors.Unwrap(err); next != nil; next = errors.Unwrap(err) {
		err = next
	}
	return err
}
