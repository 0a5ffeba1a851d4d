// 3000 Arc tasks (segmented stacks) read time.now_ns at many stack
// depths, so at every distance from their segment's limit (the runtime
// calls the vDSO's clock_gettime only with its reserve free, the system
// call otherwise: gen/rt/poll.c), and sleep a random 0-20 ms: every
// reading lies between two clock_gettime(2) calls made around it, every
// task wakes, none early.
// workers: 1 2
// expect: woke=3000 early=0 bracketed=3000
namespace main

import "time"

extern c {
    func printf(*byte, ...) int32
}

struct Ts {
    sec: int64
    nsec: int64
}

func sys_ns() int64 {
    let t = Ts{}
    syscall(228, 1, cast<int64>(&t))
    return t.sec * 1000000000 + t.nsec
}

// 1 if time.now_ns, read depth frames down, lies between two system calls.
func bracketed(depth: int64) int64 {
    if depth > 0 {
        return bracketed(depth - 1)
    }
    let a = sys_ns()
    let n = time.now_ns()
    let b = sys_ns()
    if n >= a && n <= b {
        return 1
    }
    return 0
}

// 2 if it slept at least ns by both clocks (+1 if its reading was
// bracketed), -1 if early.
async func sleeper(ns: int64, depth: int64) int64 {
    let ok = bracketed(depth)
    let t0 = time.now_ns()
    let s0 = sys_ns()
    time.sleep_ns(ns)
    if time.now_ns() - t0 < ns || sys_ns() - s0 < ns {
        return -1
    }
    return 2 + ok
}

let tasks: [3000]Task<int64> = {}

func main() int32 {
    let x: uint64 = 88172645463325252
    for let i: int64 = 0; i < 3000; i++ {
        x = x ^ (x << 13)
        x = x ^ (x >> 7)
        x = x ^ (x << 17)
        tasks[i] = sleeper(cast<int64>(x % 20000001), i % 40)
    }
    let woke: int64 = 0
    let early: int64 = 0
    let good: int64 = 0
    for let i: int64 = 0; i < 3000; i++ {
        let r = await tasks[i]
        if r < 0 {
            early++
        } else {
            woke++
            good = good + r - 2
        }
    }
    printf("woke=%lld early=%lld bracketed=%lld\n", woke, early, good)
    return 0
}
