// collections: vector<T>, a growable array, and map<K, V>, an open-addressing
// hash table (linear probing, power-of-two capacity, at most 3/4 full,
// backward-shift deletion: no tombstones).  Both live on the runtime's
// heap (new/delete); free() gives the memory back.
//
//   let v: collections.vector<int32> = {}
//   v.push(7)  v.len()  v.get(0)  v.at(0) (*T)  v.pop()  v.items() ([]T)
//   let m = collections.string_map<int64>()     // or int_map<V>()
//   m.set("a", 1)  let (x, ok) = m.get("a")  m.has("a")  m.remove("a")
//   for i in 0..m.cap() { if m.used(i) { m.key(i)  m.value(i) } }
//
// A map's keys are compared and hashed through function values, so any
// key type works with its own hash and eq (new_map); string keys are not
// copied: the map keeps the pointer it was given.
namespace collections

struct vector<T> {
    data: []T
    n: int64

    func len(self v: *vector<T>) int64 {
        return v.n
    }

    func push(self v: *vector<T>, x: T) {
        if v.n == len(v.data) {
            let cap = len(v.data) * 2
            if cap < 8 {
                cap = 8
            }
            let d = new [cap]T
            for i in 0..v.n {
                d[i] = v.data[i]
            }
            if len(v.data) > 0 {
                delete(v.data)
            }
            v.data = d
        }
        v.data[v.n] = x
        v.n++
    }

    // pop removes and returns the last element (index error when empty)
    func pop(self v: *vector<T>) T {
        let x = v.data[v.n - 1]
        v.n--
        return x
    }

    // get is bounds-checked against len, not the capacity
    func get(self v: *vector<T>, i: int64) T {
        return v.items()[i]
    }

    func at(self v: *vector<T>, i: int64) *T {
        let s = v.items()
        return &s[i]
    }

    func set(self v: *vector<T>, i: int64, x: T) {
        let s = v.items()
        s[i] = x
    }

    // items is the elements as a slice (valid until the next push)
    func items(self v: *vector<T>) []T {
        return v.data[0..v.n]
    }

    func free(self v: *vector<T>) {
        if len(v.data) > 0 {
            delete(v.data)
        }
        v.data = {}
        v.n = 0
    }
}

struct map<K, V> {
    keys: []K
    vals: []V
    full: []bool
    n: int64
    hash: func(K) uint64
    eq: func(K, K) bool

    func len(self m: *map<K, V>) int64 {
        return m.n
    }

    func cap(self m: *map<K, V>) int64 {
        return len(m.full)
    }

    func used(self m: *map<K, V>, i: int64) bool {
        return m.full[i]
    }

    func key(self m: *map<K, V>, i: int64) K {
        return m.keys[i]
    }

    func value(self m: *map<K, V>, i: int64) V {
        return m.vals[i]
    }

    // find: the slot holding k, or the empty slot where it would go
    func find(self m: *map<K, V>, k: K) int64 {
        let mask = len(m.full) - 1
        let i = cast<int64>(m.hash(k)) & mask
        for m.full[i] && !m.eq(m.keys[i], k) {
            i = (i + 1) & mask
        }
        return i
    }

    func grow(self m: *map<K, V>) {
        let ok = m.keys
        let ov = m.vals
        let of = m.full
        let cap = len(of) * 2
        if cap < 16 {
            cap = 16
        }
        m.keys = new [cap]K
        m.vals = new [cap]V
        m.full = new [cap]bool
        for i, f in of {
            if f {
                let j = m.find(ok[i])
                m.keys[j] = ok[i]
                m.vals[j] = ov[i]
                m.full[j] = true
            }
        }
        if len(of) > 0 {
            delete(ok)
            delete(ov)
            delete(of)
        }
    }

    func set(self m: *map<K, V>, k: K, v: V) {
        if (m.n + 1) * 4 > len(m.full) * 3 {
            m.grow()
        }
        let i = m.find(k)
        if !m.full[i] {
            m.full[i] = true
            m.keys[i] = k
            m.n++
        }
        m.vals[i] = v
    }

    func get(self m: *map<K, V>, k: K) (V, bool) {
        let zero: V = {}
        if m.n == 0 {
            return (zero, false)
        }
        let i = m.find(k)
        if !m.full[i] {
            return (zero, false)
        }
        return (m.vals[i], true)
    }

    func has(self m: *map<K, V>, k: K) bool {
        return m.n > 0 && m.full[m.find(k)]
    }

    // remove: false when k was absent; later entries of the probe run
    // shift back so that every key stays reachable from its home slot
    func remove(self m: *map<K, V>, k: K) bool {
        if m.n == 0 {
            return false
        }
        let i = m.find(k)
        if !m.full[i] {
            return false
        }
        let mask = len(m.full) - 1
        let j = i
        for {
            m.full[i] = false
            for {
                j = (j + 1) & mask
                if !m.full[j] {
                    m.n--
                    return true
                }
                let home = cast<int64>(m.hash(m.keys[j])) & mask
                // j's key may move to i unless its home lies in (i, j]
                if ((j - home) & mask) >= ((j - i) & mask) {
                    break
                }
            }
            m.keys[i] = m.keys[j]
            m.vals[i] = m.vals[j]
            m.full[i] = true
            i = j
        }
        return false
    }

    func free(self m: *map<K, V>) {
        if len(m.full) > 0 {
            delete(m.keys)
            delete(m.vals)
            delete(m.full)
        }
        m.keys = {}
        m.vals = {}
        m.full = {}
        m.n = 0
    }
}

// FNV-1a over the bytes of s
func hash_string(s: string) uint64 {
    let h: uint64 = 14695981039346656037
    for let p = s; *p != 0; p = p + 1 {
        h = (h ^ cast<uint64>(*p)) * 1099511628211
    }
    return h
}

func eq_string(a: string, b: string) bool {
    return a == b
}

// a 64-bit mix (splitmix64's finaliser)
func hash_int(k: int64) uint64 {
    let x = cast<uint64>(k)
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
    x = (x ^ (x >> 27)) * 0x94d049bb133111eb
    return x ^ (x >> 31)
}

func eq_int(a: int64, b: int64) bool {
    return a == b
}

func new_map<K, V>(hash: func(K) uint64, eq: func(K, K) bool) map<K, V> {
    return map<K, V>{hash: hash, eq: eq}
}

func string_map<V>() map<string, V> {
    return new_map<string, V>(hash_string, eq_string)
}

func int_map<V>() map<int64, V> {
    return new_map<int64, V>(hash_int, eq_int)
}
