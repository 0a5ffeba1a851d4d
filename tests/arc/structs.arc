// Structs with C layout, methods (in the body and at top level, value and
// pointer receivers), nested literals, arrays, enums, sizeof.
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
    let u = cast<uint64>(v)
    if v < 0 {
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
    if v < 0 {
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

struct Point {
    x: int32
    y: int32
}

class Rect {
    origin: Point,
    w: int32, h: int32

    func area(self r: Rect) int32 {
        return r.w * r.h
    }

    func grow(self r: *Rect, d: int32) {
        r.w += d
        r.h = r.h + d
    }
}

func perimeter(self r: Rect) int32 {
    return 2 * (r.w + r.h)
}

struct Mixed {
    a: byte
    b: int64
    c: int16
}

enum Color {
    RED
    GREEN = 5
    BLUE
}

enum Small { A, B, C }

func swap(p: Point) Point {
    return Point{x: p.y, y: p.x}
}

func sum(a: *int32) int32 {
    let s = 0
    for i in 0..4 {
        s += a[i]
    }
    return s
}

func main() int32 {
    let r = Rect{
        origin: Point{x: 1, y: 2},
        w: 3,
        h: 4,
    }
    line("area", cast<int64>(r.area()))
    r.grow(2)
    line("grown", cast<int64>(r.area()))
    let pr = &r
    pr.grow(1)
    line("perimeter", cast<int64>(pr.perimeter()))
    line("origin", cast<int64>(r.origin.x * 10 + pr.origin.y))
    let q = swap(r.origin)
    line("swap", cast<int64>(q.x * 10 + q.y))
    let copy = r
    copy.w = 100
    line("copy", cast<int64>(r.w + copy.w))
    line("sizeof", cast<int64>(sizeof(Point) + sizeof(Mixed) * 100))
    line("alignof", cast<int64>(alignof(Mixed)))
    line("enum", cast<int64>(Color.RED + Color.GREEN * 10 + Color.BLUE * 100 + Small.C * 1000))
    let arr: [4]int32 = {1, 2, 3}
    arr[3] = 10
    line("array", cast<int64>(sum(&arr)))
    let grid: [2][3]int32 = {}
    grid[1][2] = 7
    grid[0][1] = 5
    line("grid", cast<int64>(grid[1][2] * 10 + grid[0][1]))
    let z = Point{}
    line("zero", cast<int64>(z.x + z.y))
    let c = Color.BLUE
    switch c {
    case Color.RED:
        print("red\n")
    case Color.GREEN, Color.BLUE:
        print("green or blue\n")
    }
    return 0
}
// expect: area 12
// expect: grown 30
// expect: perimeter 26
// expect: origin 12
// expect: swap 21
// expect: copy 106
// expect: sizeof 2408
// expect: alignof 8
// expect: enum 2650
// expect: array 16
// expect: grid 75
// expect: zero 0
// expect: green or blue
