//! A pool of scratch buffers shared by all threads, with std: a free list, `Mutex<Vec<String>>`,
//! that hands out a spare buffer or makes a new one, and takes buffers back cleared.
//!
//! Run it with `cargo run --example sync-pool-freelist`. Its Go counterpart is
//! go-reference/sync-pool/main.go (`go run ./sync-pool` in go-reference/); both print
//! go-reference/sync-pool/expected.txt. See also `cargo run --example sync-pool`.

use std::fmt::Write;
use std::sync::Mutex;
use std::thread;

// ## Give the pool a New function
// get() makes a new String when the list is empty: String::default is New. Unlike a
// sync.Pool, nothing ever empties the list behind our back, and nothing bounds it.
#[derive(Default)]
struct Pool(Mutex<Vec<String>>);

impl Pool {
    fn get(&self) -> String {
        self.0
            .lock()
            .expect("no thread panics holding it")
            .pop()
            .unwrap_or_default()
    }

    fn put(&self, mut buf: String) {
        buf.clear(); // Keep the memory, drop the text.
        self.0
            .lock()
            .expect("no thread panics holding it")
            .push(buf);
    }
}

/// Writes one line into a pooled buffer and returns a copy of it.
fn render(buffers: &Pool, word: &str) -> String {
    // ## Get a buffer and reset it
    // Nothing to reset: put() cleared the buffer before it went back on the list.
    let mut buf = buffers.get();

    // ## Use it, then put it back
    // get() moved the buffer out of the pool, so nobody else can touch it until put()
    // moves it back in; a guard type whose Drop calls put() would make that automatic.
    write!(buf, "{word} has {} letters", word.len()).expect("a String takes any text");
    let line = buf.clone();
    buffers.put(buf);
    line
}

fn main() {
    let buffers = Pool::default();

    // ## Render from several goroutines
    // Threads that run at the same time pop different buffers; one that runs later may
    // pop a buffer that an earlier one pushed back. The output is the same either way.
    let words = ["goroutine", "channel", "mutex", "select"];
    let lines = thread::scope(|s| {
        let handles = words.map(|word| s.spawn(|| render(&buffers, word)));
        handles.map(|h| h.join().expect("no thread panics"))
    });
    for line in lines {
        println!("{line}");
    }
}
