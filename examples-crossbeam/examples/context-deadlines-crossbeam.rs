//! Deadlines with crossbeam: after(d) and at(instant) are channels that deliver one message
//! when the time comes, waited on in `select!` beside the reply.
//!
//! Run it with `cargo run --example context-deadlines-crossbeam`. Its Go twin is
//! go-reference/context-deadlines/main.go (`go run ./context-deadlines` in go-reference/);
//! all print go-reference/context-deadlines/expected.txt. Crates: crossbeam. See also
//! `context-deadlines` (std only) and `context-deadlines-tokio`.

use std::time::{Duration, Instant};

use crossbeam::channel::{Receiver, RecvTimeoutError, after, at, bounded, select};

/// Waits for a reply until `deadline` delivers its one message, as Go's fetch waits on
/// ctx.Done(). Unlike Done(), the message goes to one receiver only: it is no broadcast.
fn fetch(
    reply: &Receiver<String>,
    deadline: &Receiver<Instant>,
) -> Result<String, RecvTimeoutError> {
    select! {
        recv(reply) -> r => r.map_err(|_| RecvTimeoutError::Disconnected),
        recv(deadline) -> _ => Err(RecvTimeoutError::Timeout),
    }
}

/// The error says why the wait ended, and a match must name every reason.
fn describe(err: RecvTimeoutError) -> &'static str {
    match err {
        RecvTimeoutError::Timeout => "deadline exceeded",
        RecvTimeoutError::Disconnected => "no sender left",
    }
}

fn main() {
    // ## Give a call a timeout
    // `_never` keeps the channel open without ever sending, so only the deadline ends the wait.
    let ms = Duration::from_millis;
    let (_never, no_reply) = bounded::<String>(0);
    let err = fetch(&no_reply, &after(ms(50))).expect_err("nobody replies");
    println!("no reply: {}", describe(err));

    // ## A reply that is ready wins
    // Only the reply is ready when select! looks, so it cannot pick the deadline.
    let (tx, reply) = bounded(1);
    tx.send("42".to_string()).expect("the receiver is alive");
    if let Ok(got) = fetch(&reply, &after(Duration::from_secs(1))) {
        println!("ready reply: {got}");
    }

    // ## A child cannot outlive its parent's deadline
    // There is no tree to keep it for us: whoever derives a child deadline takes the sooner.
    let deadline = Instant::now() + ms(50);
    let child_deadline = deadline.min(Instant::now() + Duration::from_secs(3600));
    let same = child_deadline == deadline;
    println!("child's deadline is its parent's: {same}");
    let err = fetch(&no_reply, &at(child_deadline)).expect_err("nobody replies");
    println!("child: {}", describe(err));
}
