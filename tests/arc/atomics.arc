// Atomics (ARC.md section 11): atomic_add (returns the previous value),
// atomic_load, atomic_store and atomic_cas on integer globals and
// pointers, lowered to lock xadd / mov / xchg / lock cmpxchg.  Eight tasks
// on several workers each add 10,000 times to one global.
// workers: 1 4
namespace main

extern c {
    func printf(*byte, ...) int32
}

var hits: int64
var small: int32 = 5
var slot: *int32

async func worker(n: int32) int32 {
    for i in 0..n {
        atomic_add(&hits, 1)
    }
    return n
}

func main() int32 {
    let ts: [8]Task<int32> = {}
    for i in 0..8 {
        ts[i] = worker(10000)
    }
    let sum = 0
    for i in 0..8 {
        sum += await ts[i]
    }
    printf("sum %d hits %lld\n", sum, atomic_load(&hits))
    printf("prev %d now %d\n", atomic_add(&small, 3), atomic_load(&small))
    printf("cas %d %d small %d\n", atomic_cas(&small, 8, 20), atomic_cas(&small, 8, 30), small)
    atomic_store(&small, -1)
    let x: int32 = 77
    atomic_store(&slot, &x)
    let p = atomic_load(&slot)
    printf("small %d *slot %d cas ptr %d\n", small, *p, atomic_cas(&slot, &x, null))
    printf("slot null %d\n", slot == null)
    return 0
}
// expect: sum 80000 hits 80000
// expect: prev 5 now 8
// expect: cas 1 0 small 20
// expect: small -1 *slot 77 cas ptr 1
// expect: slot null 1
