// sqrt(x): the built-in, one sqrtsd (sqrtss on a float32), correctly
// rounded as IEEE 754 requires; the expected lines are glibc's printf of
// glibc's sqrt for the same inputs.
namespace main

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    let xs: [7]float64 = {2.0, 1e308, 5e-324, 0.0, 0.25, 1e-300, 12345.678}
    for i in 0..7 {
        printf("%.17g\n", sqrt(xs[i]))
    }
    let neg = -0.0
    let inf = xs[1] * 10.0
    printf("%g %g %d\n", sqrt(neg), sqrt(inf), sqrt(-1.0) != sqrt(-1.0))
    let f: float32 = 2
    printf("%.9g\n", cast<float64>(sqrt(f)))
    printf("%.17g\n", sqrt(3))
    // the same built-in under a name no function can hide
    let buf: [8]byte = {}
    std.mem.set(&buf[0], 'a', 3)
    printf("%.17g %d\n", std.math.sqrt(xs[0]), cast<int32>(std.str.len(&buf[0])))
    return 0
}
// expect: 1.4142135623730951
// expect: 1e+154
// expect: 2.2227587494850775e-162
// expect: 0
// expect: 0.5
// expect: 1e-150
// expect: 111.11110655555547
// expect: -0 inf 1
// expect: 1.41421354
// expect: 1.7320508075688772
// expect: 1.4142135623730951 3
