// A float literal beyond float64's largest value is an error, not infinity.
func f() {
    let a = 1e99999
    let b = 1.7976931348623159e308
}
// error: 3:13: float literal '1e99999' is out of range (above float64's largest)
// error: 4:13: float literal '1.7976931348623159e308' is out of range (above float64's largest)
