// Function values (ARC.md section 11): func types, named and extern c
// functions as values, calls through values, null, fields, parameters and
// array elements of function type, capture-free literals, async func
// values, and C function pointers both ways (funcvals_c.c).
// cc: funcvals_c.c
namespace main

extern c {
    func printf(*byte, ...) int32
    func c_apply(f: func(int32) int32, x: int32) int32
    func c_twice() func(int32) int32
    func c_sort(p: *int32, n: int32, cmp: func(*int32, *int32) int32)
}

struct Op {
    name: string
    f: func(int32, int32) int32
}

func add(a: int32, b: int32) int32 {
    return a + b
}

func sub(a: int32, b: int32) int32 {
    return a - b
}

func apply(f: func(int32, int32) int32, a: int32, b: int32) int32 {
    return f(a, b)
}

func pick(minus: bool) func(int32, int32) int32 {
    if minus {
        return sub
    }
    return add
}

async func square(x: int32) int64 {
    return cast<int64>(x) * cast<int64>(x)
}

func cmp_desc(a: *int32, b: *int32) int32 {
    return *b - *a
}

const SCALE = 3

func main() int32 {
    let f: func(int32, int32) int32 = add
    printf("f(2, 3)=%d\n", f(2, 3))
    f = sub
    printf("f(2, 3)=%d\n", f(2, 3))
    printf("apply=%d pick=%d\n", apply(add, 10, 5), pick(true)(10, 5))
    let g: func(int32, int32) int32 = null
    printf("null? %d %d\n", g == null, f != null)
    g = f
    printf("same? %d %d\n", g == f, g == add)
    let ops: [2]Op = {Op{name: "add", f: add}, Op{name: "sub", f: sub}}
    for i in 0..2 {
        printf("%s %d\n", ops[i].name, ops[i].f(7, 2))
    }
    let table: [3]func(int32) int32 = {}
    table[0] = func(x: int32) int32 { return x * 2 }
    table[1] = func(x: int32) int32 { return x * SCALE }
    table[2] = func(x: int32) int32 {
        let y = x + 1
        return y * y
    }
    for i in 0..3 {
        printf("table[%d](5)=%d\n", i, table[i](5))
    }
    let sq: async func(int32) int64 = square
    let t = sq(12)
    printf("await sq(12)=%lld\n", await t)
    let lit = async func(x: int32) int64 { return cast<int64>(x) + 1 }
    printf("await lit(41)=%lld\n", await lit(41))
    // C calls Arc, Arc calls C
    printf("c_apply=%d\n", c_apply(func(x: int32) int32 { return x + 100 }, 1))
    let tw = c_twice()
    printf("c_twice=%d\n", tw(21))
    let pf: func(*byte, ...) int32 = printf
    pf("through %s %d\n", "printf", 1)
    let v: [5]int32 = {3, 1, 4, 1, 5}
    c_sort(&v[0], 5, cmp_desc)
    printf("%d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4])
    return 0
}
// expect: f(2, 3)=5
// expect: f(2, 3)=-1
// expect: apply=15 pick=5
// expect: null? 1 1
// expect: same? 1 0
// expect: add 9
// expect: sub 5
// expect: table[0](5)=10
// expect: table[1](5)=15
// expect: table[2](5)=36
// expect: await sq(12)=144
// expect: await lit(41)=42
// expect: c_apply=101
// expect: c_twice=42
// expect: through printf 1
// expect: 5 4 3 1 1
