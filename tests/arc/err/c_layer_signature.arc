// An extern c declaration of a function the C layer defines must have its
// signature, as the C ABI sees it (pointers alike, integers by size).
namespace main

extern c {
    func printf(int32) int32
    func free(p: int32)
    func malloc(n: int64) *byte
}

func main() int32 {
    free(5)
    printf(cast<int32>(*malloc(4)))
    return 0
}
// error: 7:10: extern c func free(int32) does not match the C layer's func free(*void) (stdlib_arc/libc.arc:<n>:6)
// error: 6:10: extern c func printf(int32) int32 does not match the C layer's func printf(*uint8, ...) int32 (stdlib_arc/libc.arc:<n>:6)
