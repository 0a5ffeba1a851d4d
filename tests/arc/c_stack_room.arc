// C code on Arc task stacks (gen/rt/stack.c): a function that calls C
// asks for 64 KiB more in its prologue check, so C code that uses 48 KiB of
// stack runs safely from 2,000 tasks that start on 512-byte segments, and
// every task's own data survives.
// cc: c_stack_room_c.c
// workers: 1 2
// expect: 2000 tasks ok
namespace main

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
    func c_deep_sum(seed: int64) int64
}

async func task(i: int64) int64 {
    let mine: [8]int64 = {}
    for k in 0..8 {
        mine[k] = i * 8 + cast<int64>(k)
    }
    let s = c_deep_sum(i)
    yield
    for k in 0..8 {
        if mine[k] != i * 8 + cast<int64>(k) {
            return -1
        }
    }
    if s != 6 * i + 15360 {
        return -1
    }
    return 1
}

func main() int32 {
    let ts: [2000]Task<int64> = {}
    for i in 0..2000 {
        ts[i] = task(cast<int64>(i))
    }
    yield
    let ok: int64 = 0
    for i in 0..2000 {
        ok += await ts[i]
    }
    if ok == 2000 {
        arc_write(1, "2000 tasks ok\n", 14)
    } else {
        arc_write(1, "BAD\n", 4)
    }
    return 0
}
