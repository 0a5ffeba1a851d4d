// sqrt takes one number.
func main() int32 {
    let b = sqrt(true)
    let c = sqrt(1.0, 2.0)
    let d = std.math.cos(1.0)
    return 0
}
// error: 3:18: cannot use bool as float64 for sqrt
// error: 4:13: this built-in takes 1 argument(s), not 2
// error: 5:21: unknown intrinsic 'std.math.cos'
