// printf without a newline, then main returns: the buffer is flushed at
// exit (tests/e2e/libc.sh checks the exact bytes, to a pipe and a file).
namespace main

extern c {
    func printf(*byte, ...) int32
    func puts(*byte) int32
    func putchar(int32) int32
    func fputs(*byte, *void) int32
}

func main() int32 {
    printf("a%d", 1)
    puts(" b")
    putchar('c')
    printf(" d")
    return 0
}
