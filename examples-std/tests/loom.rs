//! loom models of the handoffs that our std examples build by hand.
//!
//! A test run sees the interleavings the scheduler happened to pick; Go's race detector sees
//! the accesses of the run it watches. [loom](https://docs.rs/loom) instead runs a model of
//! the code under every interleaving (up to a bound on preemptions) and, for atomics, many of
//! the values a weak memory model lets a load return (not all: loom skips load buffering and
//! treats SeqCst accesses as AcqRel), and it reports a deadlock when every thread is blocked.
//! It can only run code written against its own `loom::sync` types. The `testing` example
//! switches its imports on `cfg(loom)`, so its code is included and checked as it is; each
//! other test restates one handoff of an example with the same protocol and the same
//! orderings, and names the example and the step it models. The three `#[should_panic]`
//! tests are broken on purpose: they show what loom finds.
//!
//! Run them (they are compiled only with `--cfg loom`; a separate target folder keeps the cfg
//! change from rebuilding the main one):
//!
//! ```sh
//! LOOM_MAX_PREEMPTIONS=3 RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom \
//!     cargo test -p examples-std --test loom --release
//! ```
#![cfg(loom)]

use loom::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use loom::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize};
use loom::sync::{Arc, Condvar, Mutex};
use loom::thread;

/// Runs `f` under loom. Without LOOM_MAX_PREEMPTIONS in the environment, the bound is 3:
/// every bug below needs at most two preemptions to show, and the bound keeps the search
/// (which grows exponentially with it) to seconds.
fn model<F: Fn() + Sync + Send + 'static>(f: F) {
    let mut builder = loom::model::Builder::new();
    if builder.preemption_bound.is_none() {
        builder.preemption_bound = Some(3);
    }
    builder.check(f);
}

// ---------------------------------------------------------------------------------------------
// A stop flag with Release/Acquire: examples-std/examples/context.rs, `Ctx::cancel` (a Release
// store of `true`) and `Ctx::err` (an Acquire load), used by `work` before each step. The
// example's comment says the pairing matters once the canceller publishes something besides
// the flag; the model publishes a reason, and checks that a worker that sees the flag sees it.

#[test]
fn stop_flag_publishes_what_the_canceller_wrote() {
    model(|| {
        let stopped = Arc::new(AtomicBool::new(false));
        let reason = Arc::new(AtomicUsize::new(0));
        let worker = {
            let (stopped, reason) = (stopped.clone(), reason.clone());
            thread::spawn(move || {
                for _step in 0..2 {
                    if stopped.load(Acquire) {
                        // Acquire saw the Release store: the reason written before it shows.
                        assert_eq!(
                            reason.load(Relaxed),
                            7,
                            "worker saw the flag, not the reason"
                        );
                        return false;
                    }
                }
                true
            })
        };
        reason.store(7, Relaxed);
        stopped.store(true, Release);
        let _finished = worker.join().expect("the worker does not panic");
    });
}

// ---------------------------------------------------------------------------------------------
// Publishing data behind a ready flag: examples-std/examples/atomics.rs, step "Publish data
// behind a ready flag". The writer stores the data Relaxed and the flag Release; the reader
// spins on an Acquire load of the flag and then reads the data Relaxed.

fn publish(flag_store: loom::sync::atomic::Ordering, flag_load: loom::sync::atomic::Ordering) {
    let data = Arc::new(AtomicI64::new(0));
    let ready = Arc::new(AtomicBool::new(false));
    let writer = {
        let (data, ready) = (data.clone(), ready.clone());
        thread::spawn(move || {
            data.store(1234, Relaxed);
            ready.store(true, flag_store);
        })
    };
    while !ready.load(flag_load) {
        thread::yield_now(); // the example's yield_now; loom needs it to bound the spin
    }
    assert_eq!(
        data.load(Relaxed),
        1234,
        "reader saw ready but not the data"
    );
    writer.join().expect("the writer does not panic");
}

#[test]
fn release_acquire_publishes_the_data() {
    model(|| publish(Release, Acquire));
}

/// Broken on purpose: the flag stored and loaded Relaxed, which orders nothing else. loom
/// finds an execution where the reader sees `ready == true` and still reads the data's old
/// value, 0, and the assertion fails. Real x86-64 hardware would rarely or never show this
/// (its stores are not reordered with each other); the compiler and weaker CPUs such as ARM
/// may, and loom checks against the memory model, not one machine.
#[test]
#[should_panic(expected = "reader saw ready but not the data")]
fn relaxed_publish_is_caught() {
    model(|| publish(Relaxed, Relaxed));
}

// ---------------------------------------------------------------------------------------------
// A ready flag with a Condvar: examples-std/examples/cond.rs, step "A start gate for many
// workers". Workers wait on the Condvar while the Mutex<bool> is false; main sets it under the
// lock and calls notify_all. loom's Condvar has no wait_while, so the loop is written out:
// it is what wait_while does.

#[test]
fn start_gate_lets_every_worker_through() {
    model(|| {
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let gate = gate.clone();
                thread::spawn(move || {
                    let (started, cv) = &*gate;
                    let mut open = started.lock().expect("not poisoned");
                    while !*open {
                        open = cv.wait(open).expect("not poisoned");
                    }
                })
            })
            .collect();
        let (started, cv) = &*gate;
        *started.lock().expect("not poisoned") = true;
        cv.notify_all();
        for w in workers {
            w.join().expect("a worker does not panic");
        }
    });
}

/// Broken on purpose: a lost wake-up. The worker checks the flag under one lock and waits under
/// another, so main can set the flag and notify in between, when nobody is waiting yet; the
/// worker then waits for a notification that has already come and gone. loom finds that
/// interleaving and reports every thread blocked: "deadlock". (A real run would hang there only
/// when the scheduler picks that moment. wait_while, or a loop that checks under the lock it
/// waits with, cannot lose it.)
///
/// The deadlock tests share their locks through std's Arc, not loom's: when loom stops a
/// deadlocked execution, dropping a loom Arc held by a blocked thread panics again during the
/// unwinding and aborts the whole test binary (loom 0.7).
#[test]
#[should_panic(expected = "deadlock")]
fn lost_wakeup_is_caught() {
    model(|| {
        let gate = std::sync::Arc::new((Mutex::new(false), Condvar::new()));
        let worker = {
            let gate = gate.clone();
            thread::spawn(move || {
                let (started, cv) = &*gate;
                let open = *started.lock().expect("not poisoned"); // check, then unlock...
                if !open {
                    let guard = started.lock().expect("not poisoned"); // ...lock again, and
                    let _guard = cv.wait(guard).expect("not poisoned"); // wait without rechecking
                }
            })
        };
        let (started, cv) = &*gate;
        *started.lock().expect("not poisoned") = true;
        cv.notify_all();
        worker.join().expect("the worker does not panic");
    });
}

// ---------------------------------------------------------------------------------------------
// The WaitGroup of examples-std/examples/testing.rs, itself rather than a copy: that example
// takes its Mutex, Condvar, Arc, atomics and thread from loom when built with `--cfg loom`, so
// including its file here runs its very code under the model (its main() goes unused).

#[path = "../examples/testing.rs"]
#[allow(dead_code)]
mod testing;

#[test]
fn waitgroup_waits_for_every_worker() {
    model(|| {
        let results = testing::run_workers(2);
        assert_eq!(
            results,
            [0, 10],
            "wait() returned before every worker's store"
        );
    });
}

// ---------------------------------------------------------------------------------------------
// Once-only initialisation. examples-std/examples/once.rs uses std's Once, OnceLock and
// LazyLock, which loom cannot run (it has none of them); what it promises is what this model
// checks: one caller runs the initialiser, the others wait, and all see the value. The model
// builds it from the two handoffs of examples-std/examples/atomics.rs: a compare_exchange
// claim (step "Compare and swap": only the first claim succeeds) and a Release/Acquire ready
// flag (step "Publish data behind a ready flag").

struct Once {
    claimed: AtomicBool,
    ready: AtomicBool,
    value: AtomicUsize,
    runs: AtomicUsize,
}

impl Once {
    fn get_or_init(&self, init: usize) -> usize {
        if self
            .claimed
            .compare_exchange(false, true, Relaxed, Relaxed)
            .is_ok()
        {
            self.runs.fetch_add(1, Relaxed);
            self.value.store(init, Relaxed);
            self.ready.store(true, Release);
        } else {
            while !self.ready.load(Acquire) {
                thread::yield_now();
            }
        }
        self.value.load(Relaxed)
    }
}

#[test]
fn once_runs_the_initialiser_once_and_everyone_sees_it() {
    model(|| {
        let once = Arc::new(Once {
            claimed: AtomicBool::new(false),
            ready: AtomicBool::new(false),
            value: AtomicUsize::new(0),
            runs: AtomicUsize::new(0),
        });
        let other = {
            let once = once.clone();
            thread::spawn(move || once.get_or_init(1))
        };
        let mine = once.get_or_init(2);
        let theirs = other.join().expect("the other caller does not panic");
        assert_eq!(mine, theirs, "both callers see the one value");
        assert_eq!(once.runs.load(Relaxed), 1, "the initialiser ran once");
    });
}

// ---------------------------------------------------------------------------------------------
// What rustc does not catch: the lock-order deadlock of scripts/museum/lock-order-deadlock.rs
// (two threads take the same two Mutexes in opposite orders). Broken on purpose: loom finds the
// interleaving where each thread holds one lock and waits for the other.

#[test]
#[should_panic(expected = "deadlock")]
fn lock_order_deadlock_is_caught() {
    model(|| {
        // std's Arc, as in lost_wakeup_is_caught, and for the same reason.
        let from = std::sync::Arc::new(Mutex::new(100));
        let to = std::sync::Arc::new(Mutex::new(0));
        let other = {
            let (from, to) = (from.clone(), to.clone());
            thread::spawn(move || {
                let mut b = to.lock().expect("not poisoned");
                let mut a = from.lock().expect("not poisoned");
                *a -= 1;
                *b += 1;
            })
        };
        {
            let mut a = from.lock().expect("not poisoned");
            let mut b = to.lock().expect("not poisoned");
            *a -= 1;
            *b += 1;
        }
        other.join().expect("the other thread does not panic");
    });
}
