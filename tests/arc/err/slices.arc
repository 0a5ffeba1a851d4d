// Slices: what can be sliced, indexed and measured.
func f() int32 {
    return 1
}

func main() {
    let x = 5
    let s = x[1..2]
    let p: *int32 = null
    let q = p[1..]
    let n = len(x)
    for e in x {
    }
    let a: [4]int32 = {}
    let b = a[true..2]
    let v: *void = null
    let w = v[0..1]
    let u = a[..nothere]
}
// error: 8:14: cannot slice int32
// error: 10:14: slicing a pointer needs an end: p[lo..hi]
// error: 11:17: len takes an array, a slice or a string, not int32
// error: 12:14: for-in needs a range a..b, an array, a slice or a value with an items() slice, not int32
// error: 15:15: a slice bound must be an integer, not bool
// error: 17:14: cannot slice *void
// error: 18:17: undefined name 'nothere'
