// make bench: N live tasks ($PARKED_N, default 1,000,000), all parked at
// once, like Go's goroutines blocked on a channel.  Task i starts task
// i+1 and then parks awaiting task i-1 (task 0 awaits a gate task that
// yields until main opens it), so every await parks (none runs inline)
// and no parked task uses the CPU.  Prints the time from the first spawn
// until the last task has started; run.sh takes the peak RSS from
// /usr/bin/time.  Then the gate opens and the chain unwinds.
namespace main

import "time"
extern c {
    func printf(*byte, ...) int32
    func calloc(usize, usize) *void
    func arc_rt_getenv(*byte) *byte
    func arc_rt_parse_u64(*byte) int64
}
struct Shared {
    n: int64
    go: int64
    last: int64
    hs: *Task<int64>
}
async func gate(sh: *Shared) int64 {
    for sh.go == 0 {
        yield
    }
    return 0
}
async func parked(sh: *Shared, i: int64) int64 {
    if i + 1 < sh.n {
        sh.hs[i + 1] = parked(sh, i + 1)
    } else {
        sh.last = 1
    }
    // task i-1 stores hs[i] only after its spawn of task i returned, and
    // task i may run (on another worker) and start task i+1 first
    for bit_cast<int64>(sh.hs[i - 1]) == 0 {
        yield
    }
    return await sh.hs[i - 1] + 1
}
func main() int32 {
    let sh = Shared{}
    sh.n = 1000000
    let e = arc_rt_getenv("PARKED_N=")
    if e != null {
        sh.n = arc_rt_parse_u64(e)
    }
    // hs[0] is the gate; tasks 1..n
    sh.n += 1
    sh.hs = cast<*Task<int64>>(calloc(cast<usize>(sh.n), 8))
    let t0 = time.now_ns()
    sh.hs[0] = gate(&sh)
    sh.hs[1] = parked(&sh, 1)
    for sh.last == 0 {
        yield
    }
    let t1 = time.now_ns()
    sh.go = 1
    let s = await sh.hs[sh.n - 1]
    if s != sh.n - 1 {
        printf("parked: wrong result %lld\n", s)
        return 1
    }
    printf("parked_tasks %lld\nparked_start_ms %lld\n", sh.n - 1, (t1 - t0) / 1000000)
    return 0
}
