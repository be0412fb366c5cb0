//! Memory ordering: a flag stored with Release and loaded with Acquire publishes the data
//! written before it. Rust makes each atomic operation name its ordering; Go's are all SeqCst.
//!
//! Run it with `cargo run --example memory-ordering`. Its Go counterpart is
//! go-reference/memory-ordering/main.go (`go run ./memory-ordering` in go-reference/); both
//! print go-reference/memory-ordering/expected.txt.

use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::thread;

fn main() {
    let data = AtomicU64::new(0);
    let ready = AtomicBool::new(false);
    thread::scope(|s| {
        // ## Write the data, then raise the flag
        // Safe Rust will not share a plain u64 that one thread writes while another reads,
        // so the data is an atomic too, stored Relaxed: alone, that promises nothing about
        // when other threads see it. The Release store of the flag does: every write this
        // thread made before it is visible to a thread whose Acquire load reads `true`.
        s.spawn(|| {
            data.store(1234, Relaxed);
            ready.store(true, Release);
        });

        // ## Wait for the flag, then read the data
        // Acquire pairs with Release. With Relaxed on the flag, the reader could see it up
        // and still read 0: nothing would order the two variables, and the compiler, or a
        // CPU such as ARM, may reorder them. SeqCst, Go's only kind, is also correct here.
        while !ready.load(Acquire) {
            thread::yield_now(); // let the writer run; real code would block (channel, park)
        }
        println!("the flag was up, and data was {}", data.load(Relaxed));
    });
}
