// binary-trees: tests/bench/c/binarytrees.c in Arc (the same algorithm and
// output; depth N from the command line), node by node on the C layer's
// malloc and free.
namespace main

import "os"

extern c {
    func printf(*byte, ...) int32
    func malloc(usize) *void
    func free(*void)
    func atoi(*byte) int32
}

struct Node {
    l: *Node
    r: *Node
}

func make(d: int32) *Node {
    let t = cast<*Node>(malloc(sizeof(Node)))
    if d > 0 {
        t.l = make(d - 1)
        t.r = make(d - 1)
    } else {
        t.l = null
        t.r = null
    }
    return t
}

func check(t: *Node) int32 {
    if t.l == null {
        return 1
    }
    return 1 + check(t.l) + check(t.r)
}

func drop(t: *Node) {
    if t.l != null {
        drop(t.l)
        drop(t.r)
    }
    free(t)
}

func main() int32 {
    let n: int32 = 10
    if os.argc() > 1 {
        n = atoi(os.arg(1))
    }
    let maxd = n
    if maxd < 6 {
        maxd = 6
    }
    let s = make(maxd + 1)
    printf("stretch tree of depth %d\t check: %d\n", maxd + 1, check(s))
    drop(s)
    let longlived = make(maxd)
    for let d: int32 = 4; d <= maxd; d += 2 {
        let iters: int32 = 1 << (maxd - d + 4)
        let c = 0
        for let i: int32 = 0; i < iters; i++ {
            let t = make(d)
            c += check(t)
            drop(t)
        }
        printf("%d\t trees of depth %d\t check: %d\n", iters, d, c)
    }
    printf("long lived tree of depth %d\t check: %d\n", maxd, check(longlived))
    drop(longlived)
    return 0
}
