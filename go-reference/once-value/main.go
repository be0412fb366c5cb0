// OnceValue: a lazy value with its initialiser built in. The value lives with the Once, so
// there is no separate variable to read before it is set.
//
// Run it with `go run ./once-value` in go-reference/. Its Rust twin is
// `cargo run --example once-value` (std::sync::LazyLock); both print once-value/expected.txt.
package main

import (
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
)

var portRuns atomic.Int64

// port is a function: its first call runs the initialiser, and every call returns its result.
var port = sync.OnceValue(func() int {
	portRuns.Add(1)
	return 5432
})

type config struct{ port int }

var loadRuns atomic.Int64

// loadConfig keeps the error as well as the value: the initialiser runs once, and every
// call returns the same pair, error included.
var loadConfig = sync.OnceValues(func() (config, error) {
	loadRuns.Add(1)
	raw := "54x2" // stands for a value read from a file
	p, err := strconv.Atoi(raw)
	if err != nil {
		return config{}, fmt.Errorf("port %s is not a number", raw)
	}
	return config{port: p}, nil
})

func main() {
	// ## A value computed on first use
	// Ten goroutines call port at once: one runs the initialiser, the rest wait for it.
	ports := make([]int, 10)
	var wg sync.WaitGroup
	for i := range ports {
		wg.Go(func() { ports[i] = port() })
	}
	wg.Wait()
	all := true
	for _, p := range ports {
		all = all && p == 5432
	}
	fmt.Println("port: initialiser ran", portRuns.Load(), "time(s); all 10 callers got 5432:", all)

	// ## A value that may fail
	// A failed initialisation is not retried: each caller gets the error the first run made.
	for range 3 {
		if c, err := loadConfig(); err != nil {
			fmt.Println("config:", err)
		} else {
			fmt.Println("config: port", c.port)
		}
	}
	fmt.Println("config: initialiser ran", loadRuns.Load(), "time(s) for 3 callers")
}
