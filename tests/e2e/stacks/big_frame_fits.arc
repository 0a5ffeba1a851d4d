// issue 10, stack_jump_guard with the default 8 MiB budget: the 70 KiB
// frame gets a segment of its own; it writes only inside its alloca, and
// every other task's locals are intact.
// workers: 1 2
// expect: big: wrote inside its alloca
// expect: big=1 bad=0
namespace main
extern c {
    func dprintf(int32, *byte, ...) int32
}
struct Sh {
    go: int64
    rel: int64
}
async func first(sh: *Sh) int64 {
    for sh.rel == 0 {
        yield
    }
    return 1
}
async func holder(sh: *Sh, id: int64) int64 {
    let mine: [64]int64 = {}
    for i in 0..64 {
        mine[i] = id
    }
    for sh.go == 0 {
        yield
    }
    for i in 0..64 {
        if mine[i] != id {
            dprintf(1, "task %lld: local data corrupted: mine[%d]=%llx\n", id, i, mine[i])
            return 1
        }
    }
    return 0
}
func fill(p: *int64, limit: int64) int64 {
    let n: int64 = 0
    for cast<int64>(p + n) < limit {
        p[n] = 0x4242424242424242
        n++
    }
    return n
}
async func big(sh: *Sh) int64 {
    let p = alloca<int64>(8800)
    let guard = ((cast<int64>(&sh) + 4095) & ~4095) - 65536
    let n = fill(p, guard)
    if n >= 0 && n <= 8800 {
        dprintf(1, "big: wrote inside its alloca\n")
    }
    sh.go = 1
    return 1
}
func main() int32 {
    let sh = Sh{}
    let a = first(&sh)
    yield
    let ts: [8]Task<int64> = {}
    for i in 0..8 {
        ts[i] = holder(&sh, cast<int64>(i) + 100)
    }
    yield
    sh.rel = 1
    await a
    let b = big(&sh)
    for sh.go == 0 {
        yield
    }
    let bad: int64 = 0
    for i in 0..8 {
        bad += await ts[i]
    }
    dprintf(1, "big=%lld bad=%lld\n", await b, bad)
    return 0
}
