// A task nobody can await any more is freed when it finishes: a million
// `process` literals and async calls whose handles are dropped (expression
// statements) leave the peak RSS (getrusage ru_maxrss) within 16 MB of
// where it was, where keeping their control blocks alone would take 80 MB.
// A handle that is kept can still be awaited.
// workers: 1 2
// timeout: 60
// expect: kept handles awaited: 42 43
// expect: peak RSS grew by less than 16 MB: yes
namespace main

extern c {
    func printf(*byte, ...) int32
}

async func plus(x: int64, y: int64) int64 {
    return x + y
}

func maxrss_kb() int64 {
    let ru: [18]int64 = {}
    syscall(98, 0, cast<int64>(&ru))
    return ru[4]
}

func main() int32 {
    let cell: int64 = 0
    let t = process func(p: *int64) {
        *p = 42
    }(&cell)
    let k = plus(40, 3)
    await t
    printf("kept handles awaited: %lld %lld\n", cell, await k)
    let before = maxrss_kb()
    for i in 0..500000 {
        process func(x: int64) {
            let y = x * 2
        }(cast<int64>(i))
        plus(cast<int64>(i), 1)
        if i % 64 == 0 {
            yield
        }
    }
    for i in 0..1000 {
        yield
    }
    let grew = maxrss_kb() - before
    let verdict = "no"
    if grew < 16384 {
        verdict = "yes"
    }
    printf("peak RSS grew by less than 16 MB: %s\n", verdict)
    return 0
}
