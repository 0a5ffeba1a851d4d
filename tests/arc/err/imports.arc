// A module that exists nowhere is an error at its import line.
namespace main

import "io"
import "nosuch"

func main() {
    io.println("hi")
}
// error: 5:8: no module 'nosuch' (looked in tests/arc/err/nosuch.arc and the standard library)
