// issue 10, stack_jump_guard: a frame larger than a guard page (an
// alloca<int64>(8800), 70 KiB) used to jump over the guard into another
// task's stack: the report blamed another task, or (qemu) there was none.
// The prologue check covers the whole frame: with a 64 KiB budget this is
// a stack overflow in task 11 (big: main 1, first 2, holders 3..10) before
// any byte is written; the holders' locals stay intact.
// env: ARC_STACK_SIZE=64k
// workers: 1 2
// status: 139
// report: arc: fatal signal SIGSEGV (stack overflow) in task 11 at address 0x8
// report: #1 0x* big+0x*
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
    dprintf(1, "big: wrote %lld words\n", n)
    sh.go = 1
    return n
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
