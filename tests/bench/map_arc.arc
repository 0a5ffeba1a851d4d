// make bench: 1,000,000 inserts then 1,000,000 lookups (half present) in
// collections.map<int64, int64>; prints "hits 500000" (checked by run.sh).
// Its twin is map_c.c.
namespace main

import "collections"

extern c {
    func printf(*byte, ...) int32
}

const N: int64 = 1000000

func main() int32 {
    let m = collections.int_map<int64>()
    for i in 0..N {
        m.set(i * 2, i)
    }
    let hits: int64 = 0
    for i in 0..N {
        let (v, ok) = m.get(i)
        if ok && v * 2 == i {
            hits++
        }
    }
    printf("hits %lld\n", hits)
    m.free()
    return 0
}
