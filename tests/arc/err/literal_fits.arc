// An untyped constant must fit the type its context gives it.
func f() {
    let a: int8 = -128
    let b: int8 = 128
    let c: uint8 = -1
    let d = 18446744073709551615
    let e: uint64 = 18446744073709551615
    let g: int32 = 2.5
    const N = -1
    let h: uint8 = N
    let i: int8 = N
}
// error: 4:19: constant 128 does not fit in int8
// error: 5:20: constant -1 does not fit in uint8
// error: 6:13: constant 18446744073709551615 does not fit in int32
// error: 8:20: a float constant cannot be used as int32 for the initializer
// error: 10:20: constant -1 does not fit in uint8
