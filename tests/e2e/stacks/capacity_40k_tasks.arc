// issue 10, capacity_40k_tasks (one worker: the program's counters are
// not atomic): 40,000 live tasks used to stop at about
// 32,762 with "out of memory for task stacks: mmap failed with errno 12".
// The victim's 400 frames of 256+ bytes fit the default budget.
// workers: 1
// expect: all 40000 started
// expect: victim 39000 overflowing
// expect: done sum=4702111234474983745 bad=0
namespace main
extern c {
    func dprintf(int32, *byte, ...) int32
    func malloc(usize) *void
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
        dprintf(1, "victim %lld overflowing\n", id)
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
    let n: int64 = 40000
    let victim: int64 = 39000
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
