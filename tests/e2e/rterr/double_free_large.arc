// A large block (its own mapping, unmapped by the first free) freed twice.
namespace main

extern c {
    func printf(*byte, ...) int32
    func malloc(usize) *void
    func free(*void)
}

func main() int32 {
    let big = malloc(100000)
    printf("block %p\n", big)
    free(big)
    free(big)
    printf("not reached\n")
    return 0
}
