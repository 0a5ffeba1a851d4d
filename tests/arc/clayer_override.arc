// A program's own functions and globals may use names the C layer also
// defines (remove, sleep, errno, ...): the program's definitions win, and
// the C layer keeps its own under private symbols, as when a C program
// overrides a libc function.
namespace main

extern c {
    func printf(*byte, ...) int32
    func strtol(*byte, **byte, int32) int64
    func __errno_location() *int32
}

let errno: int32 = 7

func remove(x: int32) int32 {
    return x + 1
}

func sleep(x: int32) int32 {
    return x * 2
}

func rename(a: *byte) *byte {
    return a
}

func main() int32 {
    printf("%d %d %s errno=%d\n", remove(1), sleep(3), rename("same"), errno)
    let v = strtol("99999999999999999999", null, 10)
    printf("strtol %lld sets the C layer's errno %d, not ours %d\n", v, *__errno_location(), errno)
    return 0
}
// expect: 2 6 same errno=7
// expect: strtol 9223372036854775807 sets the C layer's errno 34, not ours 7
