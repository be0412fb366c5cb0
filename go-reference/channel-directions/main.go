// Channel directions: chan<- T and <-chan T let a function's signature say which end of a
// channel it uses.
//
// Run it with `go run ./channel-directions` in go-reference/. The Rust translations print
// the same channel-directions/expected.txt:
//   - cargo run --example channel-directions: std's SyncSender and Receiver
//   - cargo run --example channel-directions-crossbeam: crossbeam's Sender and Receiver
//   - cargo run --example channel-directions-tokio: tokio's mpsc Sender and Receiver
package main

import "fmt"

// ## A send-only parameter
// out is a chan<- int: inside produce, a receive from it does not compile. produce is
// the only sender, so it closes the channel when it is done.
func produce(out chan<- int) {
	for i := 1; i <= 4; i++ {
		out <- i
	}
	close(out)
}

// ## A receive-only parameter
// in is a <-chan int: sending on it, or closing it, does not compile.
func square(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v * v
	}
	close(out)
}

// ## Connect the stages
// make returns a chan int that can do both; passing it to a directional parameter
// converts it implicitly. main keeps both ends of each channel and could still use
// either: the restriction holds only inside the functions.
func main() {
	nums := make(chan int)
	squares := make(chan int)
	go produce(nums)
	go square(nums, squares)
	fmt.Print("squares:")
	for v := range squares {
		fmt.Print(" ", v)
	}
	fmt.Println()
}
