// Dead code (gen/opt.c: opt_dce) keeps a load that may fault: the value
// read through the null pointer is never used, but the read must still
// stop the program (SIGSEGV, exit 139) between the two lines.  An
// out-of-range index whose element is never used still fails its bounds
// check: tests/arc/dce_index.arc.
// expect: before
// status: 139
// stderr: arc: fatal signal SIGSEGV (SEGV_MAPERR) at address 0x0
namespace main

import "os"

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
}

func main() int32 {
    let p: *int64 = null
    let cell: int64 = 7
    if os.argc() > 5 {
        p = &cell
    }
    arc_write(1, "before\n", 7)
    let v = *p
    arc_write(1, "after\n", 6)
    return 0
}
