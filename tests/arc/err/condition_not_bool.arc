// Conditions must be bool.
func f(x: int32, p: *int32) {
    if x {
    }
    for p {
    }
    let b = !x
}
// error: 3:8: an if condition must be bool, not int32
// error: 5:9: a for condition must be bool, not *int32
// error: 7:13: operator '!' needs bool, not int32
