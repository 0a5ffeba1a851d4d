// make bench: fib in Arc.  fib(35) serially (run.sh builds it twice, with
// and without the prologue stack checks: ARC_NO_STACK_CHECK=1), and
// fork-join fib(32) with a task per call above n = 20 (DESIGN.md's row);
// with ARC_FIB_SERIAL set, fib(35) alone (the unchecked build runs only
// that: its tasks would have no stack checks).
namespace main

import "time"
extern c {
    func printf(*byte, ...) int32
    func arc_rt_getenv(*byte) *byte
}
func fib(n: int64) int64 {
    if n < 2 {
        return n
    }
    return fib(n - 1) + fib(n - 2)
}
async func pfib(n: int64) int64 {
    if n <= 20 {
        return fib(n)
    }
    let a = pfib(n - 1)
    let b = pfib(n - 2)
    return await a + await b
}
func main() int32 {
    let t0 = time.now_ns()
    let a = fib(35)
    let t1 = time.now_ns()
    if arc_rt_getenv("ARC_FIB_SERIAL=") != null {
        if a != 9227465 {
            return 1
        }
        printf("fib35_us %lld\n", (t1 - t0) / 1000)
        return 0
    }
    let b = await pfib(32)
    let t2 = time.now_ns()
    if a != 9227465 || b != 2178309 {
        printf("fib: wrong results %lld %lld\n", a, b)
        return 1
    }
    printf("fib35_us %lld\nfib32_tasks_us %lld\n", (t1 - t0) / 1000, (t2 - t1) / 1000)
    return 0
}
