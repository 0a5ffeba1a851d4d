// Globals that start as {...}: arrays, structs (padding between fields
// zero), arrays of structs and of arrays, pointers (&global, null); the
// elements not written are zero.  (They were all zero, silently.)
namespace main
extern c {
    func printf(*byte, ...) int32
}
struct P {
    a: int8
    b: int64
    c: float32
}
let one: int32 = 7
let ps: [3]P = {{1, 2, 1.5}, {-3, 0x100000000, 2}}
let f: [4]float64 = {1, 2.5}
let q: P = {5, -6, 0.25}
let ptrs: [2]*int32 = {&one, null}
let m: [2][3]int16 = {{1, 2, 3}, {-4}}
func main() int32 {
    for i in 0..3 {
        printf("%d %ld %.2f\n", ps[i].a, ps[i].b, cast<float64>(ps[i].c))
    }
    printf("%.2f %.2f %.2f %.2f\n", f[0], f[1], f[2], f[3])
    printf("%d %ld %.2f %d %d\n", q.a, q.b, cast<float64>(q.c), *ptrs[0], ptrs[1] == null)
    printf("%d %d %d %d %d %d\n", m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2])
    return 0
}
// expect: 1 2 1.50
// expect: -3 4294967296 2.00
// expect: 0 0 0.00
// expect: 1.00 2.50 0.00 0.00
// expect: 5 -6 0.25 7 1
// expect: 1 2 3 -4 0 0
