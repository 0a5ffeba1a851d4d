// Type-argument inference (calls without <...>: from the arguments' types,
// through pointers, slices, generic structs and function types; an untyped
// constant alone gives int32/float64) and generic methods declared at top
// level, on a local generic struct and on collections.vector<T>.
namespace main

import "collections"

extern c {
    func printf(*byte, ...) int32
}

struct Pair<A, B> {
    a: A
    b: B
}

func swap<X, Y>(self p: *Pair<X, Y>) Pair<Y, X> {
    return Pair<Y, X>{a: p.b, b: p.a}
}

func sum<T>(self v: *collections.vector<T>) T {
    let t: T = {}
    for x in v.items() {
        t += x
    }
    return t
}

func first<T>(p: *T) T {
    return *p
}

func max<T>(a: T, b: T) T {
    if a > b {
        return a
    }
    return b
}

func apply<T, R>(f: func(T) R, x: T) R {
    return f(x)
}

func twice(x: int64) float64 {
    return cast<float64>(x) * 2.0
}

func count<T>(s: []T, n: int64) int64 {
    return len(s) + n
}

func main() int32 {
    let p = Pair<int32, float64>{a: 3, b: 1.5}
    let q = p.swap()
    printf("%g %d\n", q.a, q.b)
    let v: collections.vector<int64> = {}
    v.push(4)
    v.push(5)
    printf("%lld\n", v.sum())
    let x: int64 = 7
    printf("%lld %d %g %g\n", first(&x), max(3, 9), max(2.5, 1.0), apply(twice, x))
    let arr: [3]int32 = {1, 2, 3}
    printf("%lld\n", count(arr[..], 10))
    let e = max(x, 3)
    printf("%lld\n", e)
    return 0
}
// expect: 1.5 3
// expect: 9
// expect: 7 9 2.5 14
// expect: 13
// expect: 7
