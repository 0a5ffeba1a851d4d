// A function with a result must not fall off its end.
func f(x: int32) int32 {
    if x > 0 {
        return 1
    }
}

func g(x: int32) int32 {
    if x > 0 {
        return 1
    } else {
        return 2
    }
}

func h() int32 {
    for {
    }
}
// error: 2:6: missing return at the end of 'f'
