// Tail recursion made a loop (gen/opt.c: opt_tailrec) runs in constant
// stack: ten million levels of sum, count and gcd-like steps in a 64 KiB
// stack, where the recursion would need hundreds of megabytes (built with
// ARC_NO_TAILREC=1 it overflows: tests/e2e/arc.sh).
// env: ARC_STACK_SIZE=64k
// expect: sum 50000005000000
// expect: count 10000000
// expect: steps 10000000
namespace main

extern c {
    func printf(*byte, ...) int32
}

func sum(n: int64) int64 {
    if n == 0 {
        return 0
    }
    return n + sum(n - 1)
}

var counted: int64 = 0

func count(n: int64) {
    if n == 0 {
        return
    }
    counted++
    count(n - 1)
}

func steps(a: int64, b: int64, n: int64) int64 {
    if a >= b {
        return n
    }
    return steps(a + 1, b, n + 1)
}

func main() int32 {
    printf("sum %lld\n", sum(10000000))
    count(10000000)
    printf("count %lld\n", counted)
    printf("steps %lld\n", steps(0, 10000000, 0))
    return 0
}
