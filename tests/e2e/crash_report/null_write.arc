// A store through a null pointer in main's callee; the program never
// spawns, so the scheduler never starts: the reporter is there anyway.
// expect: before the crash
// status: 139
// report: arc: fatal signal SIGSEGV (SEGV_MAPERR) at address 0x0
// report: pc  0x* store+0x*
// report: task 1 (main) on worker 0
// report: #1 0x* main+0x*
namespace main

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
}

func store(p: *int32, v: int32) {
    *p = v
}

func main() int32 {
    arc_write(1, "before the crash\n", 17)
    let p: *int32 = null
    store(p, 42)
    return 0
}
