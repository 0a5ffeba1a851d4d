// A newline after an identifier ends the statement (Go's rule), so the
// parenthesised line is a statement of its own.
func g(x: int32) int32 {
    return x
}

func f() {
    let a: int32 = g
    (1)
}
// error: 8:20: cannot use func(int32) int32 as int32 for the initializer
// error: 9:6: expression value is not used
