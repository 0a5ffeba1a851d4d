// 100,000 live tasks, each holding 16 known words in its frame; one of
// them recurses without bound (frames full of 0x41).  A checker task (not
// the culprit) sums every other task's words each time the culprit yields
// (every 64 frames) and prints CORRUPT at the first difference.  The
// report must name the culprit, the process must die by SIGSEGV, and the
// checker must have seen intact data on every pass up to the crash.
// env: ARC_STACK_SIZE=1m
// workers: 1
// expect: all 100000 parked, checksum 80011200000
// expect: culprit is task 100002
// expect: checker: intact after at least 10 passes
// status: 139
// report: arc: fatal signal SIGSEGV (stack overflow) in task 100002 at address 0x8
// report: #1 0x* recurse+0x*
namespace main
extern c {
    func dprintf(int32, *byte, ...) int32
    func malloc(usize) *void
    func arc_task_id() int64
}
struct Shared {
    started: int64
    go: int64
    release: int64
    passes: int64
    bad: int64
    told: int64
    expect: int64
    data: **int64
}
const N: int64 = 100000
func sum(sh: *Shared) int64 {
    let s: int64 = 0
    for let i: int64 = 0; i < N; i++ {
        let d = sh.data[i]
        for j in 0..16 {
            s += d[j]
        }
    }
    return s
}
async func holder(sh: *Shared, id: int64) int64 {
    let mine: [16]int64 = {}
    for i in 0..16 {
        mine[i] = id + cast<int64>(i)
    }
    sh.data[id] = &mine[0]
    sh.started += 1
    for sh.release == 0 {
        yield
    }
    return 0
}
async func checker(sh: *Shared) int64 {
    for sh.go == 1 {
        if sum(sh) != sh.expect {
            dprintf(1, "CORRUPT after %lld passes\n", sh.passes)
            sh.bad = 1
        }
        sh.passes += 1
        if sh.passes == 10 && sh.bad == 0 {
            dprintf(1, "checker: intact after at least 10 passes\n")
        }
        yield
    }
    return 0
}
func recurse(d: int64) int64 {
    let buf: [24]int64 = {}
    for i in 0..24 {
        buf[i] = 0x4141414141414141
    }
    if d % 64 == 0 {
        yield
    }
    return recurse(d + 1) + buf[d % 24]
}
async func culprit(sh: *Shared) int64 {
    for sh.go == 0 {
        yield
    }
    dprintf(1, "culprit is task %lld\n", arc_task_id())
    return recurse(1)
}
func main() int32 {
    let sh = Shared{}
    sh.data = cast<**int64>(malloc(cast<usize>(N) * 8))
    let hs = cast<*Task<int64>>(malloc(cast<usize>(N) * 8))
    for let i: int64 = 0; i < N; i++ {
        hs[i] = holder(&sh, i)
    }
    let c = culprit(&sh)
    for sh.started < N {
        yield
    }
    sh.expect = sum(&sh)
    dprintf(1, "all %lld parked, checksum %lld\n", N, sh.expect)
    let k = checker(&sh)
    sh.go = 1
    await c
    sh.go = 2
    await k
    sh.release = 1
    dprintf(1, "culprit returned\n")
    return 0
}
