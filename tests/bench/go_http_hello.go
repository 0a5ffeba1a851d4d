// make bench (tests/bench/http.sh): the Go twin of arc_http_hello.arc, on
// net/http: go_http_hello PORT (prints "listening" once it is bound).
package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Hello, World!\n"))
	})
	l, err := net.Listen("tcp", "127.0.0.1:"+os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("listening")
	fmt.Fprintln(os.Stderr, http.Serve(l, nil))
	os.Exit(1)
}
