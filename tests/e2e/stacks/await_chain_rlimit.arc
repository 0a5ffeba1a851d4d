// issue 10, await_chain_rlimit: an inline await chain 100,000 deep on
// main's stack used to die as a "stack overflow" with `ulimit -s 1024`
// (the inline rule assumed 4 MiB of main stack).  main's limit now comes
// from RLIMIT_STACK, its stack grows by segments past it, and an await
// that would take a stack past half its budget parks instead.
// ulimit: 1024
// workers: 1 2
// expect: chain 5000050000
namespace main
extern c {
    func dprintf(int32, *byte, ...) int32
}
async func chain(d: int64) int64 {
    if d == 0 {
        return 0
    }
    return await chain(d - 1) + d
}
func main() int32 {
    dprintf(1, "chain %lld\n", await chain(100000))
    return 0
}
