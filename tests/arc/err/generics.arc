// Generic functions need type arguments of the right number (written, or
// inferred from the arguments: generic_inference.arc);
// generic structs too; a type parameter's instance is checked like code.
struct Box<T> {
    value: T
}

func first<T>(p: *T) T {
    return *p
}

func main() {
    let x: int32 = 1
    let a = first(&x, 2)
    let b = first<int32, int64>(&x)
    let c = first<int64>(&x)
    let d: Box = Box<int32>{value: 1}
    let e = Box<int32>{value: true}
}
// error: 14:13: 'first' takes 1 argument(s), not 2
// error: 15:13: 'first' takes 1 type argument(s), not 2
// error: 16:26: cannot use *int32 as *int64 for argument 1 of 'first'
// error: 17:12: 'Box' takes 1 type argument(s), not 0
// error: 18:31: cannot use bool as int32 for value
