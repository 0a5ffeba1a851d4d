// new and delete: a type, an integer length; delete takes what new made.
func main() {
    let a = new [true]int32
    let b = new void
    delete(5)
    let c = new Missing{x: 1}
}
// error: 3:18: new's length must be an integer, not bool
// error: 4:13: new of void
// error: 5:12: delete takes a pointer or a slice from new, not untyped integer
// error: 6:17: unknown type 'Missing'
