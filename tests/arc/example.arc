namespace main

extern c {
    func printf(*byte, ...) int32
}

struct Rect {
    w: int32
    h: int32

    func area(self r: Rect) int32 {
        return r.w * r.h
    }
}

enum Shape {
    SQUARE
    WIDE = 10
}

func divmod(a: int32, b: int32) (int32, int32) {
    return (a / b, a % b)
}

async func fib(n: int32) int64 {
    if n < 2 {
        return cast<int64>(n)
    }
    let left = fib(n - 1)
    let right = fib(n - 2)
    return await left + await right
}

func main() int32 {
    let r = Rect{w: 3, h: 4}
    let (q, m) = divmod(17, 5)
    let buf: [8]byte = {}
    buf[0] = 'h'
    defer printf("bye\n")
    for i in 0..3 {
        switch i {
        case 0, 1:
            printf("small %d\n", i)
        default:
            printf("other %d\n", i)
        }
    }
    printf("area=%d q=%d m=%d shape=%d %s\n", r.area(), q, m, Shape.WIDE, &buf)
    printf("fib=%lld\n", await fib(20))
    return 0
}
// The example of ARC.md, unchanged; printf comes from the C layer in Arc
// (stdlib_arc/libc.arc), compiled in because the extern c block names it.
// workers: 1 2
// expect: small 0
// expect: small 1
// expect: other 2
// expect: area=12 q=3 m=2 shape=10 h
// expect: fib=6765
// expect: bye
