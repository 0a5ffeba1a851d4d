// time: clocks, and sleeping that parks only the calling task (the
// runtime's timer heap: gen/rt/poll.c); the worker runs other tasks.
//   now_ns() int64          CLOCK_MONOTONIC, nanoseconds
//   now_ms() int64          CLOCK_MONOTONIC, milliseconds
//   wall_ns() int64         CLOCK_REALTIME, nanoseconds since 1970
//   sleep_ns(ns: int64)     park this task for at least ns nanoseconds
//   sleep_ms(ms: int64)     park this task for at least ms milliseconds
namespace time

extern c {
    func arc_now_ns() int64
    func arc_wall_ns() int64
    func arc_sleep(ns: int64) int64
}

func now_ns() int64 {
    return arc_now_ns()
}

func now_ms() int64 {
    return arc_now_ns() / 1000000
}

func wall_ns() int64 {
    return arc_wall_ns()
}

func sleep_ns(ns: int64) {
    arc_sleep(ns)
}

func sleep_ms(ms: int64) {
    arc_sleep(ms * 1000000)
}
