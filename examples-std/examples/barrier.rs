//! Barriers: every thread finishes phase one before any starts phase two, because phase two
//! reads what all of them wrote. std::sync::Barrier blocks until all have arrived.
//!
//! Run it with `cargo run --example barrier`. Its Go counterpart is
//! go-reference/barrier/main.go (`go run ./barrier` in go-reference/); both print
//! go-reference/barrier/expected.txt. See also `cargo run --example barrier-tokio`.

use std::sync::{Barrier, Mutex};
use std::thread;

fn main() {
    let inputs: [u64; 4] = [1, 2, 3, 4];
    let squares = Mutex::new([0; 4]);

    // ## Count the workers the boundary waits for
    // A Barrier is built for a number of threads and, unlike a Go WaitGroup, can be used
    // again: once all have arrived it resets itself for the next boundary.
    let barrier = Barrier::new(inputs.len());

    let shares: Vec<u64> = thread::scope(|s| {
        let workers: Vec<_> = (0..inputs.len())
            .map(|i| {
                let (barrier, squares) = (&barrier, &squares);
                s.spawn(move || {
                    // ## Phase one: each worker fills its own slot
                    squares.lock().expect("no worker panics")[i] = inputs[i] * inputs[i];

                    // ## Wait for everyone at the boundary
                    // wait() returns once all have arrived. The Mutex orders each write
                    // before the reads of phase two, whichever thread takes it.
                    let arrival = barrier.wait();

                    // ## Phase two: read what the others wrote
                    let squares = squares.lock().expect("no worker panics");
                    let share = squares[i] * 100 / squares.iter().sum::<u64>();

                    // ## Act once when everyone has arrived
                    // Rust has what Go lacks: one wait() of each round is told it leads.
                    if arrival.is_leader() {
                        println!("all {} workers reached the barrier", inputs.len());
                    }
                    share
                })
            })
            .collect();

        // ## Collect the results
        // The scope joins every thread; joining here also hands back each share in order.
        workers
            .into_iter()
            .map(|w| w.join().expect("no worker panics"))
            .collect()
    });

    print!("phase one, squares:");
    for sq in squares.into_inner().expect("no worker panicked") {
        print!(" {sq}");
    }
    print!("\nphase two, shares of the total:");
    for share in shares {
        print!(" {share}%");
    }
    println!();
}
