// A module for tests/arc/modules.arc: types, constants, an enum,
// methods, a generic function, private names and its own import.
namespace geom

import "io"

const ORIGIN_X: int32 = 0
const SCALE = 3
const _SECRET: int32 = 7

enum Kind {
    POINT
    LINE = 4
}

struct Point {
    x: int32
    y: int32

    func norm1(self p: Point) int32 {
        return _abs(p.x) + _abs(p.y)
    }
}

func scaled(self p: *Point, k: int32) {
    p.x *= k
    p.y *= k
}

func make(x: int32, y: int32) Point {
    return Point{x: x * SCALE, y: y * SCALE}
}

func biggest<T>(a: T, b: T) T {
    if a > b {
        return a
    }
    return b
}

func show(p: Point) {
    io.print("(")
    io.print_int(cast<int64>(p.x))
    io.print(", ")
    io.print_int(cast<int64>(p.y))
    io.println(")")
}

func secret() int32 {
    return _SECRET + Kind.LINE
}

func _abs(v: int32) int32 {
    if v < 0 {
        return -v
    }
    return v
}
