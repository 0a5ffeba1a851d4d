// Constants are immutable; only lvalues can be assigned.
const K: int32 = 3

func f() {
    const local = 4
    K = 5
    local++
    f() = 1
}
// error: 6:5: cannot assign to constant 'K'
// error: 7:5: cannot increment constant 'local'
// error: 8:5: cannot assign to this expression
