// Type-argument inference: a type parameter that no argument determines
// (a result only, null) is an error that
// asks for explicit arguments; what an argument determines is then
// checked like any call; a top-level generic method's receiver names a
// generic struct with the method's parameters as its arguments, and a
// method call takes no type arguments.
struct Box<T> {
    value: T
}

func zero<T>() T {
    let z: T = {}
    return z
}

func deref<T>(p: *T) T {
    return *p
}

func same<T>(a: T, b: T) bool {
    return a == b
}

func get<T>(self b: *Box<T>) T {
    return b.value
}

func wrong<T>(self b: *Box<int32>, x: T) T {
    return x
}

func swapped<A, B>(self p: *Box<B>) A {
    let a: A = {}
    return a
}

struct Plain {
    n: int32

    func scaled<T>(self p: *Plain, x: T) T {
        return x
    }
}

func main() {
    let a = zero()
    let b = deref(null)
    let x: int32 = 1
    let y: int64 = 2
    let c = same(x, y)
    let d = Box<int64>{value: 5}
    let e = d.get()
    let f: int32 = d.get()
    let g = d.get<int64>()
}
// error: 28:15: a generic method's receiver must be a generic struct with the method's type parameters, in order, as its arguments (S<T> or *S<...>)
// error: 32:20: a generic method's receiver must be a generic struct with the method's type parameters, in order, as its arguments (S<A, ...> or *S<...>)
// error: 40:10: a method cannot have type parameters of its own
// error: 46:13: cannot infer the type argument T of 'zero' from the arguments: write zero<...>(...)
// error: 47:13: cannot infer the type argument T of 'deref' from the arguments: write deref<...>(...)
// error: 50:21: cannot use int64 as int32 for argument 2 of 'same' (convert with cast<int32>(...))
// error: 53:21: cannot use int64 as int32 for the initializer (convert with cast<int32>(...))
// error: 54:14: method 'get' takes no type arguments (a generic struct's come from the receiver)
