// Slices (ARC.md section 11): []T is (pointer, length); a[lo..hi] on
// arrays, slices and pointers; len on arrays, slices and strings; for-in
// with and without the index; slices as parameters and results and of
// structs; bounds-checked indexing that stays in range here.
namespace main

extern c {
    func printf(*byte, ...) int32
}

struct Point {
    x: int32
    y: int32
}

func sum(s: []int32) int64 {
    let t: int64 = 0
    for x in s {
        t += cast<int64>(x)
    }
    return t
}

func evens(a: []int32) []int32 {
    // the first half, as a new view of the same memory
    return a[0..len(a) / 2]
}

func scale(ps: []Point, k: int32) {
    for i in 0..len(ps) {
        ps[i].x *= k
        ps[i].y *= k
    }
}

func main() int32 {
    let a: [6]int32 = {1, 2, 3, 4, 5, 6}
    let s = a[1..4]
    printf("len(a)=%lld len(s)=%lld s[0]=%d s[2]=%d\n", len(a), len(s), s[0], s[2])
    s[1] = 30
    printf("a[2]=%d sum(a)=%lld sum(s)=%lld\n", a[2], sum(a[..]), sum(s))
    let h = evens(a[0..6])
    printf("evens: len %lld last %d\n", len(h), h[len(h) - 1])
    let t = s[1..]
    printf("s[1..]: len %lld first %d\n", len(t), t[0])
    let p: *int32 = &a[0]
    let q = p[2..5]
    printf("p[2..5]: len %lld sum %lld\n", len(q), sum(q))
    for i, x in a {
        if i % 2 == 0 {
            printf("a[%lld]=%d ", i, x)
        }
    }
    printf("\n")
    let pts: [3]Point = {Point{x: 1, y: 2}, Point{x: 3, y: 4}, Point{x: 5, y: 6}}
    scale(pts[..], 10)
    for pt in pts {
        printf("(%d,%d) ", pt.x, pt.y)
    }
    printf("\n")
    let msg = "hello, slices"
    printf("len(msg)=%lld\n", len(msg))
    let empty: []int32 = {}
    printf("empty: len %lld sum %lld\n", len(empty), sum(empty))
    let n = 0
    for x in empty {
        n += x
    }
    for i in 0..len(a) {
        a[i] = a[i] * 2
    }
    printf("n=%d a[5]=%d\n", n, a[5])
    return 0
}
// expect: len(a)=6 len(s)=3 s[0]=2 s[2]=4
// expect: a[2]=30 sum(a)=48 sum(s)=36
// expect: evens: len 3 last 30
// expect: s[1..]: len 2 first 30
// expect: p[2..5]: len 3 sum 39
// expect: a[0]=1 a[2]=30 a[4]=5 
// expect: (10,20) (30,40) (50,60) 
// expect: len(msg)=13
// expect: empty: len 0 sum 0
// expect: n=0 a[5]=12
