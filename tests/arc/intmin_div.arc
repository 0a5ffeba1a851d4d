// Signed division overflow wraps (ARC.md: integer overflow wraps): MIN / -1
// is MIN and MIN % -1 is 0 at every width (Go's definition), where the
// machine's idiv would trap; through a divisor only known at run time, a
// constant -1, and ordinary divisors next to them.  Division by zero still
// traps: tests/e2e/crash.sh.
// expect: i32: -2147483648 0 -2147483647 0 -2147483648 0
// expect: i64: -9223372036854775808 0 -9223372036854775807 0 -9223372036854775808 0
// expect: i16: -32768 i8: 0
// expect: other: -3 -1 3 1 -7 0 1073741823 -2
namespace main

extern c {
    func printf(*byte, ...) int32
}

func div32(a: int32, b: int32) int32 {
    return a / b
}

func mod32(a: int32, b: int32) int32 {
    return a % b
}

func div64(a: int64, b: int64) int64 {
    return a / b
}

func mod64(a: int64, b: int64) int64 {
    return a % b
}

func byconst32(a: int32) int32 {
    return a / -1
}

func modconst64(a: int64) int64 {
    return a % -1
}

func div16(a: int16, b: int16) int16 {
    return a / b
}

func mod8(a: int8, b: int8) int8 {
    return a % b
}

func main() int32 {
    let m32: int32 = -2147483648
    let m64: int64 = -9223372036854775807 - 1
    let m1: int32 = -1
    printf("i32: %d %d %d %d %d %d\n", div32(m32, m1), mod32(m32, m1), div32(2147483647, m1),
        mod32(7, m1), byconst32(m32), mod32(m32, 1))
    printf("i64: %lld %lld %lld %lld %lld %lld\n", div64(m64, -1), mod64(m64, -1),
        div64(9223372036854775807, -1), modconst64(m64), div64(m64, 1), mod64(m64, 2))
    printf("i16: %d i8: %d\n", cast<int32>(div16(-32768, -1)), cast<int32>(mod8(-128, -1)))
    printf("other: %d %d %d %d %d %d %d %d\n", div32(7, -2), mod32(-7, 2), div32(-7, -2), mod32(7, -2),
        div32(-7, 1), mod32(-7, -7), div32(2147483647, 2), mod32(-2, -3))
    return 0
}
