// Dead code (gen/opt.c: opt_dce) keeps a bounds check whose element is
// never used: a[i] with i out of range stops the program with the runtime
// error (exit 2) between the two lines.
// expect: before
// status: 2
// stderr: arc: runtime error: index 7 out of range for length 3
namespace main

import "os"

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
}

func main() int32 {
    let a: [3]int32 = {1, 2, 3}
    let i = os.argc() + 6
    arc_write(1, "before\n", 7)
    let e = a[i]
    arc_write(1, "after\n", 6)
    return 0
}
