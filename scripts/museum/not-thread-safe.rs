//! Museum: a value that is not safe for concurrent use, shared between threads.
//! rustc rejects it twice (E0277): Rc's reference count is a plain integer, so Rc is not Send;
//! RefCell's borrow flag is one too, so RefCell is not Sync and even an Arc of it is not Send.
//! Go's version is go-reference/museum/not-thread-safe/main.go; the fix is Arc<Mutex<T>>,
//! `--example mutex`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::thread;

fn main() {
    let log = Rc::new(RefCell::new(String::new()));
    let worker_log = Rc::clone(&log);
    let worker = thread::spawn(move || worker_log.borrow_mut().push_str("worker 0\n"));
    worker.join().unwrap();

    let log = Arc::new(RefCell::new(String::new()));
    let worker_log = Arc::clone(&log);
    let worker = thread::spawn(move || worker_log.borrow_mut().push_str("worker 1\n"));
    worker.join().unwrap();
}
