// A global starts as a zero, a constant, null or &global, or {...} of
// those: never a computed value or a string, not even as an element.
func seven() int32 {
    return 7
}

let a: int32 = seven()
let b: *byte = "text"
let c: int32 = 0
let d: int32 = c + 1
let e: [3]int32 = {1, seven(), 3}
let f: [2]*byte = {null, "text"}
// error: 7:16: a global needs a constant value, {}, null or &global
// error: 8:16: a global cannot start as a string literal
// error: 10:18: a global needs a constant value, {}, null or &global
// error: 11:23: a global needs a constant value, {}, null or &global
// error: 12:26: a global cannot start as a string literal
