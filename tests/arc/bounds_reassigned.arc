// opt_checks (gen/opt.c) drops a bounds check the same path already made,
// but not once the index is assigned again: a[i] passes, i changes, and
// a[i] is checked anew and stops the program.
namespace main

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    let a: [10]int32 = {}
    let i: int32 = 4
    a[i] = 1
    printf("a[%d] = %d\n", i, a[i])
    i = i * 3
    a[i] = 2
    printf("unreachable\n")
    return 0
}
// expect: a[4] = 1
// status: 2
// stderr: arc: runtime error: index 12 out of range for length 10
