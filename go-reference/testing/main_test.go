package main

import "testing"

// TestGroupWaitsForEveryWorker runs the workers many times: with -race, any access to a
// result slot that Done and Wait do not order is reported, whatever the timing of the run.
func TestGroupWaitsForEveryWorker(t *testing.T) {
	for run := range 200 {
		results := runWorkers(4)
		for i, got := range results {
			if got != i*10 {
				t.Fatalf("run %d: slot %d is %d, want %d", run, i, got, i*10)
			}
		}
	}
}
