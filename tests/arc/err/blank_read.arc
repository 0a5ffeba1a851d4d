// '_' takes values but holds none to read.
func f() int32 {
    let _ = 3
    let y = _ + 1
    return _
}
// error: 4:13: '_' is the blank name: it holds no value to read
// error: 5:12: '_' is the blank name: it holds no value to read
