// Value numbering (gen/opt.c: opt_cse, opt_dce).  The same pure
// computation, or load of one place, twice on a straight-line path is
// done once (a store's value is read back without a load), and each
// result here depends on the pass keeping apart what must stay apart:
// loads of one place with a store, a store through an alias, a call or
// an intrinsic (memcpy) between; an operand assigned between two
// equal-looking expressions; a copy whose source is assigned after it;
// facts of one branch of an if not used in the other, nor after the join;
// a loop whose variables change every iteration.  tests/e2e/arc.sh checks
// in `arc ir` that index() computes its sign extension once.
// expect: index 3 3 3 12
// expect: store 5 7 12
// expect: alias 5 9
// expect: call 5 19
// expect: reassigned 7 10
// expect: copy 4 9
// expect: branches 12 -2 | 10 2
// expect: loop 0 45 384
// expect: floats 2.5 -0 0 -nan
// expect: memcpy 4 9 forwarded 11 12
namespace main

extern c {
    func printf(*byte, ...) int32
}

var g: [4]int32 = {1, 2, 3, 4}

// a[i] three times: one sext of i (and one bounds check) for all three
func index(a: []int32, i: int32) int32 {
    return a[i] + a[i] * a[i]
}

func poke(p: *int32) {
    *p = *p + 10
}

func branches(c: bool, x: int32, y: int32) int32 {
    let r = 0
    if c {
        r = x + y
    } else {
        r = x - y
    }
    // x + y again: after the join, not known from either branch alone
    return r + (x + y) - (x + y)
}

func main() int32 {
    let i: int32 = 2
    printf("index %d %d %d %d\n", g[i], g[i], g[i], index(g[..], i))

    let a: [4]int32 = {1, 2, 5, 4}
    let s1 = a[i]
    a[i] = 7
    let s2 = a[i]
    printf("store %d %d %d\n", s1, s2, s1 + s2)

    let p = &a[i]
    a[i] = 5
    let b1 = a[i]
    *p = 9
    let b2 = a[i]
    printf("alias %d %d\n", b1, b2)

    let c1 = a[i]
    poke(&a[i])
    let c2 = a[i]
    printf("call %d %d\n", c1 - 4, c2)

    let x: int32 = 3
    let y: int32 = 4
    let e1 = x + y
    x = 6
    let e2 = x + y
    printf("reassigned %d %d\n", e1, e2)

    let u: int32 = 4
    let v = u
    u = 9
    printf("copy %d %d\n", v, u)

    printf("branches %d %d | %d %d\n", branches(true, 5, 7), branches(false, 5, 7),
           branches(true, 6, 4), branches(false, 6, 4))

    let k: int32 = 0
    let sum: int32 = 0
    let sq: int32 = 0
    for let n: int32 = 0; n < 10; n++ {
        k = n % 3
        sum += n
        sq += (n + k) * (n + k)
    }
    printf("loop %d %d %d\n", k, sum, sq)

    let f = 1.5
    let z = 0.0
    let n1 = f + 1.0
    let neg = -z
    let nan = z / z
    printf("floats %g %g %g %g\n", n1, neg, z, nan)

    // an intrinsic writing memory between two loads; a stored value
    // read back, then the place written through another name
    let src: [4]int32 = {9, 9, 9, 9}
    let m1 = a[3]
    memcpy(&a[3], &src[0], 4)
    let m2 = a[3]
    let w = &a[1]
    *w = 11
    let f1 = *w
    a[1] = 12
    let f2 = *w
    printf("memcpy %d %d forwarded %d %d\n", m1, m2, f1, f2)
    return 0
}
