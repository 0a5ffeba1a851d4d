// A crash does not flush stdio (the heap may be corrupt): with stdout to
// a file or pipe (fully buffered), "lost" never appears, "kept" does
// because fflush wrote it before the fault.
namespace main

extern c {
    func printf(*byte, ...) int32
    func fflush(*void) int32
}

func main() int32 {
    printf("kept\n")
    fflush(null)
    printf("lost\n")
    let p: *int32 = null
    *p = 1
    return 0
}
