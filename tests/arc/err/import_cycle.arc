// A module that imports itself, directly or through others, is an
// error at the import that closes the cycle.
namespace main

import "import_cycle"

func main() {
}
// error: 5:8: import cycle: import_cycle -> import_cycle
