package main

import (
	"errors"
	"flag"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTheBodyIs64Bytes(t *testing.T) {
	if len(body) != 64 {
		t.Fatalf("len(body) = %d, want 64", len(body))
	}
}

func TestFlagsAndDefaults(t *testing.T) {
	cfg, err := parseArgs([]string{"--requests", "500", "--in-flight=1,8", "--warmup", "0"})
	if err != nil || cfg.requests != 500 || !slices.Equal(cfg.inFlight, []int{1, 8}) || cfg.warmup != 0 {
		t.Fatalf("parseArgs = %+v, %v", cfg, err)
	}
	cfg, err = parseArgs(nil)
	if err != nil || cfg.requests != 20_000 || !slices.Equal(cfg.inFlight, []int{1, 16, 64}) || cfg.warmup != 2_000 {
		t.Fatalf("defaults = %+v, %v", cfg, err)
	}
	if _, err := parseArgs([]string{"--help"}); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("--help: %v", err)
	}
}

func TestBadArgumentsSayWhatIsWrong(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--requests"}, "flag needs an argument: -requests"},
		{[]string{"--requests", "0"}, "--requests must be at least 1"},
		{[]string{"--in-flight", "1,,2"}, "takes whole numbers, not ''"},
		{[]string{"--in-flight", "0"}, "--in-flight values must be 1 to 1024, not 0"},
		{[]string{"--in-flight", "5000"}, "--in-flight values must be 1 to 1024, not 5000"},
		{[]string{"extra"}, "unknown argument 'extra'"},
	} {
		_, err := parseArgs(c.args)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("parseArgs(%q) = %v, want an error containing %q", c.args, err, c.want)
		}
	}
}

func TestPercentilesAreNearestRank(t *testing.T) {
	us := func(vs ...int) []time.Duration {
		var out []time.Duration
		for _, v := range vs {
			out = append(out, time.Duration(v)*time.Microsecond)
		}
		return out
	}
	var hundred []int
	for i := 1; i <= 100; i++ {
		hundred = append(hundred, i)
	}
	for _, c := range []struct {
		sorted []time.Duration
		p      int
		want   time.Duration
	}{
		{us(hundred...), 50, 50 * time.Microsecond},
		{us(hundred...), 99, 99 * time.Microsecond},
		{us(10, 20, 30), 50, 20 * time.Microsecond},
		{us(10, 20, 30), 99, 30 * time.Microsecond},
		{us(7), 1, 7 * time.Microsecond},
	} {
		if got := percentile(c.sorted, c.p); got != c.want {
			t.Errorf("percentile(%v, %d) = %v, want %v", c.sorted, c.p, got, c.want)
		}
	}
}
