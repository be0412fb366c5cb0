//! A panic while holding the lock: unwinding drops the guard, which unlocks std's Mutex and
//! poisons it, so the next holder is told the data may be half updated.
//!
//! Run it with `cargo run --example mutex-poison`. Its Go twin is
//! go-reference/mutex-poison/main.go (`go run ./mutex-poison` in go-reference/); both print
//! go-reference/mutex-poison/expected.txt.

use std::sync::{Mutex, TryLockError};
use std::thread;

/// One invariant: alice + bob is always 100 whenever the Mutex is free.
#[derive(Debug)]
struct Accounts {
    alice: i32,
    bob: i32,
}

fn main() {
    let accounts = Mutex::new(Accounts { alice: 100, bob: 0 });

    // ## Panic halfway through an update
    // A scoped thread may borrow the Mutex, and join hands its panic back as an Err. While
    // the panic unwinds, the guard drops: that unlocks the Mutex and, because the thread is
    // panicking, marks it poisoned. The hook replaces the backtrace with one line on stderr.
    std::panic::set_hook(Box::new(|_| eprintln!("expected panic, on purpose")));
    let outcome = thread::scope(|s| {
        s.spawn(|| {
            let mut a = accounts.lock().expect("not poisoned yet");
            a.alice -= 30;
            panic!("disk full"); // bob += 30 never happens
        })
        .join()
    });
    let payload = outcome.expect_err("the worker panicked");
    let cause = payload.downcast_ref::<&str>().copied().unwrap_or("?");
    println!("worker panicked while holding the lock: {cause}");

    // ## The next holder takes the lock
    // try_lock tells "held by someone" (WouldBlock) from "free but poisoned" (Poisoned). Every
    // lock() now returns Err(PoisonError) too; into_inner takes the guard out of the error for
    // code that can check or repair the data.
    let mut a = match accounts.try_lock() {
        Err(TryLockError::Poisoned(poisoned)) => {
            println!("the lock was released during the panic: true");
            poisoned.into_inner()
        }
        Err(TryLockError::WouldBlock) => panic!("unwinding dropped the guard"),
        Ok(_) => panic!("a panic while locked poisons the Mutex"),
    };
    let Accounts { alice, bob } = *a;
    let sum = alice + bob;
    println!("the next holder sees alice={alice} bob={bob}, sum {sum}");

    // ## Repair the data, then carry on
    // Roll the half-done transfer back, and only then clear the flag (Rust 1.77), so that
    // lock() returns Ok again.
    a.alice = 100 - a.bob;
    drop(a);
    accounts.clear_poison();

    let a = accounts.lock().expect("clear_poison reset the flag");
    let Accounts { alice, bob } = *a;
    println!("after repair: alice={alice} bob={bob}, sum {}", alice + bob);
}
