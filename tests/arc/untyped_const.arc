// Untyped constants (front.h): a const without a type keeps an untyped
// value, negative ones included, and takes its type where it is used.
namespace main

extern c {
    func printf(*byte, ...) int32
}

const K = -5
const BIG = 18446744073709551615
const BIGGER_LESS_ONE = BIG - 1

func twice(x: int32) int32 {
    return 2 * x
}

func main() int32 {
    const L = -5
    let v = L
    let w: int64 = K
    let x: int8 = 3
    let y = x + K
    printf("v=%d w=%lld y=%d f=%d\n", v, w, y, twice(K))
    switch v {
    case K:
        printf("case K\n")
    default:
        printf("default\n")
    }
    let u: uint64 = BIGGER_LESS_ONE
    let f: float64 = K
    printf("u=%llu f=%.1f\n", u, f)
    return v + 5
}
// expect: v=-5 w=-5 y=-2 f=-10
// expect: case K
// expect: u=18446744073709551614 f=-5.0
