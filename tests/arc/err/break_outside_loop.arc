// break and continue need an enclosing loop (break: or switch).
func f(x: int32) {
    break
    switch x {
    case 1:
        break
        continue
    }
}
// error: 3:5: break outside a loop or switch
// error: 7:9: continue outside a loop
