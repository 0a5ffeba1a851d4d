// make bench: the hot-split case.  A task recurses until a call of leaf()
// lands on a new stack segment (its locals far from the caller's), and
// calls it 10,000,000 times there: each call links the segment (from the
// worker's cache) and unlinks it on return.  The same loop at a depth
// where leaf() fits is the reference.  leaf()'s 640-byte frame is over
// gen/x64/depth.c's NOSPLIT_MAX, so it checks for itself (a smaller leaf
// would be counted by its caller's check and never split).
namespace main

import "time"
extern c {
    func printf(*byte, ...) int32
}
struct Probe {
    near_us: int64
    split_us: int64
    found: int64
}
func leaf(x: int64) int64 {
    let buf: [80]int64 = {}
    for i in 0..80 {
        buf[i] = x + cast<int64>(i)
    }
    return buf[x % 80] + cast<int64>(&buf[0])
}
func run(x: int64) int64 {
    let s: int64 = 0
    for let i: int64 = 0; i < 10000000; i++ {
        s += leaf(i + x) & 1
    }
    return s
}
func down(p: *Probe, d: int64) int64 {
    let pad: [6]int64 = {}
    pad[d % 6] = d
    let here = cast<int64>(&pad[0])
    let there = leaf(0) - 0
    let far = there - here > 65536 || here - there > 65536
    if !far && p.near_us == 0 && d > 2 {
        let t0 = time.now_ns()
        run(d)
        p.near_us = (time.now_ns() - t0) / 1000
    }
    if far && d > 2 {
        let t0 = time.now_ns()
        run(d)
        p.split_us = (time.now_ns() - t0) / 1000
        p.found = d
        return 0
    }
    if d > 100000 {
        return 0
    }
    return down(p, d + 1) + pad[d % 6]
}
async func probe(p: *Probe) int64 {
    return down(p, 0)
}
func main() int32 {
    let p = Probe{}
    await probe(&p)
    if p.found == 0 {
        printf("hotsplit: no segment boundary found\n")
        return 1
    }
    printf("hotsplit_near_us %lld\nhotsplit_split_us %lld\n", p.near_us, p.split_us)
    return 0
}
