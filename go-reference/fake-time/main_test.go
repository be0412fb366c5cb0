package main

import (
	"io"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// TestRetryBacksOffInFakeTime runs retry with a base delay of an hour inside a synctest
// bubble: the test ends at once, and every wait lasts exactly as long as asked.
func TestRetryBacksOffInFakeTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now() // midnight UTC, 2000-01-01, in every bubble
		op := flaky(3)
		calls := make(chan time.Duration, 5) // when each call was made
		timed := func() error {
			calls <- time.Since(start)
			return op()
		}
		done := make(chan error)
		go func() { done <- retry(timed, 5, time.Hour, io.Discard) }()

		// A nanosecond before the second call is due, only the first has been made. Wait
		// returns once every other goroutine in the bubble is durably blocked (retry, in
		// its Sleep), so all that retry does before that instant has been done.
		time.Sleep(time.Hour - time.Nanosecond)
		synctest.Wait()
		if n := len(calls); n != 1 {
			t.Fatalf("an hour less 1ns in: %d calls, want 1", n)
		}

		if err := <-done; err != nil {
			t.Fatalf("retry gave up: %v", err)
		}
		close(calls)
		var got []time.Duration
		for at := range calls {
			got = append(got, at)
		}
		want := []time.Duration{0, time.Hour, 3 * time.Hour, 7 * time.Hour}
		if !slices.Equal(got, want) {
			t.Errorf("calls at %v, want %v", got, want)
		}
	})
}
