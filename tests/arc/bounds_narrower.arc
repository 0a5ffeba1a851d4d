// opt_checks (gen/opt.c) drops a check of i against a length only when
// the same path already checked i against one no larger: big[i] (10)
// passes, small[i] (3) is still checked and stops the program.
namespace main

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    let big: [10]int32 = {}
    let small: [3]int32 = {}
    let i: int32 = 5
    big[i] = 7
    let s = big[i] + small[i]
    printf("unreachable %d\n", s)
    return 0
}
// status: 2
// stderr: arc: runtime error: index 5 out of range for length 3
