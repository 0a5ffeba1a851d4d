// sleep_sort N...: a task per number sleeps that many milliseconds, then
// prints it; the output comes out sorted.  The tasks park in the
// runtime's timer heap (time.sleep_ms), so thousands share a few workers.
namespace main

import "os"
import "time"

extern c {
    func printf(*byte, ...) int32
}

const MAX: int32 = 4096

// Every task sleeps until start_ns + its number of milliseconds, with
// start_ns a little in the future: as long as every task has started by
// then, the time tasks take to start (long under an emulator) cannot
// reorder them.
const HEAD_START_NS: int64 = 30000000
let start_ns: int64 = 0

async func sleeper(ms: int64) int32 {
    time.sleep_ns(start_ns + ms * 1000000 - time.now_ns())
    printf("%lld\n", ms)
    return 0
}

// parse reads a decimal number; -1 if s is not one.
func parse(s: string) int64 {
    let v: int64 = 0
    if s[0] == 0 {
        return -1
    }
    for let i = 0; s[i] != 0; i++ {
        if s[i] < '0' || s[i] > '9' || v > 1000000000 {
            return -1
        }
        v = v * 10 + cast<int64>(s[i] - '0')
    }
    return v
}

func main() int32 {
    let n = os.argc() - 1
    if n > MAX {
        printf("sleep_sort: at most %d numbers\n", MAX)
        return 2
    }
    for let i = 1; i <= n; i++ {
        if parse(os.arg(i)) < 0 {
            printf("sleep_sort: not a number of milliseconds: %s\n", os.arg(i))
            return 2
        }
    }
    let tasks: [4096]Task<int32> = {}
    time.sleep_ns(1)     // the runtime's timers are set up before the clock starts
    start_ns = time.now_ns() + HEAD_START_NS
    for let i = 0; i < n; i++ {
        tasks[i] = sleeper(parse(os.arg(i + 1)))
    }
    for let i = 0; i < n; i++ {
        await tasks[i]
    }
    return 0
}
