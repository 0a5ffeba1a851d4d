// Integer division by zero in main's callee: SIGFPE, reported.
// expect: before the crash
// status: 136
// report: arc: fatal signal SIGFPE (FPE_INTDIV) at address 0x4*
// report: pc  0x* divide+0x*
// report: task 1 (main) on worker 0
// report: #1 0x* main+0x*
namespace main

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
}

func divide(a: int32, b: int32) int32 {
    return a / b
}

func main() int32 {
    arc_write(1, "before the crash\n", 17)
    return divide(7, 3 - 3)
}
