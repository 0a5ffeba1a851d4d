// Inlining functions that return a tuple (gen/opt.c): divmod and
// two_sum build their result in an alloca, which becomes the caller's
// (one slot per inlined copy); add2 calls two_sum and is itself inlined
// in the next round.  Two results alive at once stay apart, a result
// taken in a loop is fresh each time, and a tuple function that loads
// through a pointer (peek) or returns a global (snap) is still called.
// tests/e2e/arc.sh checks `arc ir` and the same output with
// ARC_NO_INLINE=1.
// expect: divmod 14 2 3 1
// expect: two_sum 3 -0.000000000000000028
// expect: add2 4 1
// expect: loop 4950 4950
// expect: peek 7 8 snap 5 6
namespace main

extern c {
    func printf(*byte, ...) int32
}

func divmod(a: int32, b: int32) (int32, int32) {
    return (a / 3, b % 3)
}

func two_sum(a: float64, b: float64) (float64, float64) {
    let s = a + b
    let bb = s - a
    return (s, (a - (s - bb)) + (b - bb))
}

func add2(a: int32, b: int32) (int32, int32) {
    let (q, r) = divmod(a, b)
    return (q + 1, r)
}

func peek(p: *int32) (int32, int32) {
    return (p[0], p[1])
}

var g: (int32, int32) = {}

func snap() (int32, int32) {
    return g
}

func main() int32 {
    let (q1, r1) = divmod(42, 8)
    let (q2, r2) = divmod(9, 7)
    printf("divmod %d %d %d %d\n", q1, r1, q2, r2)
    let (s, e) = two_sum(1.0, 2.0)
    let (s2, e2) = two_sum(0.1, 0.2)
    printf("two_sum %.0f %.18f\n", s + e, e2 - (0.30000000000000004 - s2))
    let (a, b) = add2(10, 4)
    printf("add2 %d %d\n", a, b)
    let sa = 0
    let sb = 0
    for let i: int32 = 0; i < 100; i++ {
        let (x, y) = divmod(i * 3, i * 3)
        sa += x
        sb += y + i
    }
    printf("loop %d %d\n", sa, sb)
    g = (5, 6)
    let arr: [2]int32 = {7, 8}
    let (p0, p1) = peek(&arr[0])
    let (g0, g1) = snap()
    printf("peek %d %d snap %d %d\n", p0, p1, g0, g1)
    return 0
}
