// An import line is accepted; calling into a module is not compiled yet.
namespace main

import "io"

func main() {
    io.println("hi")
}
// error: 7:7: cannot call io.println: modules are not compiled yet (only the import line is accepted)
