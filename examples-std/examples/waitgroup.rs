//! Waiting for a group of threads with nothing but their JoinHandles: Rust's std has no
//! WaitGroup, because joining every handle already is one.
//!
//! Run it with `cargo run --example waitgroup`. Its Go twin is go-reference/waitgroup/main.go
//! (`go run ./waitgroup` in go-reference/); both print go-reference/waitgroup/expected.txt.
//! See also `waitgroup-scoped`, `waitgroup-crossbeam` and `waitgroup-tokio`.

use std::thread;
use std::time::Duration;

fn main() {
    let words = ["goroutine", "channel", "mutex", "waitgroup"];

    // ## Start a group of workers
    // There is no counter to Add to: the Vec of JoinHandles is the group. Each closure owns
    // its index and its word (a &'static str, copied in by `move`) and returns its result,
    // so no worker writes to memory that another can see. Later workers sleep less and
    // finish first; joining in spawn order hides that from the output.
    //
    // The guide says the compiler forces you to handle every JoinHandle. It does not:
    // neither thread::spawn nor JoinHandle is #[must_use], and a statement that drops the
    // handle compiles without a warning from rustc or clippy (only the allow-by-default
    // `unused_results` lint objects). A dropped handle detaches its thread: it runs on, nobody
    // can wait for it, and it is killed mid-work if main returns first, as goroutines are.
    let handles: Vec<thread::JoinHandle<usize>> = words
        .iter()
        .enumerate()
        .map(|(i, &word)| {
            let nap = Duration::from_millis(10 * (words.len() - i) as u64);
            thread::spawn(move || {
                thread::sleep(nap);
                word.len()
            })
        })
        .collect();
    println!("started {} workers", handles.len());

    // ## Wait for every one of them
    // Joining each handle in turn waits for all of them: a thread that finished early is
    // joined at once. Nothing can be left unbalanced, as a Go counter can; but a join on a
    // thread that never ends blocks forever too, and no runtime reports a deadlock. join()
    // returns Err if that thread panicked, where an unrecovered panic in a goroutine would
    // have ended the whole Go program.
    let lengths: Vec<usize> = handles
        .into_iter()
        .map(|handle| handle.join().expect("a worker does not panic"))
        .collect();
    println!("all {} workers are done", lengths.len());

    // ## Read the results in order
    // The results came back through join(), which also orders everything the thread did
    // before everything after it: no shared slice, no lock.
    println!("lengths: {}", go_slice(&lengths));
}

/// Formats like Go's fmt.Println of a slice: `[9 7 5 9]`.
fn go_slice(values: &[usize]) -> String {
    let items: Vec<String> = values.iter().map(usize::to_string).collect();
    format!("[{}]", items.join(" "))
}
