// Variadic functions written in Arc (va_start/va_arg/va_end, SysV
// convention), CPU intrinsics, float32 arithmetic.
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


func sum(n: int32, ...) int64 {
    let ap = va_start(n)
    let s: int64 = 0
    for i in 0..n {
        s += va_arg(ap, int64)
    }
    va_end(ap)
    return s
}

func mixed(tag: *byte, ...) int64 {
    let ap = va_start(tag)
    let a = va_arg(ap, int8)
    let f = va_arg(ap, float32)
    let d = va_arg(ap, float64)
    let p = va_arg(ap, *byte)
    va_end(ap)
    return cast<int64>(a) * 1000 + cast<int64>(f * 10.0) + cast<int64>(d) + cast<int64>(p[0])
}

func main() int32 {
    line("sum", sum(3, cast<int64>(10), cast<int64>(20), cast<int64>(12)))
    let small: int8 = -2
    let f: float32 = 2.5
    line("mixed", mixed("t", small, f, 100.0, "A"))
    let t0 = std.cpu.rdtsc()
    std.cpu.pause()
    let t1 = std.cpu.rdtsc()
    if t1 >= t0 {
        print("rdtsc ok\n")
    }
    let id = std.cpu.cpuid(0, 0)
    if id.eax >= 0 && id.ebx != 0 {
        print("cpuid ok\n")
    }
    let x: float32 = 1.5
    let y: float32 = x * x + 0.25
    line("f32", cast<int64>(y * 100.0))
    let z: float64 = cast<float64>(y) / 4.0
    if z > 0.6 && z < 0.7 && !(z == 0.0) {
        line("f64", cast<int64>(z * 1000.0))
    }
    return 0
}
// expect: sum 42
// expect: mixed -1810
// expect: rdtsc ok
// expect: cpuid ok
// expect: f32 250
// expect: f64 625
