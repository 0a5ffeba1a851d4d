// Inlining (gen/opt.c): small functions that cannot fault or call are
// copied into their callers.  Early returns, a parameter the callee
// assigns (the caller's variable must not change), nested calls, floats
// and conversions, a void one, one called in a loop and from two places;
// a recursive function, one that divides by a variable and one that
// loads are not inlined.  tests/e2e/arc.sh checks `arc ir` shows which
// calls went, and that the output is the same with ARC_NO_INLINE=1.
// expect: clamp 0 5 10
// expect: bump 7 8
// expect: nested 42
// expect: a(3,4) 0.03125
// expect: loop 12497500
// expect: sum 1.6444339418273961
// expect: rec 55 div 3 load 9
namespace main

extern c {
    func printf(*byte, ...) int32
}

func clamp(x: int32, lo: int32, hi: int32) int32 {
    if x < lo {
        return lo
    }
    if x > hi {
        return hi
    }
    return x
}

func bump(x: int32) int32 {
    x += 1
    return x
}

func twice(x: int32) int32 {
    return x * 2
}

func plus1(x: int32) int32 {
    return x + 1
}

func a(i: int32, j: int32) float64 {
    return 1.0 / cast<float64>((i + j) * (i + j + 1) / 2 + i + 1)
}

func nothing(x: int32) {
    let y = x * 2
    y++
}

func fib(n: int32) int32 {
    if n < 2 {
        return n
    }
    return fib(n - 1) + fib(n - 2)
}

func div(a: int32, b: int32) int32 {
    return a / b
}

func first(p: *int32) int32 {
    return *p
}

func main() int32 {
    printf("clamp %d %d %d\n", clamp(-3, 0, 10), clamp(5, 0, 10), clamp(99, 0, 10))
    let v: int32 = 7
    let w = bump(v)
    printf("bump %d %d\n", v, w)
    printf("nested %d\n", twice(plus1(twice(10))))
    printf("a(3,4) %.17g\n", a(3, 4))
    let s: int64 = 0
    for let i: int32 = 0; i < 5000; i++ {
        s += cast<int64>(clamp(i, 0, 4999))
        nothing(i)
    }
    printf("loop %lld\n", s)
    let f = 0.0
    for let k: int32 = 1; k < 2000; k++ {
        f += 1.0 / cast<float64>(k * k)
    }
    printf("sum %.17g\n", f)
    let nine: int32 = 9
    printf("rec %d div %d load %d\n", fib(10), div(10, 3), first(&nine))
    return 0
}
