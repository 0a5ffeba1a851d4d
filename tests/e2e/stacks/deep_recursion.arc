// Deep recursion in one task: 200,000 frames of 600+ bytes, over 100 MB
// of stack, with ARC_STACK_SIZE=256m.  Each frame checks its neighbour's
// data on the way back.
// env: ARC_STACK_SIZE=256m
// workers: 1 2
// expect: 200000 frames, 122400000 bytes of locals: ok
namespace main
extern c {
    func dprintf(int32, *byte, ...) int32
}
func rec(d: int64, below: *int64) int64 {
    let buf: [76]int64 = {}
    for i in 0..76 {
        buf[i] = d * 100 + cast<int64>(i)
    }
    let r: int64 = 0
    if d < 200000 {
        r = rec(d + 1, &buf[0])
    }
    for i in 0..76 {
        if buf[i] != d * 100 + cast<int64>(i) {
            return -1000000000
        }
    }
    if d > 0 && below[75] != (d - 1) * 100 + 75 {
        return -1000000000
    }
    return r + 1
}
async func deep() int64 {
    let top: [1]int64 = {}
    top[0] = -25
    return rec(0, &top[0])
}
func main() int32 {
    let n = await deep()
    if n == 200001 {
        dprintf(1, "%lld frames, %lld bytes of locals: ok\n", n - 1, (n - 1) * 612)
    } else {
        dprintf(1, "BAD: %lld\n", n)
    }
    return 0
}
