// Globals and initialisation (ARC.md section 11): grouped constants,
// top-level var with and without a value, and func init() per module,
// run before main in import order, dependencies first.
namespace main

import "mod/initdep"
import "mod/initlog"

extern c {
    func printf(*byte, ...) int32
}

const (
    WIDTH = 80
    HEIGHT: int64 = 25
    NAME = "grid"
)

const ( A = 1  B = A + 1 )

var cells: int64
let scale = 2

func init() {
    initlog.note("main")
    cells = cast<int64>(WIDTH) * HEIGHT
}

func main() int32 {
    printf("%s %lld cells, ready %d, A+B %d, scale %d\n", NAME, cells, initdep.ready, A + B, scale)
    return 0
}
// expect: init 1: initlog
// expect: init 2: initdep
// expect: init 3: main
// expect: grid 2000 cells, ready 1, A+B 3, scale 2
