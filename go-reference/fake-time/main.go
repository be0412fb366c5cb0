// Fake time: code that waits for hours, checked in no time. Go fakes the clock only inside a
// test, where synctest.Test runs a function in a bubble whose clock jumps ahead whenever
// every goroutine in it is blocked.
//
// Run it with `go run ./fake-time` in go-reference/, which backs off in milliseconds on the
// real clock, and its test with `go test ./fake-time` (main_test.go), which backs off in
// hours on the bubble's fake clock. Its Rust counterpart prints the same
// fake-time/expected.txt:
//   - cargo run --example fake-time-tokio: tokio's paused clock, which backs off in hours
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// ## Back off between attempts
// retry calls op up to `attempts` times, sleeping base after the first failure and twice as
// long after each one after that. It says what it decided on out.
func retry(op func() error, attempts int, base time.Duration, out io.Writer) error {
	var err error
	units := 1
	for attempt := 1; attempt <= attempts; attempt++ {
		if err = op(); err == nil {
			fmt.Fprintln(out, "attempt", attempt, "succeeded")
			return nil
		}
		if attempt < attempts {
			fmt.Fprintf(out, "attempt %d failed, backing off %d x base\n", attempt, units)
			time.Sleep(time.Duration(units) * base)
			units *= 2
		}
	}
	return err
}

// flaky returns an operation that fails `failures` times, then succeeds.
func flaky(failures int) func() error {
	calls := 0
	return func() error {
		if calls++; calls <= failures {
			return errors.New("unavailable")
		}
		return nil
	}
}

func main() {
	// ## Choose a clock
	// A program has only the real clock: synctest.Test needs the *testing.T of a running
	// test. So main backs off by milliseconds (7 in all), and the test by hours.
	base := time.Millisecond

	// ## Retry a flaky call
	if err := retry(flaky(3), 5, base, os.Stdout); err != nil {
		fmt.Println("gave up:", err)
	}
}
