// A constant shift count must be in 0 .. bits-1, and a float constant
// must stay finite in its type.
func f() {
    let a = 1 << -1
    let x: int32 = 5
    let b = x << 32
    let c = x >> 31
    let u: uint8 = 1
    let d = u >> 8
    x <<= 40
    let g: float32 = 1e39
    let h = 1e300 * 1e300
    let i: float32 = 3.4e38
}
// error: 4:18: negative shift count -1
// error: 6:18: shift count 32 is too large for int32 (at most 31)
// error: 9:18: shift count 8 is too large for uint8 (at most 7)
// error: 10:11: shift count 40 is too large for int32 (at most 31)
// error: 11:22: constant 1e+39 does not fit in float32
// error: 12:19: constant overflow: the result is out of range of float64
