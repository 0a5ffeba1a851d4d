// Aggregates by value (await of a struct, array returns, nested arrays of
// structs, a 100 KB array), compound assignments, conversions.
namespace main
extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
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
    a: int64
    b: int32
}

struct Holder {
    vals: [3]int32
    p: Pair
}

async func mk(x: int64) Pair {
    return Pair{a: x, b: 7}
}

func arr3(k: int32) [3]int32 {
    let r: [3]int32 = {k, k + 1, k + 2}
    return r
}

func fill(h: *Holder) {
    for i in 0..3 {
        h.vals[i] = i * 10
    }
    h.p.a = 99
}

func main() int32 {
    let t = mk(40)
    let p = await t
    line("await agg", p.a + cast<int64>(p.b))
    let a = arr3(5)
    line("arr ret", cast<int64>(a[0] + a[2]))
    let h = Holder{}
    fill(&h)
    line("holder", cast<int64>(h.vals[2]) + h.p.a)
    let big: [100000]byte = {}
    big[99999] = 3
    line("big", cast<int64>(big[99999]))
    let hs: [2]Holder = {}
    hs[1].vals[1] = 4
    hs[1].p.b = 5
    line("nested", cast<int64>(hs[1].vals[1] + hs[1].p.b))
    var w = 1
    w <<= 4
    w |= 1
    w ^= 3
    line("ops", cast<int64>(w))
    let f = 3.75
    line("ftoi", cast<int64>(f))
    let neg = cast<int32>(-2.9)
    line("trunc", cast<int64>(neg))
    let u8: uint8 = 200
    line("zext", cast<int64>(u8))
    let s8 = cast<int8>(u8)
    line("sext", cast<int64>(s8))
    let pi: int32 = -1
    line("u32", cast<int64>(cast<uint32>(pi)))
    return 0
}
// expect: await agg 47
// expect: arr ret 12
// expect: holder 119
// expect: big 3
// expect: nested 9
// expect: ops 18
// expect: ftoi 3
// expect: trunc -2
// expect: zext 200
// expect: sext -56
// expect: u32 4294967295
