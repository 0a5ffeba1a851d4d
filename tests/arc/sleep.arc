// sleep, usleep and nanosleep last at least what they ask (and not much
// more: under 500 ms extra, generous for a loaded machine and qemu),
// measured with CLOCK_MONOTONIC.
namespace main

extern c {
    func printf(*byte, ...) int32
    func sleep(uint32) uint32
    func usleep(uint32) int32
    func nanosleep(*void, *void) int32
}

struct Ts {
    sec: int64
    nsec: int64
}

func now_ns() int64 {
    let t = Ts{}
    syscall(228, 1, cast<int64>(&t))
    return t.sec * 1000000000 + t.nsec
}

func report(what: *byte, want_ms: int64, t0: int64) {
    let ms = (now_ns() - t0) / 1000000
    let ok = ms >= want_ms && ms < want_ms + 500
    if ok {
        printf("%s: ok\n", what)
    } else {
        printf("%s: took %lld ms, asked %lld\n", what, ms, want_ms)
    }
}

func main() int32 {
    let t0 = now_ns()
    printf("usleep returns %d\n", usleep(150000))
    report("usleep(150000)", 150, t0)
    t0 = now_ns()
    let req = Ts{sec: 0, nsec: 120000000}
    let rem = Ts{sec: 5, nsec: 5}
    printf("nanosleep returns %d\n", nanosleep(&req, &rem))
    report("nanosleep(0.12 s)", 120, t0)
    printf("rem %lld %lld\n", rem.sec, rem.nsec)
    t0 = now_ns()
    printf("sleep returns %u\n", sleep(1))
    report("sleep(1)", 1000, t0)
    t0 = now_ns()
    sleep(0)
    report("sleep(0)", 0, t0)
    return 0
}
// expect: usleep returns 0
// expect: usleep(150000): ok
// expect: nanosleep returns 0
// expect: nanosleep(0.12 s): ok
// expect: rem 0 0
// expect: sleep returns 0
// expect: sleep(1): ok
// expect: sleep(0): ok
