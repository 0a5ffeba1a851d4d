// A program that declares a C-layer function in extern c (puts here)
// links in stdlib_arc/libc.arc, whose functions keep their C names: a
// function of the program with one of those names is an error.
namespace main

extern c {
    func puts(*byte) int32
}

func malloc(n: usize) *void {
    return null
}

func printf(s: *byte) int32 {
    return 7
}

func main() int32 {
    puts("hi")
    return printf("x")
}
// error: 10:6: 'malloc' is also defined by the C layer (stdlib_arc/libc.arc:26:6); rename this function
// error: 14:6: 'printf' is also defined by the C layer (stdlib_arc/libc.arc:749:6); rename this function
