// Scalar replacement (gen/opt.c opt_sroa): tuples built by inlined
// functions and struct locals read and written by field become vregs;
// tests/e2e/arc.sh checks that sum_pairs and struct_local keep no alloca,
// and that a struct whose address is passed on keeps its own.  The output
// is compared with sroa_ref.c built by gcc.
namespace main

extern c {
    func printf(*byte, ...) int32
}

func split(x: int64) (int64, int64) {
    return (x >> 32, x & 0xffffffff)
}

func mixed(x: int32) (int32, float64, int8) {
    return (x * 3, cast<float64>(x) / 4.0, cast<int8>(x))
}

func sum_pairs(n: int64) int64 {
    let s: int64 = 0
    for let i: int64 = 0; i < n; i++ {
        let (h, l) = split(i * 4294967297)
        s += h * 3 + l
    }
    return s
}

struct P {
    x: int64
    y: int64
}

func struct_local(a: int64) int64 {
    let p = P{x: a, y: a * 2}
    p.x += 1
    if a > 10 {
        p.y = p.x - p.y
    }
    return p.x * 1000 + p.y
}

func bump(p: *P) {
    p.y += 7
}

func escapes(a: int64) int64 {
    let p = P{x: a, y: 1}
    bump(&p)
    return p.x + p.y
}

func mixed_sum(n: int32) float64 {
    let t = 0.0
    for let i: int32 = 0; i < n; i++ {
        let (a, b, c) = mixed(i)
        t += cast<float64>(a) + b + cast<float64>(c)
    }
    return t
}

func main() int32 {
    printf("%ld\n", sum_pairs(100000))
    printf("%ld %ld\n", struct_local(5), struct_local(20))
    printf("%ld\n", escapes(40))
    printf("%.3f\n", mixed_sum(300))
    return 0
}
