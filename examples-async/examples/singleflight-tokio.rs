//! singleflight with tokio, which has no such group: one `futures::future::Shared` per key,
//! a future that every caller awaits through its own clone and that runs once, for all.
//!
//! Run it with `cargo run --example singleflight-tokio`. Its Go counterpart is
//! go-reference/singleflight/main.go (`go run ./singleflight` in go-reference/); both print
//! go-reference/singleflight/expected.txt. Crates: tokio (features "rt-multi-thread",
//! "macros", "sync"), futures. See also `cargo run --example singleflight`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex};

use futures::future::{BoxFuture, FutureExt, Shared};
use tokio::sync::Barrier;

/// A call in flight: the value, and whether more than one caller shared it.
type Call = Shared<BoxFuture<'static, (String, bool)>>;

/// The calls in flight, each with the number of callers that joined it. A std Mutex is
/// enough: it is never held across an .await.
#[derive(Default)]
struct Group(Mutex<HashMap<&'static str, (Call, usize)>>);

impl Group {
    /// Joins the call in flight for `key`, or makes `load` the call. Nothing runs until a
    /// caller awaits its clone; a joiner's own `load` is dropped unpolled.
    fn join<F>(self: &Arc<Self>, key: &'static str, load: F) -> Call
    where
        F: Future<Output = String> + Send + 'static,
    {
        let group = Arc::clone(self);
        let call = async move {
            let value = load.await;
            let joined = group.0.lock().expect("no caller panics").remove(key);
            (value, joined.expect("only this call forgets its key").1 > 1)
        };
        let mut calls = self.0.lock().expect("no caller panics");
        let (call, callers) = calls
            .entry(key)
            .or_insert_with(|| (call.boxed().shared(), 0));
        *callers += 1;
        call.clone()
    }
}

static LOADS: AtomicUsize = AtomicUsize::new(0);

async fn load() -> String {
    format!("config v{}", LOADS.fetch_add(1, Relaxed) + 1)
}

#[tokio::main]
async fn main() {
    let group = Arc::new(Group::default());

    // ## Ask for one key from three callers at once
    // Each caller joins the call, then waits at the Barrier until all three have; only
    // then does any of them await the call, which the first to poll it drives.
    let arrived = Arc::new(Barrier::new(3));
    let callers = [(); 3].map(|()| {
        let (group, arrived) = (Arc::clone(&group), Arc::clone(&arrived));
        tokio::spawn(async move {
            let call = group.join("config", load());
            arrived.wait().await;
            call.await
        })
    });

    // ## Read the shared result
    for (i, caller) in callers.into_iter().enumerate() {
        let (value, shared) = caller.await.expect("no caller panics");
        println!("caller {}: {value} (shared: {shared})", i + 1);
    }
    println!("loads: {}", LOADS.load(Relaxed));

    // ## Call again once it has finished
    let (value, shared) = group.join("config", load()).await;
    println!("later caller: {value} (shared: {shared})");
    println!("loads: {}", LOADS.load(Relaxed));
}
