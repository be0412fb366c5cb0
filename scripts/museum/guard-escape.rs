//! Museum: a reference to guarded data kept after the lock is released.
//! rustc rejects it (E0505): `first` borrows from the guard, so the guard cannot be dropped
//! (the lock released) while `first` is still used.
//! Go's version is go-reference/museum/guard-escape/main.go; the fix is `--example mutex`.

use std::sync::Mutex;
use std::thread;

fn main() {
    let scores = Mutex::new(vec![0, 0, 0]);
    let mut guard = scores.lock().unwrap();
    let first = &mut guard[0];
    drop(guard); // Go's Unlock
    thread::scope(|s| {
        s.spawn(|| scores.lock().unwrap()[0] += 1);
        *first = 100;
    });
}
