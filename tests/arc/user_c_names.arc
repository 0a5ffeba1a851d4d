// Issue 8's ice_user_malloc and ice_user_printf (internal errors before):
// a program's own malloc and printf, next to C-layer functions it links
// in (puts, and printf itself), override the C layer's for the program's
// calls; the C layer keeps its own under private symbols, so its puts and
// printf still allocate and print through them.
namespace main

extern c {
    func puts(*byte) int32
    func snprintf(*byte, usize, *byte, ...) int32
}

func malloc(n: usize) *void {
    return null
}

func printf(s: *byte) int32 {
    return 7
}

func main() int32 {
    puts("hi")
    let buf: [32]byte = {}
    snprintf(&buf, 32, "%d-%s", 42, "x")
    puts(&buf)
    if malloc(16) != null {
        return 1
    }
    return printf("x")
}
// expect: hi
// expect: 42-x
// status: 7
