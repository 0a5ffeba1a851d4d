// Function values: literals capture nothing, only function types are
// called, generic functions and built-ins are not values.
extern c {
    func memcpy(d: *void, s: *void, n: usize)
}

func id<T>(x: T) T {
    return x
}

func main() {
    let k = 2
    let f = func(x: int32) int32 { return x * k }
    let n = 5
    n(1)
    let g = id
    let h = memcpy
    let e: func(int32) = func(x: int64) {}
    let z = func(a: int32) int32 { return k }(1)
}
// error: 13:47: a function literal cannot use 'k', a local of the enclosing function (it captures nothing)
// error: 15:5: cannot call a value of type int32
// error: 16:13: generic function 'id' cannot be used as a value
// error: 17:13: built-in 'memcpy' cannot be used as a value
// error: 18:26: cannot use func(int64) as func(int32) for the initializer
// error: 19:43: a function literal cannot use 'k', a local of the enclosing function (it captures nothing)
