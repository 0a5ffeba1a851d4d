// A grouped constant needs a value; a local let still needs an
// initializer (only a top-level var may leave it out).
const (
    A = 1
    B
)

func main() {
    let y: int32
}
// error: 5:6: expected '=', found newline
// error: 9:17: expected '=', found newline
