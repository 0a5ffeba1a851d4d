// Calls: argument count and types, methods on the right receiver.
struct P {
    x: int32
}

func take(a: int32, b: *byte) {
}

func main() {
    take(1)
    take(1, 2)
    let p = P{x: 1, y: 2}
    p.nothing()
}
// error: 10:5: 'take' takes 2 argument(s), not 1
// error: 11:13: cannot use untyped integer as *uint8 for argument 2 of 'take'
// error: 12:24: P has no field 'y'
// error: 13:6: P has no method 'nothing'
