// The C ABI from Arc: variadic calls with the default promotions, structs
// passed and returned by value, to freestanding C (cabi_c.c).
namespace main

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
    func c_sum_ints(n: int32, ...) int64
    func c_mixed(tag: *byte, ...) int64
    func c_pair(a: int32, b: int64) Pair
    func c_pair_sum(p: Pair) int64
    func c_vec_len2(v: Vec2) float64
}

func print(s: string) {
    arc_write(1, s, strlen(s))
}

func print_int(v: int64) {
    let buf: [24]byte = {}
    let i = 23
    let neg = v < 0
    let u = cast<uint64>(v)
    if neg {
        u = cast<uint64>(-v)
    }
    for {
        i--
        buf[i] = cast<byte>(u % 10) + '0'
        u /= 10
        if u == 0 {
            break
        }
    }
    if neg {
        i--
        buf[i] = '-'
    }
    arc_write(1, &buf[i], cast<usize>(23 - i))
}

func line(label: string, v: int64) {
    print(label)
    print(" ")
    print_int(v)
    print("\n")
}


struct Pair {
    a: int32
    b: int64
}

struct Vec2 {
    x: float64
    y: float64
}

func main() int32 {
    let small: int8 = -5
    let wide: int64 = 1000000000000
    line("varargs", c_sum_ints(4, 1, small, 3, cast<int32>(wide / 1000000000)))
    let f: float32 = 1.25
    let b: int8 = -3
    let h: uint16 = 65535
    line("promote", c_mixed("x", f, b, h, wide, "x"))
    let p = c_pair(21, 50)
    line("pair", cast<int64>(p.a) * 1000 + p.b)
    line("pair_sum", c_pair_sum(Pair{a: 3, b: 4}))
    let v = Vec2{x: 3.0, y: 4.0}
    line("vec", cast<int64>(c_vec_len2(v)))
    return 0
}
// cc: cabi_c.c
// expect: varargs 999
// expect: promote 1006553497132
// expect: pair 42100
// expect: pair_sum 7
// expect: vec 25
