// 1,000 tasks on the workers each print one long line with one printf;
// tests/e2e/libc.sh checks that every line is whole (run with
// ARC_WORKERS=2, stdout to a file and to a pipe).
namespace main

extern c {
    func printf(*byte, ...) int32
    func puts(*byte) int32
}

async func say(i: int32) int32 {
    printf("task %04d begin %s %s end %04d\n", i, "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", i)
    yield
    puts("puts line from a task, whole")
    return i
}

func main() int32 {
    let tasks: [1000]Task<int32> = {}
    for i in 0..1000 {
        tasks[i] = say(i)
    }
    let sum = 0
    for i in 0..1000 {
        sum += await tasks[i]
    }
    printf("sum %d\n", sum)
    return 0
}
