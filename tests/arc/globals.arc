// Globals: top-level let/var, a zero, constant, null or &global start;
// read, assigned, incremented, address taken, shared by tasks.
namespace main

extern c {
    func printf(*byte, ...) int32
}

struct Counter {
    hits: int64
    last: int32
}

let count: int32 = 5
var big: int64 = 1 << 40
let ratio: float64 = 2.5
let small: float32 = 0.25
let flag: bool = true
let table: [4]int32 = {}
let stats: Counter = {}
let statp: *Counter = &stats
let nothing: *byte = null

func bump(by: int32) {
    count += by
    count++
    table[by % 4] = by
    statp.hits++
    statp.last = by
}

async func add(n: int32) int32 {
    stats.hits += cast<int64>(n)
    return n
}

func main() int32 {
    bump(2)
    bump(7)
    printf("count=%d big=%lld ratio=%g small=%g flag=%d\n", count, big, ratio, small, flag)
    printf("table=%d %d %d %d hits=%lld last=%d null=%d\n", table[0], table[1], table[2], table[3], stats.hits, stats.last, nothing == null)
    let p = &count
    *p = 100
    big = big / 2
    printf("count=%d big=%lld same=%d\n", count, big, statp == &stats)
    let t = add(40)
    printf("awaited %d hits=%lld\n", await t, stats.hits)
    return 0
}
// expect: count=16 big=1099511627776 ratio=2.5 small=0.25 flag=1
// expect: table=0 0 2 7 hits=2 last=7 null=1
// expect: count=100 big=549755813888 same=1
// expect: awaited 40 hits=42
