// make bench: Go's figure for arc_parked.arc: N goroutines ($PARKED_N,
// default 1,000,000), each parked on a channel receive; prints the time
// until all have started (run.sh takes the peak RSS from /usr/bin/time).
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

func main() {
	n := 1000000
	if s := os.Getenv("PARKED_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	ch := make(chan int)
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-ch
			done.Done()
		}()
	}
	started.Wait()
	ms := time.Since(t0).Milliseconds()
	close(ch)
	done.Wait()
	fmt.Printf("parked_tasks %d\nparked_start_ms %d\n", n, ms)
}
