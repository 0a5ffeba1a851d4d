// A small block freed twice: the second free stops the program.
namespace main

extern c {
    func printf(*byte, ...) int32
    func malloc(usize) *void
    func free(*void)
}

func main() int32 {
    let a = malloc(32)
    printf("block %p\n", a)
    free(a)
    free(a)
    let b = malloc(32)
    let c = malloc(32)
    printf("not reached: b=%p c=%p\n", b, c)
    return 0
}
