// Dead code (gen/opt.c: opt_dce) keeps what may fault: the quotient below
// is never read, but dividing by zero must still stop the program where
// it did (SIGFPE, exit 136), after the first line and before the second.
// The unread sum and copy around it go (tests/e2e/arc.sh checks `arc ir`
// keeps the sdiv).
// expect: before
// status: 136
// stderr: arc: fatal signal SIGFPE (FPE_INTDIV) at address 0x*
namespace main

import "os"

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
}

func main() int32 {
    let z = os.argc() - 1
    let unused = z + 41
    let alias = unused
    arc_write(1, "before\n", 7)
    let q = 10 / z
    arc_write(1, "after\n", 6)
    return 0
}
