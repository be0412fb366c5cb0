//! Museum: a copied mutex.
//! rustc rejects it (E0382): a by-value receiver (`self`) moves the value, Mutex included,
//! and a Mutex is never Copy, so there is no copy to lock by mistake.
//! Go's version is go-reference/museum/copied-mutex/main.go; the fix is `--example mutex`.

use std::sync::Mutex;

struct Stats {
    hits: Mutex<u32>,
}

impl Stats {
    fn record(self) {
        *self.hits.lock().unwrap() += 1;
    }
}

fn main() {
    let stats = Stats {
        hits: Mutex::new(0),
    };
    stats.record();
    stats.record();
}
