module github.com/go-rust-concurrency/go-reference

go 1.22
