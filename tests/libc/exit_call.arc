// printf without a newline, then exit(3) from a nested call: flushed.
namespace main

extern c {
    func printf(*byte, ...) int32
    func exit(int32)
}

func leave() {
    printf(" then exit")
    exit(3)
}

func main() int32 {
    printf("partial")
    leave()
    printf(" never")
    return 0
}
