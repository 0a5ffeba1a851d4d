// Names must be declared; types too.
func f() int32 {
    let x: Missing = 1
    return y + nothing()
}
// error: 3:12: unknown type 'Missing'
// error: 4:12: undefined name 'y'
// error: 4:16: unknown function 'nothing'
