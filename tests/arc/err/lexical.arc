// Lexical errors: bad escapes, stray characters, malformed numbers.
func f() {
    let s = "bad \q escape"
    let c = @
    let n = 0x
    let m = 12abc
}
// error: 3:18: unknown escape sequence '\q'
// error: 4:13: unexpected character '@'
// error: 5:13: malformed integer literal '0x'
// error: 6:13: malformed integer literal '12abc'
