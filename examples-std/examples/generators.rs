//! Generators with std: an Iterator is the generator Rust reaches for. next() computes one
//! value on the caller's thread, so there is no thread to feed a channel and none to stop.
//!
//! Run it with `cargo run --example generators`. Its Go counterpart is
//! go-reference/generators/main.go (`go run ./generators` in go-reference/); both print
//! go-reference/generators/expected.txt. See also `generators-thread` (a thread feeding a
//! channel, as Go does) and `generators-tokio` (an async stream).

use std::iter;

/// Fibonacci numbers: successors() computes each pair from the one before, when asked. The
/// sequence ends where the next sum would overflow u64, instead of wrapping as Go's int does.
fn fibonacci() -> impl Iterator<Item = u64> {
    iter::successors(Some((0u64, 1u64)), |&(a, b)| Some((b, a.checked_add(b)?))).map(|(a, _)| a)
}

fn main() {
    // ## Feed a channel from a goroutine
    // No goroutine and no channel in Rust's usual answer: each value is computed when the
    // loop asks for the next, on this thread. by_ref() lends the iterator to take(8).
    let mut fibs = fibonacci();
    print!("first 8:");
    for n in fibs.by_ref().take(8) {
        print!(" {n}");
    }
    println!();

    // ## Stop the goroutine
    // Dropping the iterator is the whole of stopping it: it runs only inside next(), so
    // nothing is left blocked or leaked. Go's iter.Seq has the same property.
    drop(fibs);
    println!("the generator has stopped");

    // ## Range over an iterator function
    // An Iterator is pulled by its caller, where an iter.Seq pushes values into the loop
    // body. Rust's adapters (take, find, filter, zip) do what Go writes as a loop with break.
    let first = fibonacci()
        .find(|&n| n > 100)
        .expect("the sequence passes 100");
    println!("first above 100: {first}");
}
