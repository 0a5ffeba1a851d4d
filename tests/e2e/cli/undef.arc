// Calls two extern c functions nobody defines: the link error names each
// once, at its first call (lines 13 and 14), not ld's raw output.
namespace main

extern c {
    func printf(*byte, ...) int32
    func nosuch_fn(x: int32) int32
    func nosuch_other() int32
}

func main() int32 {
    printf("never linked\n")
    let a = nosuch_fn(1)
    let b = nosuch_other() + nosuch_fn(2)
    return a + b
}
