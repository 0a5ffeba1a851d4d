// A task that starts after another task's C code has returned through a
// segment boundary (tasks_c.c, gcc -fsplit-stack): the worker keeps the
// segment that arc_rt_lessstack left (the hot-split cache), and a new
// task's first segment must not be that one.  A first segment keeps only
// RT_RESERVE below its limit, since C never fits in FIRST_SEG bytes; on
// a cached 128 KiB segment the task's C call would fit, and its frames,
// which gcc lets run up to 256 bytes below the limit, would reach the
// segment's header (reported as a stack overflow, or frames corrupted).
// Rounds of two tasks, each round after the last one has finished, on 1
// and 2 workers.
// cc: tasks_c.c
// workers: 1 2
// expect: 8 tasks ok, sum 16008000
namespace main

extern c {
    func printf(*byte, ...) int32
    func c_start(n: int64, seed: int64, k: int64) int64
}

async func task(i: int64) int64 {
    return c_start(2000, i * 7919, i % 32)
}

func main() int32 {
    let ok = 0
    let sum: int64 = 0
    for r in 0..4 {
        let a = task(cast<int64>(2 * r))
        let b = task(cast<int64>(2 * r + 1))
        let x = await a
        let y = await b
        if x > 0 {
            ok++
        }
        if y > 0 {
            ok++
        }
        sum += x + y
    }
    printf("%d tasks ok, sum %lld\n", ok, sum)
    return 0
}
