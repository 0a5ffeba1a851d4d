// Tail recursion (gen/opt.c: opt_tailrec): a call of the function itself
// whose result is returned (gcd, rot, countdown), or returned combined by
// an integer add, mul, xor or or with a value computed before the call
// (sum, fib, fact, parity, spread, odds), becomes a jump back to the
// function's start with an accumulator; what recursion is left (fib's
// first call, walk's on the left) calls from a copy of the function's
// body.  Not transformed, and still right: a float add (fsum: the order
// of the additions shows in the result), a call given the address of a
// local (chain: the loop would overwrite it), work after the call (post
// prints on the way back), a subtraction (alt), mutual recursion
// (is_even, is_odd).  tests/e2e/arc.sh checks `arc ir` for which self
// calls went, and that the output is the same with ARC_NO_TAILREC=1.
// expect: sum 5050 fib 832040 fact 2432902008176640000 fact32 1932053504
// expect: gcd 21 rot 312 countdown 55
// expect: parity 1 0 spread 1023 odds 2500 mixed 94
// expect: fsum 3.9949871309203906
// expect: chain 10
// expect: post 1 2 3 4 5 = 15
// expect: alt 5 even 1 odd 0
// expect: walk 1 2 3 4 5 6 7 8 9 10 11 12
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

func fib(n: int64) int64 {
    if n < 2 {
        return n
    }
    return fib(n - 1) + fib(n - 2)
}

func fact(n: int64) int64 {
    if n <= 1 {
        return 1
    }
    let r = fact(n - 1)
    return r * n
}

// 13! wraps in 32 bits: 6227020800 mod 2^32
func fact32(n: int32) int32 {
    if n <= 1 {
        return 1
    }
    return n * fact32(n - 1)
}

func gcd(a: int64, b: int64) int64 {
    if b == 0 {
        return a
    }
    return gcd(b, a % b)
}

// the arguments a cycle of the parameters
func rot(a: int32, b: int32, c: int32, n: int32) int32 {
    if n == 0 {
        return a * 100 + b * 10 + c
    }
    return rot(b, c, a, n - 1)
}

var total: int64 = 0

func countdown(n: int64) {
    if n == 0 {
        return
    }
    total += n
    countdown(n - 1)
}

func parity(n: uint64) uint64 {
    if n == 0 {
        return 0
    }
    return (n & 1) ^ parity(n >> 1)
}

func spread(n: int32) int32 {
    if n < 0 {
        return 0
    }
    return spread(n - 1) | (1 << n)
}

// a plain tail site and an add one
func odds(n: int64) int64 {
    if n <= 0 {
        return 0
    }
    if n % 2 == 0 {
        return odds(n - 1)
    }
    return n + odds(n - 1)
}

// a mul site and an add site: one of them keeps its call
func mixed(n: int64) int64 {
    if n == 0 {
        return 1
    }
    if n % 2 == 0 {
        return 2 * mixed(n - 1)
    }
    return 1 + mixed(n - 1)
}

struct Tree {
    l: *Tree
    r: *Tree
    v: int32
}

// a search tree of lo..hi
func build(lo: int32, hi: int32) *Tree {
    if lo > hi {
        return null
    }
    let mid = (lo + hi) / 2
    return new Tree{l: build(lo, mid - 1), r: build(mid + 1, hi), v: mid}
}

// in order: the call on the right is a tail call, the one on the left
// stays (in an inlined copy of walk)
func walk(t: *Tree) {
    if t == null {
        return
    }
    walk(t.l)
    printf(" %d", t.v)
    walk(t.r)
}

// 1/n + (1/(n-1) + ... + (1/1 + 0)): the largest term is added first
func fsum(n: int32) float64 {
    if n == 0 {
        return 0.0
    }
    return 1.0 / cast<float64>(n) + fsum(n - 1)
}

// each call reads the local of the one before it
func chain(n: int64, prev: *int64) int64 {
    let mine: int64 = n * 10
    if n == 0 {
        return *prev
    }
    return chain(n - 1, &mine)
}

func post(n: int32) int32 {
    if n == 0 {
        return 0
    }
    let r = post(n - 1)
    printf(" %d", n)
    return r + n
}

func alt(n: int64) int64 {
    if n == 0 {
        return 0
    }
    return n - alt(n - 1)
}

func is_even(n: int32) bool {
    if n == 0 {
        return true
    }
    return is_odd(n - 1)
}

func is_odd(n: int32) bool {
    if n == 0 {
        return false
    }
    return is_even(n - 1)
}

func main() int32 {
    printf("sum %lld fib %lld fact %lld fact32 %d\n", sum(100), fib(30), fact(20), fact32(13))
    countdown(10)
    printf("gcd %lld rot %d countdown %lld\n", gcd(1071, 462), rot(1, 2, 3, 5), total)
    printf("parity %llu %llu spread %d odds %lld mixed %lld\n", parity(0xb), parity(0xf), spread(9),
           odds(100), mixed(10))
    printf("fsum %.17g\n", fsum(30))
    let top: int64 = -1
    printf("chain %lld\n", chain(3, &top))
    printf("post")
    let p = post(5)
    printf(" = %d\n", p)
    printf("alt %lld even %d odd %d\n", alt(10), is_even(1000), is_odd(1000))
    printf("walk")
    walk(build(1, 12))
    printf("\n")
    return 0
}
