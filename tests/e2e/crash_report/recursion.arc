// Unbounded recursion in main: main's stack budget runs out (the process
// stack down to its RLIMIT_STACK limit, then segments up to ARC_STACK_SIZE,
// gen/rt/stack.c): the failed prologue check is reported as a stack
// overflow naming the function (#1), then death by SIGSEGV.
// expect: before the crash
// status: 139
// report: arc: fatal signal SIGSEGV (stack overflow) in task 1 at address 0x*
// report: pc  0x* arc_rt_stack_overflow+0x*
// report: #1 0x* recurse+0x*
// report: ... * more frames like the one above
// report: #* 0x* main+0x*
namespace main

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
}

func recurse(n: int64) int64 {
    let frame: [8]int64 = {}
    frame[n % 8] = n
    return recurse(n + 1) + frame[0]
}

func main() int32 {
    arc_write(1, "before the crash\n", 17)
    return cast<int32>(recurse(0))
}
