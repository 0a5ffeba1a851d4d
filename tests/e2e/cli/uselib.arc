// Links libtwice.a (-L DIR -l twice): twice is defined by the archive.
// expect: twice(21) = 42
namespace main

extern c {
    func printf(*byte, ...) int32
    func twice(x: int32) int32
}

func main() int32 {
    printf("twice(21) = %d\n", twice(21))
    return 0
}
