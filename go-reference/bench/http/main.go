// Command http is the Go side of benches/src/bin/http.rs, HTTP fan-out: N GET requests to a
// server in the same process, at most K in flight, and what that gives in requests per second
// and per-request latency (p50, p99). net/http is both the server and the client; GOMAXPROCS
// is Go's default.
//
// Both sides do the same work. The server answers GET /item/{i} (i parsed as an unsigned
// integer, 400 otherwise) with the same 64-byte text/plain body; Go's net package sets
// TCP_NODELAY on every connection, and the Rust server sets it too.
//
// The client is one connection pool per configuration (a fresh http.Transport here, a fresh
// reqwest::Client there) that keeps up to K idle connections to the server
// (MaxIdleConnsPerHost: K, reqwest's pool_max_idle_per_host(K); Go's default of 2 would close
// and reopen connections whenever more than 2 requests are in flight), with no limit on open
// ones, no proxy, no compression (reqwest has none built in), HTTP/1.1 and a 10 s timeout per
// request. The warm-up round opens the connections; the timed round reuses them.
//
// K worker goroutines take the next request number from one atomic counter until N have been
// sent, as the Rust side's K tokio tasks do. Each request is timed from before Get until its
// whole body has been read and checked (status 200 and the exact body); the round is timed
// from starting the workers to the last one's end, and requests per second are N over that.
// p50 and p99 are nearest-rank percentiles of the N latencies.
//
//	cd go-reference && go run ./bench/http [--requests N] [--in-flight K,K2,...] [--warmup W]
//
// It prints one JSON line per K:
// {"impl":"go","requests":N,"in_flight":K,"seconds":S,"rps":R,"p50_us":X,"p99_us":Y}.
// A bad argument is a message and exit code 2; a failed request, exit code 1.
// cargo xtask compare runs it next to the Rust side, alternating, and reports the medians.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// body is the answer to every request: 64 bytes (Rust: BODY).
const body = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// requestTimeout is how long one request may take before it counts as failed: a server that
// stops answering ends the run with an error instead of a hang.
const requestTimeout = 10 * time.Second

// maxInFlight is the most requests in flight a configuration may ask for: each is a
// connection, and so two file descriptors in this one process.
const maxInFlight = 1024

// config is what to run, from the command line.
type config struct {
	requests int
	inFlight []int
	warmup   int
}

// result is one configuration's line of output.
type result struct {
	Impl     string  `json:"impl"`
	Requests int     `json:"requests"`
	InFlight int     `json:"in_flight"`
	Seconds  float64 `json:"seconds"`
	RPS      float64 `json:"rps"`
	P50us    float64 `json:"p50_us"`
	P99us    float64 `json:"p99_us"`
}

func main() {
	cfg, err := parseArgs(os.Args[1:])
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Print(usage)
		return
	case err != nil:
		fmt.Fprintf(os.Stderr, "http: %v\n\n%s", err, usage)
		os.Exit(2)
	}
	if err := run(cfg); err != nil {
		fmt.Fprintf(os.Stderr, "http: %v\n", err)
		os.Exit(1)
	}
}

const usage = `usage: http [--requests N] [--in-flight K[,K2...]] [--warmup W]

  --requests N        timed requests per configuration (default 20000)
  --in-flight K,...   the configurations: at most K requests in flight (default 1,16,64)
  --warmup W          untimed requests before each timed round (default 2000)
`

// parseArgs reads the command line (without the program name); flag.ErrHelp for --help.
func parseArgs(args []string) (config, error) {
	cfg := config{inFlight: []int{1, 16, 64}}
	flags := flag.NewFlagSet("http", flag.ContinueOnError)
	flags.SetOutput(io.Discard) // the errors are returned, and main prints them once
	flags.IntVar(&cfg.requests, "requests", 20_000, "")
	flags.IntVar(&cfg.warmup, "warmup", 2_000, "")
	flags.Func("in-flight", "", func(s string) error {
		cfg.inFlight = nil
		for _, k := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(k))
			if err != nil {
				return fmt.Errorf("takes whole numbers, not '%s'", k)
			}
			cfg.inFlight = append(cfg.inFlight, n)
		}
		return nil
	})
	if err := flags.Parse(args); err != nil {
		return cfg, err
	}
	switch {
	case flags.NArg() > 0:
		return cfg, fmt.Errorf("unknown argument '%s'", flags.Arg(0))
	case cfg.requests < 1:
		return cfg, errors.New("--requests must be at least 1")
	case cfg.warmup < 0:
		return cfg, errors.New("--warmup must be 0 or more")
	}
	for _, k := range cfg.inFlight {
		if k < 1 || k > maxInFlight {
			return cfg, fmt.Errorf("--in-flight values must be 1 to %d, not %d", maxInFlight, k)
		}
	}
	return cfg, nil
}

// run starts the server, then runs every configuration and prints its line.
func run(cfg config) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("the server could not listen on 127.0.0.1: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /item/{i}", item)
	srv := &http.Server{Handler: mux}
	go func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(os.Stderr, "http: the server stopped: %v\n", err)
		}
	}()
	defer srv.Close()

	base := "http://" + ln.Addr().String() + "/item/"
	out := json.NewEncoder(os.Stdout)
	for _, k := range cfg.inFlight {
		// A fresh pool per configuration: its warm-up opens the connections it will reuse.
		transport := &http.Transport{MaxIdleConnsPerHost: k, DisableCompression: true}
		client := &http.Client{Transport: transport, Timeout: requestTimeout}
		if cfg.warmup > 0 {
			if _, _, err := round(client, base, cfg.warmup, k); err != nil {
				return err
			}
		}
		elapsed, latencies, err := round(client, base, cfg.requests, k)
		transport.CloseIdleConnections()
		if err != nil {
			return err
		}
		slices.Sort(latencies)
		us := func(p int) float64 { return float64(percentile(latencies, p).Nanoseconds()) / 1e3 }
		seconds := elapsed.Seconds()
		err = out.Encode(result{
			Impl:     "go",
			Requests: cfg.requests,
			InFlight: k,
			Seconds:  seconds,
			RPS:      float64(cfg.requests) / seconds,
			P50us:    us(50),
			P99us:    us(99),
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// item answers GET /item/{i}: the number is parsed (400 when it is not one), the body is
// always body.
func item(w http.ResponseWriter, r *http.Request) {
	if _, err := strconv.ParseUint(r.PathValue("i"), 10, 64); err != nil {
		http.Error(w, "not a number", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, body)
}

// round sends requests requests from inFlight workers; it returns the round's wall time and
// every latency, or the first error.
func round(client *http.Client, base string, requests, inFlight int) (time.Duration, []time.Duration, error) {
	var next atomic.Int64
	latencies := make([][]time.Duration, inFlight)
	errs := make([]error, inFlight)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range inFlight {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(requests) {
					return
				}
				sent := time.Now()
				if err := fetch(client, base+strconv.FormatInt(i, 10)); err != nil {
					errs[w] = err
					return
				}
				latencies[w] = append(latencies[w], time.Since(sent))
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	for _, err := range errs {
		if err != nil {
			return 0, nil, err
		}
	}
	return elapsed, slices.Concat(latencies...), nil
}

// fetch is one GET, its body read to the end and checked.
func fetch(client *http.Client, url string) error {
	resp, err := client.Get(url) // the error names the method and the URL
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("GET %s: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: status %s", url, resp.Status)
	}
	if string(got) != body {
		return fmt.Errorf("GET %s: a %d-byte body, not the %d-byte one the server sends", url, len(got), len(body))
	}
	return nil
}

// percentile is the nearest-rank percentile p (1 to 100) of sorted, which is not empty: the
// smallest value with at least p% of the values at or below it (Rust: percentile).
func percentile(sorted []time.Duration, p int) time.Duration {
	rank := max((p*len(sorted)+99)/100, 1)
	return sorted[rank-1]
}
