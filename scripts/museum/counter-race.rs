//! Museum: a counter incremented by many threads without synchronisation.
//! rustc rejects it (E0499): two threads may not hold `&mut count` at once, even scoped ones.
//! Go's version is go-reference/museum/counter-race/main.go; the fix is `--example mutex`.

use std::thread;

fn main() {
    let mut count = 0;
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..1000 {
                    count += 1;
                }
            });
        }
    });
    println!("count: {count}");
}
