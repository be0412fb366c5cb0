//! A pool of scratch buffers with std: a `thread_local!` buffer that each thread reuses,
//! cleared before every use. std has no sync.Pool; a thread's own buffer needs no lock.
//!
//! Run it with `cargo run --example sync-pool`. Its Go counterpart is
//! go-reference/sync-pool/main.go (`go run ./sync-pool` in go-reference/); both print
//! go-reference/sync-pool/expected.txt. See also `cargo run --example sync-pool-freelist`.

use std::cell::RefCell;
use std::fmt::Write;
use std::thread;

// ## Give the pool a New function
// Each thread gets its own String the first time it touches BUFFER, and frees it when
// it exits: a pool of one buffer per thread. The type is String, so no assertion.
thread_local! {
    static BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Writes one line into this thread's buffer and returns a copy of it.
fn render(word: &str) -> String {
    BUFFER.with_borrow_mut(|buf| {
        // ## Get a buffer and reset it
        // The RefCell lends the buffer to one caller at a time; clear() drops the text
        // and keeps the memory.
        buf.clear();

        // ## Use it, then put it back
        // Nothing is put back: the loan ends with this closure, and the buffer stays with
        // the thread. The line is copied out, as Go's String() copies it.
        write!(buf, "{word} has {} letters", word.len()).expect("a String takes any text");
        buf.clone()
    })
}

fn main() {
    // ## Render from several goroutines
    // A thread-local buffer pays off on threads that live long and do many renderings,
    // like a pool's workers: here two threads render two lines each, reusing one buffer.
    let words = ["goroutine", "channel", "mutex", "select"];
    let lines: Vec<String> = thread::scope(|s| {
        let handles: Vec<_> = words
            .chunks(2)
            .map(|half| s.spawn(|| half.iter().map(|word| render(word)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("no thread panics"))
            .collect()
    });
    for line in lines {
        println!("{line}");
    }
}
