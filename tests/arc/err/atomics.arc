// Atomics need a pointer to a 32- or 64-bit integer (or, but for add, a
// pointer).
var b: int8
var p: *int32

func main() {
    atomic_add(&b, 1)
    atomic_add(&p, 1)
    let x = atomic_load(5)
}
// error: 7:16: atomic_add needs a pointer to a 32- or 64-bit integer, not *int8
// error: 8:16: atomic_add needs a pointer to a 32- or 64-bit integer, not **int32
// error: 9:25: atomic_load needs a pointer to a 32- or 64-bit integer or a pointer, not untyped integer
