// Several syntax errors in one run: the parser resynchronises at the
// next statement or declaration.
func f() {
    let = 3
    let ok = 1
    x = = 2
}

func g( {
}

struct S {
    a int32
    b: int32
}
// error: 4:9: expected identifier, found '='
// error: 6:9: expected an expression, found '='
// error: 9:9: expected a parameter name, found '{'
// error: 13:7: expected ':', found 'int32'
