// Modules (ARC.md section 7): the standard library's io and a module
// next to this file (mod/geom.arc), which imports io itself.
namespace main

import "io"
import "mod/geom"

// the main file's own names do not clash with the modules'
func make() int32 {
    return 42
}

func main() int32 {
    let p = geom.make(1, -2)
    geom.show(p)
    p.scaled(2)
    geom.show(p)
    io.print("norm1 ")
    io.print_int(cast<int64>(p.norm1()))
    io.println("")
    let q: geom.Point = geom.Point{x: 5, y: geom.ORIGIN_X}
    let pp: *geom.Point = &q
    io.print_int(cast<int64>(pp.x + geom.SCALE))
    io.println("")
    io.print_int(cast<int64>(geom.Kind.LINE + geom.secret()))
    io.println("")
    io.print_int(cast<int64>(geom.biggest<int32>(3, 9)))
    io.println("")
    io.print_int(cast<int64>(make()))
    io.println("")
    io.print_int(-9223372036854775807 - 1)
    io.println("")
    io.print_uint(18446744073709551615)
    io.println("")
    io.print_hex(0xdeadBEEF)
    io.println("")
    io.eprint("stderr is not checked\n")
    return 0
}
// expect: (3, -6)
// expect: (6, -12)
// expect: norm1 18
// expect: 8
// expect: 15
// expect: 9
// expect: 42
// expect: -9223372036854775808
// expect: 18446744073709551615
// expect: deadbeef
