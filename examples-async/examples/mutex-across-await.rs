//! Holding a lock across a wait: `tokio::sync::Mutex`, whose guard may be held across
//! `.await`, and std's Mutex for the locks that are released before the task waits.
//!
//! Run it with `cargo run --example mutex-across-await`. Its Go twin is
//! go-reference/mutex-across-await/main.go (`go run ./mutex-across-await` in go-reference/);
//! both print go-reference/mutex-across-await/expected.txt.
//! Crates: tokio (features "rt-multi-thread", "macros", "sync", "time"). See also `mutex`.

use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Default)]
struct TokenCache {
    token: Option<String>,
    fetches: u32,
}

/// Stands for a network call: the task is suspended until it completes.
async fn fetch(n: u32) -> String {
    tokio::time::sleep(Duration::from_millis(10)).await;
    format!("token-{n}")
}

/// Stands for a request made with the token: slow as well.
async fn send(_token: &str) {
    tokio::time::sleep(Duration::from_millis(10)).await;
}

// ## Hold the lock across a wait
// `lock().await` suspends the task, not its thread, until the lock is free, and tokio hands
// the lock out in the order tasks asked. The guard stays alive across fetch's `.await`, so
// the other callers queue behind it and find the token there.
async fn get(cache: &tokio::sync::Mutex<TokenCache>) -> String {
    let mut c = cache.lock().await;
    if let Some(token) = &c.token {
        return token.clone();
    }
    c.fetches += 1;
    let token = fetch(c.fetches).await; // suspended with the lock held
    c.token = Some(token.clone());
    token
}

#[tokio::main]
async fn main() {
    let cache = Arc::new(tokio::sync::Mutex::new(TokenCache::default()));
    let handles: Vec<_> = (0..5)
        .map(|_| {
            let cache = Arc::clone(&cache);
            tokio::spawn(async move { get(&cache).await })
        })
        .collect();
    let mut tokens = Vec::new();
    for handle in handles {
        tokens.push(handle.await.expect("callers do not panic"));
    }
    let same = tokens.iter().all(|t| *t == tokens[0]);
    let fetches = cache.lock().await.fetches;
    let (n, first) = (tokens.len(), &tokens[0]);
    println!("{n} callers, {fetches} fetch, all got {first}: {same}");

    // ## Keep the wait outside the lock
    // No guard of this count lives across an `.await`, and then std's Mutex is the cheaper
    // choice (tokio's docs say so). Held across one, it makes the future not Send, and
    // tokio::spawn refuses it: "error: future cannot be sent between threads safely".
    let sent = Arc::new(std::sync::Mutex::new(0_u32));
    let handles: Vec<_> = (0..5)
        .map(|_| {
            let (cache, sent) = (Arc::clone(&cache), Arc::clone(&sent));
            tokio::spawn(async move {
                send(&get(&cache).await).await; // no lock held while sending
                *sent.lock().expect("no task panics holding it") += 1; // unlocked at `;`
            })
        })
        .collect();
    for handle in handles {
        handle.await.expect("senders do not panic");
    }
    let sent = *sent.lock().expect("no task panicked holding it");
    println!("requests sent with {}: {sent}", tokens[0]);
}
