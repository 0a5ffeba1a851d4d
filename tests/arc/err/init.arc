// init takes no parameters and returns nothing.
func init(x: int32) int32 {
    return x
}

func main() {
}
// error: 2:6: init takes no parameters and returns nothing
