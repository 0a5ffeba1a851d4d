// Top-level names are unique; a struct cannot contain itself by value;
// main has a fixed signature; switch cases are distinct constants.
struct S {
    inner: S
}

enum E {
    A
    A
}

func f() {
}

func f() {
}

func main(x: int32) int64 {
    switch x {
    case 1, 1:
    case x:
    }
    return 0
}
// error: 15:6: 'f' is already declared
// error: 4:12: struct 'S' contains itself
// error: 7:6: duplicate member 'A' in enum E
// error: 18:6: main takes no parameters and returns int32 or nothing
// error: 20:13: duplicate case 1
// error: 21:10: a case value must be a constant
