// issue 10, guard_qemu_32700: the same at 32,700 tasks, where qemu-x86_64
// used to crash at pc 0x4141414141414141 (a smashed return address).
// Must be a stack overflow report naming the victim's task.
// env: ARC_STACK_SIZE=64k
// workers: 1
// expect: all 32700 started
// expect: victim is task 32701
// status: 139
// report: arc: fatal signal SIGSEGV (stack overflow) in task 32701 at address 0x8
// report: #1 0x* deep+0x*
namespace main
extern c {
    func dprintf(int32, *byte, ...) int32
    func malloc(usize) *void
    func arc_task_id() int64
}
struct Shared {
    started: int64
    go: int64
    bad: int64
}
func deep(d: int32, lim: int32) int64 {
    let buf: [32]int64 = {}
    for i in 0..32 {
        buf[i] = 0x4141414141414141
    }
    if d >= lim {
        return buf[3]
    }
    return deep(d + 1, lim) + buf[d % 32] - buf[5]
}
async func worker(sh: *Shared, id: int64, victim: int64) int64 {
    let mine: [16]int64 = {}
    for i in 0..16 {
        mine[i] = id * 1000 + cast<int64>(i)
    }
    sh.started += 1
    for sh.go == 0 {
        yield
    }
    if id == victim {
        dprintf(1, "victim is task %lld\n", arc_task_id())
        return deep(0, 400)
    }
    yield
    for i in 0..16 {
        if mine[i] != id * 1000 + cast<int64>(i) {
            sh.bad += 1
            return -1
        }
    }
    return 0
}
func main() int32 {
    let n: int64 = 32700
    let victim: int64 = 32699
    let sh = Shared{}
    let ts = cast<*Task<int64>>(malloc(cast<usize>(n) * 8))
    for let i: int64 = 0; i < n; i++ {
        ts[i] = worker(&sh, i, victim)
    }
    for sh.started < n {
        yield
    }
    dprintf(1, "all %lld started\n", n)
    sh.go = 1
    let s: int64 = 0
    for let i: int64 = 0; i < n; i++ {
        s += await ts[i]
    }
    dprintf(1, "done sum=%lld bad=%lld\n", s, sh.bad)
    return 0
}
