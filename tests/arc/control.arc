// Control flow: every for form, break/continue (continue runs the post
// statement), switch without fall-through, short-circuit && and ||,
// ++/-- as values, defer (last in, first out, at block exit and return).
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


func side(label: string, v: bool) bool {
    print(label)
    return v
}

func deferred(n: int32) int32 {
    defer print("deferred 1\n")
    defer print("deferred 2\n")
    if n > 0 {
        defer print("inner\n")
        print("body\n")
    }
    return n * 2
}

func main() int32 {
    let total = 0
    for let i = 0; i < 10; i++ {
        if i % 2 == 0 {
            continue
        }
        if i > 7 {
            break
        }
        total += i
    }
    line("odd", cast<int64>(total))
    let n = 0
    for n < 5 {
        n++
    }
    line("while", cast<int64>(n))
    let r: int64 = 0
    for i in 2..5 {
        r = r * 10 + cast<int64>(i)
    }
    line("range", r)
    let u: uint8 = 250
    let count = 0
    for k in u..255 {
        count++
        let sq = k
        sq = sq * sq
    }
    line("urange", cast<int64>(count))
    for x in 0..6 {
        switch x {
        case 0, 1:
            print("small ")
        case 3:
            print("three ")
            if x == 3 {
                break
            }
            print("never ")
        default:
            print("other ")
        }
    }
    print("\n")
    if side("a", false) && side("b", true) {
        print("wrong")
    }
    if side("c", true) || side("d", true) {
        print(" ok\n")
    }
    let v = 5
    let post = v++
    let pre = ++v
    line("incdec", cast<int64>(post * 100 + pre * 10 + v))
    let w = v--
    line("dec", cast<int64>(w * 10 + --v))
    line("defer", cast<int64>(deferred(4)))
    let nested = 0
    for a in 0..3 {
        for b in 0..3 {
            if b == 2 {
                continue
            }
            if a == 2 {
                break
            }
            nested += 1
        }
    }
    line("nested", cast<int64>(nested))
    return 0
}
// expect: odd 16
// expect: while 5
// expect: range 234
// expect: urange 5
// expect: small small other three other other 
// expect: ac ok
// expect: incdec 577
// expect: dec 75
// expect: body
// expect: inner
// expect: deferred 2
// expect: deferred 1
// expect: defer 8
// expect: nested 4
