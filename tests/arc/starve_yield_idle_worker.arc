// A yielded task is not stuck behind its worker: main yields while a task
// that never yields (a CPU loop) takes its worker; the idle worker (asleep
// in the futex by then, or about to be) must run main.  Not on 1 worker:
// the loop would hold the only one.
// workers: 2 4
// timeout: 20
// expect: main yields
// expect: main resumed after yield
// status: 7
namespace main

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    process func(id: int32) {
        let n: int64 = 0
        for {
            n++
        }
    }(0)
    printf("main yields\n")
    yield
    printf("main resumed after yield\n")
    return 7
}
