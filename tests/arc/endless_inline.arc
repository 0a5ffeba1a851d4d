// Functions that never return (an endless loop; a tail recursion without
// a base case, which opt_tailrec makes an endless loop) are not inlined
// (gen/opt.c inlinable): inlined, the caller would read a result that
// nothing defines, and the IR failed verification (found by the
// front-end fuzzer).  Neither runs here: the program only has to build
// and take its other path.
// expect: never 0
namespace main

extern c {
    func printf(*byte, ...) int32
}

var go: bool = false

func spin(n: int64) int64 {
    for {
        n++
    }
}

func down(n: int64) int64 {
    return n + down(n - 1)
}

func main() int32 {
    let r: int64 = 0
    if go {
        r = spin(3) + down(5)
    }
    printf("never %lld\n", r)
    return 0
}
