// A declaration needs a name: only a function literal (an expression)
// goes without one.  Was an internal error in the ELF writer ("symbol
// without a name"), found by the front-end fuzzer.
func(x: int32) int32 {
    return x * 2
}

struct S {
    v: int32

    func(self s: S) int32 {
        return s.v
    }
}

extern c {
    func(x: int32) int32
}

func main() int32 {
    let f = func(x: int32) int32 { return x + 1 }
    return f(1) - 2
}
// error: 4:5: expected the function's name, found '('
// error: 11:9: expected the function's name, found '('
// error: 17:9: expected the function's name, found '('
