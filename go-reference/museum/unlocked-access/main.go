// Museum: data reached without taking its lock.
//
// This program has the bug on purpose: it exists to show the report Go gives. See it with
// `go run -race ./museum/unlocked-access` in go-reference/: "WARNING: DATA RACE". The same
// mistake in Rust is scripts/museum/unlocked-access.rs, which rustc rejects (E0614): a
// Mutex<T> owns its data, so there is no field to reach around it. The fix is
// `cargo run --example mutex`.
package main

import (
	"fmt"
	"sync"
)

// Account keeps its balance beside the mutex that guards it. "Guarded by mu" is a
// convention the comment states and nothing checks.
type Account struct {
	mu      sync.Mutex
	balance int // guarded by mu
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func main() {
	acct := &Account{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		acct.Deposit(10)
	}()
	go func() {
		defer wg.Done()
		acct.balance += 5 // the field is right there, and the lock is forgotten
	}()
	wg.Wait()
	fmt.Println("balance:", acct.balance)
}
