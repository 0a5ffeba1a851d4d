// vector<T> and map<K, V> from stdlib_arc/collections.arc (ARC.md section
// 11): push/pop/len/get/items/free; set/get/has/remove/iteration/len/free
// with integer and string keys, 10,000 keys with removals checked against
// what is expected.
namespace main

import "collections"

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    let v: collections.vector<int64> = {}
    for i in 0..100 {
        v.push(cast<int64>(i) * 3)
    }
    let total: int64 = 0
    for x in v.items() {
        total += x
    }
    printf("vector len %lld get(10) %lld total %lld pop %lld len %lld\n", v.len(), v.get(10), total, v.pop(), v.len())
    v.free()

    let m = collections.int_map<int64>()
    for i in 0..10000 {
        m.set(cast<int64>(i), cast<int64>(i) * 2)
    }
    for i in 0..10000 {
        if i % 3 == 0 {
            m.remove(cast<int64>(i))
        }
    }
    let bad = 0
    for i in 0..10000 {
        let (val, ok) = m.get(cast<int64>(i))
        if ok != (i % 3 != 0) || (ok && val != cast<int64>(i) * 2) {
            bad++
        }
    }
    let sum: int64 = 0
    for i in 0..m.cap() {
        if m.used(i) {
            sum += m.value(i)
        }
    }
    printf("int map len %lld bad %d sum %lld has(3) %d has(4) %d\n", m.len(), bad, sum, m.has(3), m.has(4))
    m.free()

    let words = collections.string_map<int32>()
    words.set("apple", 1)
    words.set("pear", 2)
    words.set("apple", 3)
    let (a, aok) = words.get("apple")
    let (z, zok) = words.get("zebra")
    printf("string map len %lld apple %d %d zebra %d %d\n", words.len(), a, aok, z, zok)
    words.free()
    return 0
}
// expect: vector len 100 get(10) 30 total 14850 pop 297 len 99
// expect: int map len 6666 bad 0 sum 66653334 has(3) 0 has(4) 1
// expect: string map len 2 apple 3 1 zebra 0 0
