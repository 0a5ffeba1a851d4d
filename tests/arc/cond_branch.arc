// Conditions of if and for with && || ! (gen/front/lower.c, cond_br):
// lowered as branches, each comparison feeding its own.  The right
// operand runs only when it decides (side effects counted in order), !
// swaps the targets, mixed and nested forms, a for condition, a constant
// operand, and a && chain longer than COND_DEPTH (the rest as a value).
// tests/e2e/arc.sh checks in `arc ir` that both() computes no byte (no
// i8 copy, no xor) for its condition.
// expect: both 1 0 0 0 calls 6
// expect: either 1 1 1 0 calls 6
// expect: not 0 1 mixed 1 0 1 0
// expect: for 4 calls 5
// expect: konst 1 0
// expect: long 1 0
namespace main

extern c {
    func printf(*byte, ...) int32
}

var calls: int32 = 0

func pos(x: int32) bool {
    calls++
    return x > 0
}

func both(a: int32, b: int32) int32 {
    if a > 0 && b > 0 {
        return 1
    }
    return 0
}

func both_calls(a: int32, b: int32) int32 {
    if pos(a) && pos(b) {
        return 1
    }
    return 0
}

func either_calls(a: int32, b: int32) int32 {
    if pos(a) || pos(b) {
        return 1
    }
    return 0
}

func not_(a: int32) int32 {
    if !(a > 0) {
        return 1
    }
    return 0
}

func mixed(a: int32, b: int32, c: int32) int32 {
    if (a > 0 || b > 0) && !(c > 0 && a == b) {
        return 1
    }
    return 0
}

func long(x: int32) int32 {
    if x > 0 && x > 1 && x > 2 && x > 3 && x > 4 && x > 5 && x > 6 && x > 7 && x > 8 && x > 9 &&
       x > 10 && x > 11 && x > 12 && x > 13 && x > 14 && x > 15 && x > 16 && x > 17 && x > 18 && x > 19 &&
       x > 20 && x > 21 && x > 22 && x > 23 && x > 24 && x > 25 && x > 26 && x > 27 && x > 28 && x > 29 &&
       x > 30 && x > 31 && x > 32 && x > 33 && x > 34 && x > 35 && x > 36 && x > 37 && x > 38 && x > 39 &&
       x > 40 && x > 41 && x > 42 && x > 43 && x > 44 && x > 45 && x > 46 && x > 47 && x > 48 && x > 49 &&
       x > 50 && x > 51 && x > 52 && x > 53 && x > 54 && x > 55 && x > 56 && x > 57 && x > 58 && x > 59 &&
       x > 60 && x > 61 && x > 62 && x > 63 && x > 64 && x > 65 && x > 66 && x > 67 && x > 68 && x > 69 {
        return 1
    }
    return 0
}

func main() int32 {
    let b = both_calls(1, 1) * 1000 + both_calls(1, -1) * 100 + both_calls(-1, 1) * 10 + both_calls(-1, -1)
    printf("both %d %d %d %d calls %d\n", b / 1000, b / 100 % 10, b / 10 % 10, b % 10, calls)
    calls = 0
    let e = either_calls(1, 1) * 1000 + either_calls(1, -1) * 100 + either_calls(-1, 1) * 10 + either_calls(-1, -1)
    printf("either %d %d %d %d calls %d\n", e / 1000, e / 100 % 10, e / 10 % 10, e % 10, calls)
    printf("not %d %d mixed %d %d %d %d\n", not_(1), not_(-1), mixed(1, 0, 1), mixed(2, 2, 1), mixed(0, 3, 0), mixed(0, 0, 0))
    calls = 0
    let n = 0
    for let i: int32 = 0; i < 10 && pos(4 - i); i++ {
        n++
    }
    printf("for %d calls %d\n", n, calls)
    let t = true
    let k1 = 0
    let k2 = 0
    if t && true {
        k1 = 1
    }
    if false || !t {
        k2 = 1
    }
    printf("konst %d %d\n", k1, k2)
    printf("long %d %d\n", long(100), long(50))
    if both(1, 2) != 1 {
        return 1
    }
    return 0
}
