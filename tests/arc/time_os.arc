// stdlib_arc/time.arc and os.arc: sleeping parks only the task (two
// sleepers overlap), the clocks, arguments, environment, pid and exit.
namespace main

import "os"
import "time"

extern c {
    func printf(*byte, ...) int32
}

async func nap(ms: int64) int64 {
    let t0 = time.now_ns()
    time.sleep_ms(ms)
    return time.now_ns() - t0
}

func main() int32 {
    let t0 = time.now_ms()
    let a = nap(40)
    let b = nap(40)
    let da = await a
    let db = await b
    let total = time.now_ms() - t0
    printf("slept at least 40 ms: %d %d\n", da >= 40000000, db >= 40000000)
    printf("overlapped: %d\n", total < 75)
    time.sleep_ns(1000)
    printf("wall clock after 2020: %d\n", time.wall_ns() > 1577836800000000000)
    printf("argc %d: %s %s, past the end null: %d\n", os.argc(), os.arg(1), os.arg(2), os.arg(3) == null)
    printf("env %s, unset null: %d\n", os.env("ARC_TIME_OS"), os.env("ARC_TIME_OS_UNSET") == null)
    printf("pid positive: %d\n", os.pid() > 0)
    os.exit(4)
    return 0
}
// workers: 1 2
// args: one two
// env: ARC_TIME_OS=set
// expect: slept at least 40 ms: 1 1
// expect: overlapped: 1
// expect: wall clock after 2020: 1
// expect: argc 3: one two, past the end null: 1
// expect: env set, unset null: 1
// expect: pid positive: 1
// status: 4
