// arc_sleepers.arc [N]: the Arc version of arc_sleepers.c.  N tasks
// (default 100000, at most 100000) each sleep a random 0 to 100 ms
// (time.sleep_ns) and return when they woke, or -1 if early.  Prints the
// spawn time, the time from the last spawn to the last wake-up (target
// under 110 ms), from the first spawn to the last wake-up (the whole run:
// a spawn that fills the deque yields, so spawning and starting overlap)
// and the number woken early; exits 1 if one was early.
namespace main

import "os"
import "time"

extern c {
    func printf(*byte, ...) int32
}

const MAX: int64 = 100000

async func sleeper(ns: int64) int64 {
    let t0 = time.now_ns()
    time.sleep_ns(ns)
    let t = time.now_ns()
    if t - t0 < ns {
        return -1
    }
    return t
}

let tasks: [100000]Task<int64> = {}
let want: [100000]int64 = {}

func main() int32 {
    let n: int64 = MAX
    if os.argc() > 1 {
        n = 0
        let s = os.arg(1)
        for let i = 0; s[i] != 0; i++ {
            n = n * 10 + cast<int64>(s[i] - '0')
        }
    }
    if n < 1 || n > MAX {
        return 2
    }
    time.sleep_ns(1)     // the timers are set up before the clock starts
    let x: uint64 = 88172645463325252
    let t0 = time.now_ns()
    for let i: int64 = 0; i < n; i++ {
        x = x ^ (x << 13)
        x = x ^ (x >> 7)
        x = x ^ (x << 17)
        tasks[i] = sleeper(cast<int64>(x % 100000001))
    }
    let t1 = time.now_ns()
    let last: int64 = 0
    let early: int64 = 0
    for let i: int64 = 0; i < n; i++ {
        let t = await tasks[i]
        if t < 0 {
            early++
        } else if t > last {
            last = t
        }
    }
    printf("sleepers %lld\nsleepers_spawn_ms %.3f\n", n, cast<float64>(t1 - t0) / 1000000.0)
    printf("sleepers_last_spawn_to_last_wake_ms %.3f\nsleepers_first_spawn_to_last_wake_ms %.3f\nsleepers_early %lld\n",
           cast<float64>(last - t1) / 1000000.0, cast<float64>(last - t0) / 1000000.0, early)
    if early != 0 {
        return 1
    }
    return 0
}
