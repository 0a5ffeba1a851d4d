// Arc tasks calling C compiled with gcc -fsplit-stack (tasks_c.c): each
// of 100 tasks runs a C recursion 2,000 deep (about 500 KiB of frames,
// far past the 64 KiB an Arc function guarantees a C call) that yields at
// every level; the C prologues' checks link segments through the
// runtime's __morestack, on 1 and 2 workers, and every frame's data
// survives (a corrupted frame makes its task's result negative).  The
// tasks enter the recursion at 32 different depths, so the segment limits
// fall at every offset of the C frames.
// cc: tasks_c.c
// workers: 1 2
// expect: 100 tasks ok, sum 200100000
namespace main

extern c {
    func printf(*byte, ...) int32
    func c_start(n: int64, seed: int64, k: int64) int64
}

async func task(i: int64) int64 {
    let mine: [4]int64 = {}
    for k in 0..4 {
        mine[k] = i * 4 + cast<int64>(k)
    }
    let s = c_start(2000, i * 7919, i % 32)
    for k in 0..4 {
        if mine[k] != i * 4 + cast<int64>(k) {
            return -1
        }
    }
    return s
}

func main() int32 {
    let ts: [100]Task<int64> = {}
    for i in 0..100 {
        ts[i] = task(cast<int64>(i))
    }
    let ok = 0
    let sum: int64 = 0
    for i in 0..100 {
        let s = await ts[i]
        if s == 2001000 {
            ok++
        }
        sum += s
    }
    printf("%d tasks ok, sum %ld\n", ok, sum)
    return 0
}
