// An Arc task calling C compiled with gcc -fsplit-stack (arc_overflow_c.c)
// that recurses without bound: the C frames grow the task's chain of
// segments through __morestack up to ARC_STACK_SIZE, then the report
// names the task, "stack overflow" and the C function, and the process
// dies by SIGSEGV.
// cc: arc_overflow_c.c
// expect: before the crash
// status: 139
// report: arc: fatal signal SIGSEGV (stack overflow) in task 2 at address 0x*
// report: pc  0x* arc_rt_stack_overflow+0x*
// report: #1 0x* c_runaway+0x*
namespace main

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
    func c_runaway(n: int64) int64
}

async func task() int64 {
    return c_runaway(0)
}

func main() int32 {
    arc_write(1, "before the crash\n", 17)
    return cast<int32>(await task())
}
