// Integers, locals, arithmetic, comparisons, casts and control flow,
// printed through the runtime's C ABI.
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

const LIMIT: int32 = 100
const BIG = 18446744073709551615

func sum_to(n: int32) int32 {
    let s = 0
    for let i = 0; i <= n; i++ {
        s += i
    }
    return s
}

func classify(x: int32) int32 {
    if x < 0 {
        return -1
    } else if x == 0 {
        return 0
    } else {
        return 1
    }
}

func main() int32 {
    line("sum", cast<int64>(sum_to(LIMIT)))
    let a: int8 = -128
    a--
    line("wrap8", cast<int64>(a))
    let b: uint8 = 0x0F
    line("not8", cast<int64>(~b))
    line("div", cast<int64>(-7 / 2))
    let m: int32 = -7
    line("rem", cast<int64>(m % 2))
    let sh: int32 = -16
    line("ashr", cast<int64>(sh >> 2))
    let ush: uint32 = 0xFFFF_FFF0
    line("lshr", cast<int64>(ush >> 28))
    let big: uint64 = BIG
    line("big", cast<int64>(big >> 60))
    line("bin", cast<int64>(0b1010 + 0o17 + 1_000))
    line("cls", cast<int64>(classify(-5) + classify(0) * 10 + classify(7) * 100))
    let f = 1.5e1
    line("flt", cast<int64>(f * 2.0))
    let t = true
    if t && !(LIMIT > 200) || false {
        line("logic", 1)
    }
    let c = 'A'
    let cc: char = c
    line("char", cast<int64>(cc))
    return 7
}
// expect: sum 5050
// expect: wrap8 127
// expect: not8 240
// expect: div -3
// expect: rem -1
// expect: ashr -4
// expect: lshr 15
// expect: big 15
// expect: bin 1025
// expect: cls 99
// expect: flt 30
// expect: logic 1
// expect: char 65
// status: 7
