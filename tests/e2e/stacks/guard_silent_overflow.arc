// issue 10, guard_silent_overflow: 32,761 live tasks; the last overflows
// its 64 KiB budget by about 40 KiB.  Was: exit 0 with 55,125 bytes of a
// user data block (mapped where the next stack would go) overwritten and
// no report.  Must be a stack overflow report naming the victim, with the
// data block and every other task's locals intact up to the crash.
// env: ARC_STACK_SIZE=65536
// workers: 1
// expect: victim is task 32762
// expect: data block intact: 0 bytes changed, bad tasks=0
// status: 139
// report: arc: fatal signal SIGSEGV (stack overflow) in task 32762 at address 0x8
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
    data: *byte
}
const DSIZE: int64 = 262144
func deep(d: int32, lim: int32, sh: *Shared) int64 {
    let buf: [32]int64 = {}
    for i in 0..32 {
        buf[i] = 0x4141414141414141
    }
    if d % 50 == 0 {
        // every 50 frames: is anything outside this stack changed yet?
        let changed: int64 = 0
        for let i: int64 = 0; i < DSIZE; i++ {
            if sh.data[i] != 0x55 {
                changed++
            }
        }
        if changed != 0 || sh.bad != 0 {
            dprintf(1, "CORRUPTED at depth %d: %lld bytes\n", d, changed)
        }
    }
    if d >= lim {
        return buf[3]
    }
    return deep(d + 1, lim, sh) + buf[d % 32] - buf[5]
}
async func worker(sh: *Shared, id: int64, victim: int64) int64 {
    let mine: [16]int64 = {}
    for i in 0..16 {
        mine[i] = id * 1000 + cast<int64>(i)
    }
    sh.started += 1
    if id == victim {
        // a 256 KiB user data block just below where the victim's next
        // stack would have gone with 64 KiB stacks (anywhere, if that is
        // taken).  The victim is picked by spawn order, not start order:
        // tasks start in an order the scheduler chooses (a full deque
        // makes the spawner yield, gen/rt/sched.c)
        let top = (cast<int64>(&mine) + 4095) & ~4095
        let want = top - 65536 - 65536 - DSIZE
        let r = syscall(9, want, DSIZE, 3, 0x100022, -1, 0)
        if r < 0 {
            r = syscall(9, 0, DSIZE, 3, 0x22, -1, 0)
        }
        sh.data = cast<*byte>(r)
        memset(sh.data, 0x55, cast<usize>(DSIZE))
    }
    for sh.go == 0 {
        yield
    }
    if id == victim {
        dprintf(1, "victim is task %lld\n", arc_task_id())
        let changed: int64 = 0
        for let i: int64 = 0; i < DSIZE; i++ {
            if sh.data[i] != 0x55 {
                changed++
            }
        }
        dprintf(1, "data block intact: %lld bytes changed, bad tasks=%lld\n", changed, sh.bad)
        deep(0, 400, sh)
        dprintf(1, "victim survived its stack overflow\n")
        return 0
    }
    for i in 0..16 {
        if mine[i] != id * 1000 + cast<int64>(i) {
            sh.bad += 1
            return -1
        }
    }
    return 0
}
func main() int32 {
    let n: int64 = 32761
    let victim: int64 = n - 1
    let sh = Shared{}
    let ts = cast<*Task<int64>>(malloc(cast<usize>(n) * 8))
    for let i: int64 = 0; i < n; i++ {
        ts[i] = worker(&sh, i, victim)
    }
    for sh.started < n {
        yield
    }
    sh.go = 1
    for let i: int64 = 0; i < n; i++ {
        await ts[i]
    }
    dprintf(1, "done\n")
    return 0
}
