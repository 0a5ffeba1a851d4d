// A newline after an identifier ends the statement (Go's rule), so the
// parenthesised line is a statement of its own.
func g(x: int32) int32 {
    return x
}

func f() {
    let a = g
    (1)
}
// error: 8:13: function 'g' used as a value (call it)
// error: 9:6: expression value is not used
