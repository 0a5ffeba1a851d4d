// Segments under work stealing: 2,000 tasks, each recursing to a depth of
// its own (so frames straddle segment boundaries at every depth), yielding
// inside the recursion (so tasks move between workers while they hold
// several segments), and checking every frame's data on the way back;
// fork-join spawns inside the recursion put tasks on the stacks of others
// (inline awaits).  stacks.sh runs it on 1, 2 and 4 workers and many
// ARC_STEAL_SEED values.
// expect: 2000 tasks ok, sum 2001000
namespace main
extern c {
    func dprintf(int32, *byte, ...) int32
}
func rec(d: int64, lim: int64, seed: int64) int64 {
    let buf: [20]int64 = {}
    for i in 0..20 {
        buf[i] = seed + d * 31 + cast<int64>(i)
    }
    if d % 7 == 3 {
        yield
    }
    let r: int64 = 0
    if d < lim {
        r = rec(d + 1, lim, seed)
    }
    if d % 50 == 25 {
        let t = leaf(d)
        r += await t - d
    }
    for i in 0..20 {
        if buf[i] != seed + d * 31 + cast<int64>(i) {
            return -1000000
        }
    }
    return r + 1
}
async func leaf(d: int64) int64 {
    let big: [300]int64 = {}
    big[d % 300] = d
    return big[d % 300]
}
async func task(i: int64) int64 {
    return rec(0, i % 2000, i * 1000)
}
func main() int32 {
    let ts: [2000]Task<int64> = {}
    for i in 0..2000 {
        ts[i] = task(cast<int64>(i))
    }
    let s: int64 = 0
    let bad: int64 = 0
    for i in 0..2000 {
        let r = await ts[i]
        if r != cast<int64>(i) + 1 {
            bad++
        }
        s += r
    }
    if bad == 0 {
        dprintf(1, "2000 tasks ok, sum %lld\n", s)
    } else {
        dprintf(1, "%lld tasks BAD\n", bad)
    }
    return 0
}
