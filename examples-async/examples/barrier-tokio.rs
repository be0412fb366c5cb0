//! Barriers with tokio: every task finishes phase one before any starts phase two, because
//! phase two reads what all of them wrote. tokio::sync::Barrier is awaited, not blocked on.
//!
//! Run it with `cargo run --example barrier-tokio`. Its Go counterpart is
//! go-reference/barrier/main.go (`go run ./barrier` in go-reference/); both print
//! go-reference/barrier/expected.txt. Crates: tokio (features "macros", "rt-multi-thread",
//! "sync"). See also `cargo run --example barrier`.

use std::sync::{Arc, Mutex};

use tokio::sync::Barrier;

#[tokio::main]
async fn main() {
    let inputs: [u64; 4] = [1, 2, 3, 4];
    let squares = Arc::new(Mutex::new([0; 4]));

    // ## Count the workers the boundary waits for
    // The count is fixed when the Barrier is built. A task waiting at it yields its worker
    // thread to other tasks; with fewer tasks than the count, wait() never returns.
    let barrier = Arc::new(Barrier::new(inputs.len()));

    let workers: Vec<_> = (0..inputs.len())
        .map(|i| {
            let (barrier, squares) = (Arc::clone(&barrier), Arc::clone(&squares));
            tokio::spawn(async move {
                // ## Phase one: each worker fills its own slot
                // A std Mutex is enough: no guard is held across an .await.
                squares.lock().expect("no task panics")[i] = inputs[i] * inputs[i];

                // ## Wait for everyone at the boundary
                let arrival = barrier.wait().await;

                // ## Phase two: read what the others wrote
                let share = {
                    let squares = squares.lock().expect("no task panics");
                    squares[i] * 100 / squares.iter().sum::<u64>()
                };

                // ## Act once when everyone has arrived
                // As with std's Barrier, exactly one wait() of each round is the leader.
                if arrival.is_leader() {
                    println!("all {} workers reached the barrier", inputs.len());
                }
                share
            })
        })
        .collect();

    // ## Collect the results
    let mut shares = Vec::new();
    for worker in workers {
        shares.push(worker.await.expect("no task panics"));
    }
    print!("phase one, squares:");
    for sq in *squares.lock().expect("no task panicked") {
        print!(" {sq}");
    }
    print!("\nphase two, shares of the total:");
    for share in shares {
        print!(" {share}%");
    }
    println!();
}
