//! Museum: data reached without taking its lock.
//! rustc rejects it (E0614): the balance lives inside the Mutex, reachable only through lock().
//! Go's version is go-reference/museum/unlocked-access/main.go; the fix is `--example mutex`.

use std::sync::Mutex;
use std::thread;

struct Account {
    balance: Mutex<i64>,
}

fn main() {
    let acct = Account {
        balance: Mutex::new(0),
    };
    thread::scope(|s| {
        s.spawn(|| *acct.balance.lock().unwrap() += 10);
        s.spawn(|| *acct.balance += 5);
    });
}
