// In if/for/switch headers `Name {` opens the body (Go's rule): a struct
// literal there must be parenthesised.
struct P {
    x: int32
}

func f(p: P) bool {
    if p.x == (P{x: 1}).x {
        return true
    }
    if p == P{x: 1} {
        return false
    }
    return false
}
// error: 11:16: expected a newline or ';' after the statement, found ':'
// error: 11:21: expected a newline or ';' after the statement, found '{'
