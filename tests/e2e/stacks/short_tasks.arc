// 100,000 short tasks, 1,000 at a time, each started on its own stack
// (main yields before awaiting, so none runs inline).  stacks.sh counts
// the mmap/munmap/mprotect calls with strace: stacks come from slabs.
// workers: 1 2
// expect: 100000 tasks, sum 5000050000
namespace main
extern c {
    func dprintf(int32, *byte, ...) int32
}
async func short(i: int64) int64 {
    let pad: [8]int64 = {}
    pad[i % 8] = i
    return pad[i % 8] + 1
}
func main() int32 {
    let ts: [1000]Task<int64> = {}
    let s: int64 = 0
    for let b: int64 = 0; b < 100; b++ {
        for i in 0..1000 {
            ts[i] = short(b * 1000 + cast<int64>(i))
        }
        yield
        for i in 0..1000 {
            s += await ts[i]
        }
    }
    dprintf(1, "100000 tasks, sum %lld\n", s)
    return 0
}
