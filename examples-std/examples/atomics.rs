//! Atomics: AtomicI64, AtomicBool and AtomicUsize, where every operation names its memory
//! Ordering, and why each choice below is the weakest one that is still correct.
//!
//! Run it with `cargo run --example atomics`. Its Go twin is go-reference/atomics/main.go
//! (`go run ./atomics` in go-reference/); both print go-reference/atomics/expected.txt.

use std::sync::atomic::Ordering::{Acquire, Relaxed, Release, SeqCst};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize};
use std::thread;

fn main() {
    // ## A shared counter
    // The atomic is a type: shared, its value is reachable only through atomic operations
    // (get_mut needs &mut, i.e. no sharing). Scoped threads borrow it, so no Arc. Relaxed is
    // enough for the increments: a read-modify-write always reads the latest value in the
    // variable's one modification order, so none is lost whatever the ordering. Orderings
    // are about *other* memory, and nothing else hangs on this counter. The final Relaxed load
    // sees all 8000 because the scope joins every thread first, and a join makes everything
    // the thread did happen before the code after it. (On x86-64, Relaxed and SeqCst fetch_add
    // compile to the same locked instruction, `lock xadd`, or `lock inc` when the result is
    // unused; the difference shows on weaker hardware such as ARM, and in what the compiler
    // may move across the operation.)
    let counter = AtomicI64::new(0);
    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..1000 {
                    counter.fetch_add(1, Relaxed);
                }
            });
        }
    });
    println!("counter: {}", counter.load(Relaxed));

    // ## Load, store and swap
    // One thread, one variable: every ordering, Relaxed included, gives each location a single
    // order of writes that agrees with each thread's program order, so Relaxed again. swap is
    // store-and-return-the-old-value in one step.
    let gauge = AtomicI64::new(0);
    gauge.store(42, Relaxed);
    let old = gauge.swap(7, Relaxed);
    println!("swap returned {old} and left {}", gauge.load(Relaxed));

    // ## Compare and swap
    // compare_exchange takes two orderings: one for the read-modify-write when it succeeds,
    // one for the plain load when it fails (that one may not be Release or AcqRel: a failed
    // CAS writes nothing). Only the yes/no answer matters here, so Relaxed twice. Had the
    // winner then read data that the previous owner wrote before storing `false` with Release
    // (a spin lock's unlock), success would need Acquire. Ok(previous) means the swap happened, Err(actual) that it did not.
    let claimed = AtomicBool::new(false);
    let first = claimed.compare_exchange(false, true, Relaxed, Relaxed);
    let second = claimed.compare_exchange(false, true, Relaxed, Relaxed);
    let (first, second) = (first.is_ok(), second.is_ok());
    println!("first claim: {first}, second claim: {second}");

    // A CAS loop for "store the maximum". A failed compare_exchange returns the current value,
    // so the loop needs no reload. The _weak form may fail spuriously on LL/SC machines (ARM
    // without LSE, RISC-V), which a loop absorbs; in return it can be cheaper there. std also
    // has `highest.fetch_max(v, Relaxed)`, which Go's sync/atomic lacks. Relaxed: read after
    // the join.
    let highest = AtomicI64::new(0); // Go's zero value; every offer below is positive
    thread::scope(|s| {
        for v in [17, 4, 97, 42, 63] {
            let highest = &highest;
            s.spawn(move || {
                let mut cur = highest.load(Relaxed);
                while v > cur {
                    match highest.compare_exchange_weak(cur, v, Relaxed, Relaxed) {
                        Ok(_) => break,
                        Err(actual) => cur = actual,
                    }
                }
            });
        }
    });
    println!("max: {}", highest.load(Relaxed));

    // ## Publish data behind a ready flag
    // Go may publish a plain variable this way. Sharing a plain i64 that one thread writes
    // would need `unsafe` here (this workspace denies it), so the payload is an atomic too,
    // used Relaxed: what makes the reader see 1234 is the flag. The Release store makes every
    // earlier write of this thread visible to any thread whose Acquire load reads that `true`.
    let data = AtomicI64::new(0);
    let ready = AtomicBool::new(false);
    let seen = thread::scope(|s| {
        s.spawn(|| {
            data.store(1234, Relaxed);
            ready.store(true, Release); // publishes the store above
        });
        let reader = s.spawn(|| {
            while !ready.load(Acquire) {
                thread::yield_now(); // real code would block (channel, Condvar, park)
            }
            data.load(Relaxed) // guaranteed 1234 after the Acquire saw true
        });
        reader.join().expect("the reader does not panic")
    });
    println!("reader saw ready, then data = {seen}");

    // ## When only sequential consistency will do
    // Each thread raises its own flag, then enters only if the other's is still down. With
    // Release stores and Acquire loads both may enter: nothing orders a store before a later
    // load of a *different* variable, and x86's store buffer really does let each load finish
    // before its own thread's store reaches the other core. SeqCst puts all four operations in
    // one total order that every thread agrees on; whichever store comes first in it is seen
    // by the other thread's load. (A zero below cannot prove this; the argument does.)
    const ROUNDS: usize = 100;
    let mut both = 0;
    for _ in 0..ROUNDS {
        let (flag_a, flag_b) = (AtomicBool::new(false), AtomicBool::new(false));
        let entered = AtomicUsize::new(0); // Relaxed: read after the scope's join
        let enter = |mine: &AtomicBool, theirs: &AtomicBool| {
            mine.store(true, SeqCst);
            if !theirs.load(SeqCst) {
                entered.fetch_add(1, Relaxed);
            }
        };
        thread::scope(|s| {
            s.spawn(|| enter(&flag_a, &flag_b));
            s.spawn(|| enter(&flag_b, &flag_a));
        });
        if entered.load(Relaxed) == 2 {
            both += 1;
        }
    }
    println!("rounds where both entered: {both} of {ROUNDS}");
}
