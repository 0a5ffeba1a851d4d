// for x in v and for i, x in v directly on a collections.vector<T> (the
// vector's items() slice), through a pointer too, and on an empty one.
namespace main

import "collections"

extern c {
    func printf(*byte, ...) int32
}

func total(v: *collections.vector<int32>) int64 {
    let t: int64 = 0
    for x in v {
        t += cast<int64>(x)
    }
    return t
}

func main() int32 {
    let v: collections.vector<int32> = {}
    for i in 0..5 {
        v.push(cast<int32>(i * i))
    }
    for x in v {
        printf(" %d", x)
    }
    printf("\n")
    for i, x in v {
        printf(" %lld:%d", i, x)
    }
    printf("\n%lld\n", total(&v))
    let w: collections.vector<string> = {}
    w.push("a")
    w.push("bc")
    for s in w {
        printf("%s.", s)
    }
    printf("\n")
    let e: collections.vector<int64> = {}
    for x in e {
        printf("never %lld\n", x)
    }
    return 0
}
// expect:  0 1 4 9 16
// expect:  0:0 1:1 2:4 3:9 4:16
// expect: 30
// expect: a.bc.
