// The blank name '_' (Go's): it takes a value nothing reads, and may be
// declared again and again in one scope: in a tuple `let`, a plain `let`
// and a `for i, x in` loop.
// expect: 4 true 5 3
namespace main

extern c {
    func printf(*byte, ...) int32
}

func two() (int32, bool) {
    return (4, true)
}

func main() int32 {
    let (a, _) = two()
    let (_, ok) = two()
    let (_, _) = two()
    let _ = a + 1
    let v: [3]int32 = {}
    v[1] = 5
    let s: int32 = 0
    let n: int32 = 0
    for _, x in v[0..3] {
        s += x
        n++
    }
    let okname = "false"
    if ok {
        okname = "true"
    }
    printf("%d %s %d %d\n", a, okname, s, n)
    return 0
}
