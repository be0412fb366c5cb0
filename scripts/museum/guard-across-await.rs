//! Museum: a std MutexGuard held across `.await` in a spawned task.
//! rustc rejects it ("future cannot be sent between threads safely", printed without an error
//! code): tokio::spawn needs a Send future, and one that keeps a std::sync::MutexGuard across
//! an .await is not Send.
//! Go's version is go-reference/museum/guard-across-await/main.go; the fix is
//! `--example mutex-across-await`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

async fn fetch() -> String {
    tokio::task::yield_now().await;
    String::from("42")
}

#[tokio::main]
async fn main() {
    let cache = Arc::new(Mutex::new(HashMap::new()));
    let task_cache = Arc::clone(&cache);
    let task = tokio::spawn(async move {
        let mut guard = task_cache.lock().unwrap();
        let value = fetch().await;
        guard.insert("answer", value);
    });
    task.await.unwrap();
}
