// extern c declarations of C-layer functions need the C ABI's view of
// their signature, not the same Arc types: *byte for *void, int64 for
// usize (err/c_layer_signature.arc: what does not match).
namespace main

extern c {
    func malloc(n: int64) *byte
    func free(p: *byte)
    func printf(fmt: string, ...) int32
}

func main() int32 {
    let p = malloc(8)
    p[0] = 'o'
    p[1] = 'k'
    p[2] = 0
    printf("%s\n", p)
    free(p)
    return 0
}
// expect: ok
